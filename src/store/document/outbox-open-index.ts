/**
 * Ids of the unfinished outbox items (pending, sending, waiting) of one
 * DocumentData's committed outbox, so claimOutbox and releaseWaitingOutbox
 * read the few open items instead of every item ever sent. Built lazily in the
 * outbox's own order, kept current by StagedWrites.commit; every id is checked
 * against the record on use, so a stale id (a record deleted or finished
 * outside a commit, e.g. pruning) costs nothing but a lookup.
 */
import type { OutboxItem, OutboxStatus } from '../records.js';

type Outbox = Map<string, OutboxItem>;

const indexes = new WeakMap<Outbox, Set<string>>();

export const isOpenOutbox = (status: OutboxStatus): boolean =>
  status === 'pending' || status === 'sending' || status === 'waiting';

export function openOutboxIds(outbox: Outbox): Set<string> {
  let index = indexes.get(outbox);
  if (!index) {
    index = new Set();
    for (const [id, item] of outbox) if (isOpenOutbox(item.status)) index.add(id);
    indexes.set(outbox, index);
  }
  return index;
}

/** Called on commit for every outbox item written (`undefined`: deleted); only if an index exists yet. */
export function noteOpenOutbox(outbox: Outbox, id: string, item: OutboxItem | undefined): void {
  const index = indexes.get(outbox);
  if (!index) return;
  if (item && isOpenOutbox(item.status)) index.add(id);
  else index.delete(id);
}
