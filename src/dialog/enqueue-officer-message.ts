/**
 * A message from outside a citizen turn (officer reply, release notice) goes
 * through the outbox like any reply: same per-user order, retries and window rules.
 */
import { newOutboxItem } from '../notify/new-outbox-item.js';
import { randomUUID } from 'node:crypto';
import type { OutMessage } from '../platform/zalo/messages.js';
import type { Tx } from '../store/port.js';
import type { OutboxItem } from '../store/records.js';

export async function enqueueOfficerMessage(t: Tx, userId: string, parts: OutMessage[], now: Date): Promise<OutboxItem> {
  const id = randomUUID();
  const item = await newOutboxItem(t, { id, dedupeKey: `officer:${id}`, kind: 'reply', userId, parts }, now.toISOString());
  await t.addOutbox([item]);
  return item;
}
