/**
 * A ZNS delivery receipt names our outbox item by tracking_id (= the item's id):
 * mark the item delivered, once. A tracking id we do not know is ignored.
 */
import type { Tx } from '../store/port.js';

export async function recordZnsDelivery(t: Tx, trackingId: string, atIso: string): Promise<boolean> {
  const item = await t.getOutbox(trackingId);
  if (!item || item.deliveredAt) return false;
  await t.putOutbox({ ...item, deliveredAt: atIso });
  return true;
}
