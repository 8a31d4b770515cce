/**
 * A message from outside a citizen turn (officer reply, release notice) goes
 * through the outbox like any reply: same per-user order, retries and window rules.
 */
import { randomUUID } from 'node:crypto';
import type { OutMessage } from '../platform/zalo/messages.js';
import type { Tx } from '../store/port.js';
import type { OutboxItem } from '../store/records.js';

export async function enqueueOfficerMessage(t: Tx, userId: string, parts: OutMessage[], now: Date): Promise<OutboxItem> {
  const id = randomUUID();
  const at = now.toISOString();
  const item: OutboxItem = {
    id,
    dedupeKey: `officer:${id}`,
    kind: 'reply',
    userId,
    parts,
    status: 'pending',
    sentParts: 0,
    attempts: 0,
    nextAttemptAt: at,
    oaMessageIds: [],
    createdAt: at,
    seq: await t.nextCounter('outbox_seq'),
  };
  await t.addOutbox([item]);
  return item;
}
