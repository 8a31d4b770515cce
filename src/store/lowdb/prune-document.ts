/**
 * Keeps the lowdb document small. Age first, as on PostgreSQL (../retention.ts);
 * then, because lowdb holds the whole document in memory and rewrites it at
 * every compaction, a count ceiling (LOWDB_KEEP) on the records that grow with
 * every message: done inbox events, sent replies, turn-log entries and
 * transcripts; the oldest go first. What the console's statistics read is kept:
 * sent notifications are not capped (30 days of them feed the overview), and the
 * turn-log ceiling is far above what the 30-day charts of a desk need
 * (docs/deploy.md, "lowdb: retention and ceiling").
 * Records younger than a floor are never dropped for the count: done inbox
 * events answer a platform redelivery with "duplicate", a transcript is what an
 * officer reads during a handoff.
 *
 * Linear in the number of records: one pass per collection (Map.forEach: no
 * pair allocated per record), and past a ceiling the cut-off time is found by
 * selection, not by sorting.
 */
import type { CollectionName, DocumentData } from '../document/document-data.js';
import { RETENTION_DAYS, retentionCutoff, subscriptionExpired } from '../retention.js';

/** At most this many finished records of each kind (figures in docs/deploy.md). */
export const LOWDB_KEEP = { inboundDone: 20_000, repliesSent: 10_000, turnLog: 100_000, transcripts: 20_000 } as const;
/** Never dropped for the count when younger: 8× the webhook window (3 h; redeliveries come within 1 h). */
export const DEDUPE_FLOOR_MS = 24 * 3600_000;
/** Twice the default handoff timeout (HANDOFF_TIMEOUT_HOURS, 24 h). */
export const TRANSCRIPT_FLOOR_MS = 48 * 3600_000;

type Drop = (coll: CollectionName, id: string) => void;

/** Delete old records in place; returns how many went. `onDelete` hears each one (the journal records them). */
export function pruneDocument(data: DocumentData, now: Date, onDelete: Drop = () => undefined): number {
  let n = 0;
  const drop: Drop = (coll, id) => {
    (data[coll] as Map<string, unknown>).delete(id);
    onDelete(coll, id);
    n++;
  };
  const ago = (ms: number) => new Date(now.getTime() - ms).toISOString();

  const inboundBefore = retentionCutoff(now, RETENTION_DAYS.inboundDone);
  const failedBefore = retentionCutoff(now, RETENTION_DAYS.inboundFailed);
  let done = 0;
  data.inbound.forEach((r, k) => {
    if ((r.status === 'done' && r.receivedAt < inboundBefore) || (r.status === 'failed' && r.receivedAt < failedBefore)) drop('inbound', k);
    else if (r.status === 'done') done++;
  });
  const dedupeFloor = ago(DEDUPE_FLOOR_MS);
  dropOldest(data.inbound, done - LOWDB_KEEP.inboundDone, (r) => (r.status === 'done' && r.receivedAt < dedupeFloor ? r.receivedAt : undefined), (id) => drop('inbound', id));

  const outboxBefore = retentionCutoff(now, RETENTION_DAYS.outboxSent);
  let replies = 0;
  data.outbox.forEach((i, k) => {
    if (i.status !== 'sent') return;
    if ((i.sentAt ?? i.createdAt) < outboxBefore) drop('outbox', k);
    else if (i.kind === 'reply') replies++;
  });
  // The ceiling is on replies only: sent notifications feed the console's statistics for 30 days.
  dropOldest(data.outbox, replies - LOWDB_KEEP.repliesSent, (i) => (i.status === 'sent' && i.kind === 'reply' ? (i.sentAt ?? i.createdAt) : undefined), (id) => drop('outbox', id));

  const turnBefore = retentionCutoff(now, RETENTION_DAYS.turnLog);
  let turns = 0;
  data.turnLog.forEach((e, k) => {
    if (e.at < turnBefore) drop('turnLog', k);
    else turns++;
  });
  dropOldest(data.turnLog, turns - LOWDB_KEEP.turnLog, (e) => e.at, (id) => drop('turnLog', id));

  const transcriptBefore = retentionCutoff(now, RETENTION_DAYS.transcriptIdle);
  let transcripts = 0;
  data.transcripts.forEach((tr, k) => {
    if (tr.updatedAt < transcriptBefore) drop('transcripts', k);
    else transcripts++;
  });
  const transcriptFloor = ago(TRANSCRIPT_FLOOR_MS);
  dropOldest(data.transcripts, transcripts - LOWDB_KEEP.transcripts, (tr) => (tr.updatedAt < transcriptFloor ? tr.updatedAt : undefined), (id) => drop('transcripts', id));

  data.subscriptions.forEach((s, k) => {
    if (subscriptionExpired(s, data.dossiers.get(s.code), now)) drop('subscriptions', k);
  });
  return n;
}

/**
 * Drop the `excess` oldest records of `records` among those `timeOf` dates
 * (undefined: may not go); fewer when not that many may go. Linear: the cut-off
 * is the excess-th smallest time, found by selection.
 */
export function dropOldest<T>(
  records: Map<string, T>,
  excess: number,
  timeOf: (record: T) => string | undefined,
  drop: (id: string) => void,
): void {
  if (excess <= 0) return;
  const ids: string[] = [];
  const times: string[] = [];
  records.forEach((record, id) => {
    const at = timeOf(record);
    if (at !== undefined) {
      ids.push(id);
      times.push(at);
    }
  });
  if (ids.length <= excess) {
    for (const id of ids) drop(id);
    return;
  }
  const cut = kthSmallest(times.slice(), excess - 1);
  // Everything strictly older than the cut-off goes, then records at the cut-off until the count is reached.
  let left = excess;
  for (let i = 0; i < ids.length && left > 0; i++) {
    if (times[i]! < cut) (drop(ids[i]!), left--);
  }
  for (let i = 0; i < ids.length && left > 0; i++) {
    if (times[i] === cut) (drop(ids[i]!), left--);
  }
}

/** The k-th smallest (0-based) of `a` (reordered in place): quickselect, linear on average. */
function kthSmallest(a: string[], k: number): string {
  let lo = 0;
  let hi = a.length - 1;
  while (lo < hi) {
    const pivot = a[lo + ((hi - lo) >> 1)]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        const t = a[i]!;
        a[i] = a[j]!;
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return a[k]!;
  }
  return a[k]!;
}
