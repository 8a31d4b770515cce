/**
 * dedupeKey → id over the committed outbox of one DocumentData, so addOutbox
 * does not scan every item ever sent. Built lazily, kept current by
 * StagedWrites.commit; entries are verified on use, so records deleted
 * elsewhere (pruning) need no bookkeeping.
 */
import type { OutboxItem } from '../records.js';

type Outbox = Map<string, OutboxItem>;

const indexes = new WeakMap<Outbox, Map<string, string>>();

export function outboxDedupeIndex(outbox: Outbox): Map<string, string> {
  let index = indexes.get(outbox);
  if (!index) {
    index = new Map();
    for (const [id, item] of outbox) index.set(item.dedupeKey, id);
    indexes.set(outbox, index);
  }
  return index;
}

/** Called on commit for every outbox item written (only if an index exists yet). */
export function noteCommittedOutbox(outbox: Outbox, id: string, item: OutboxItem): void {
  indexes.get(outbox)?.set(item.dedupeKey, id);
}
