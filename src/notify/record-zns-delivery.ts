/**
 * A ZNS delivery receipt names our outbox item by tracking_id (= the item's id):
 * mark the item delivered, once. A tracking id we do not know is ignored.
 * An item nobody is sending (its send was interrupted, or it gave up after an
 * answer that never came) is also closed as sent: the receipt proves Zalo has it,
 * so it must not be sent again. An item a live worker holds keeps its state: the
 * worker records the outcome and keeps the receipt (outbox-worker.ts `save`).
 */
import type { Tx } from '../store/port.js';

export async function recordZnsDelivery(t: Tx, trackingId: string, atIso: string): Promise<boolean> {
  const item = await t.getOutbox(trackingId);
  if (!item || item.deliveredAt) return false;
  const held = item.status === 'sending' && (item.leaseUntil ?? '') >= atIso;
  if (item.status === 'sent' || held) {
    await t.putOutbox({ ...item, deliveredAt: atIso });
    return true;
  }
  await t.putOutbox({
    ...item,
    deliveredAt: atIso,
    status: 'sent',
    via: 'zns',
    sentParts: item.parts.length,
    sentAt: item.sentAt ?? atIso,
    znsSendStartedAt: undefined,
    lastError: undefined,
    claimedBy: undefined,
    leaseUntil: undefined,
  });
  return true;
}
