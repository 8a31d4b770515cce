/** Keeps the lowdb file small: see ../retention.ts for what goes when. */
import type { CollectionName, DocumentData } from '../document/document-data.js';
import { RETENTION_DAYS, retentionCutoff, subscriptionExpired } from '../retention.js';

/** Delete old records in place; returns how many went. `onDelete` hears each one (the journal records them). */
export function pruneDocument(
  data: DocumentData,
  now: Date,
  onDelete: (coll: CollectionName, id: string) => void = () => undefined,
): number {
  let n = 0;
  const drop = (coll: CollectionName, id: string) => {
    delete (data[coll] as Record<string, unknown>)[id];
    onDelete(coll, id);
    n++;
  };
  const inboundBefore = retentionCutoff(now, RETENTION_DAYS.inboundDone);
  const failedBefore = retentionCutoff(now, RETENTION_DAYS.inboundFailed);
  for (const [k, r] of Object.entries(data.inbound)) {
    if ((r.status === 'done' && r.receivedAt < inboundBefore) || (r.status === 'failed' && r.receivedAt < failedBefore)) drop('inbound', k);
  }
  const outboxBefore = retentionCutoff(now, RETENTION_DAYS.outboxSent);
  for (const [k, i] of Object.entries(data.outbox)) {
    if (i.status === 'sent' && (i.sentAt ?? i.createdAt) < outboxBefore) drop('outbox', k);
  }
  const turnBefore = retentionCutoff(now, RETENTION_DAYS.turnLog);
  for (const [k, e] of Object.entries(data.turnLog)) {
    if (e.at < turnBefore) drop('turnLog', k);
  }
  const transcriptBefore = retentionCutoff(now, RETENTION_DAYS.transcriptIdle);
  for (const [k, tr] of Object.entries(data.transcripts)) {
    if (tr.updatedAt < transcriptBefore) drop('transcripts', k);
  }
  for (const [k, s] of Object.entries(data.subscriptions)) {
    if (subscriptionExpired(s, data.dossiers[s.code], now)) drop('subscriptions', k);
  }
  return n;
}
