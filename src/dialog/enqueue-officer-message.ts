/**
 * A message from outside a citizen turn (officer reply, release notice) goes
 * through the outbox like any reply: same per-user order, retries and window rules.
 */
import { newOutboxItem } from '../notify/new-outbox-item.js';
import { randomUUID } from 'node:crypto';
import type { OutMessage } from '../platform/zalo/messages.js';
import type { Tx } from '../store/port.js';
import type { OutboxItem } from '../store/records.js';

/**
 * `fallback`: what to send instead when the OA refuses the consultation message because
 * the citizen has not written for 7 days (a transaction message); without it the item
 * waits for the citizen's next message.
 */
export async function enqueueOfficerMessage(t: Tx, userId: string, parts: OutMessage[], now: Date, fallback?: OutMessage[]): Promise<OutboxItem> {
  const id = randomUUID();
  const fields = { id, dedupeKey: `officer:${id}`, kind: 'reply' as const, userId, parts, ...(fallback ? { fallback } : {}) };
  const item = await newOutboxItem(t, fields, now.toISOString());
  await t.addOutbox([item]);
  return item;
}
