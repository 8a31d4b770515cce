/**
 * A fresh outbox item, ready to deliver now. The seq comes from the shared
 * counter inside the caller's transaction, so per-user order follows commit order.
 */
import { randomUUID } from 'node:crypto';
import type { Tx } from '../store/port.js';
import type { OutboxItem } from '../store/records.js';

export type NewOutboxFields = Pick<OutboxItem, 'dedupeKey' | 'kind' | 'userId' | 'parts'> &
  Partial<Pick<OutboxItem, 'id' | 'fallback' | 'dossierCode'>>;

export async function newOutboxItem(t: Tx, fields: NewOutboxFields, nowIso: string): Promise<OutboxItem> {
  return {
    id: randomUUID(),
    ...fields,
    status: 'pending',
    sentParts: 0,
    attempts: 0,
    nextAttemptAt: nowIso,
    oaMessageIds: [],
    createdAt: nowIso,
    seq: await t.nextCounter('outbox_seq'),
  };
}
