/** Keeps the lowdb file small: see ../retention.ts for what goes when. */
import type { DocumentData } from '../document/document-data.js';
import { RETENTION_DAYS, retentionCutoff } from '../retention.js';

/** Delete old records in place; returns how many went. */
export function pruneDocument(data: DocumentData, now: Date): number {
  let n = 0;
  const inboundBefore = retentionCutoff(now, RETENTION_DAYS.inboundDone);
  for (const [k, r] of Object.entries(data.inbound)) {
    if (r.status === 'done' && r.receivedAt < inboundBefore) (delete data.inbound[k], n++);
  }
  const outboxBefore = retentionCutoff(now, RETENTION_DAYS.outboxSent);
  for (const [k, i] of Object.entries(data.outbox)) {
    if (i.status === 'sent' && (i.sentAt ?? i.createdAt) < outboxBefore) (delete data.outbox[k], n++);
  }
  const turnBefore = retentionCutoff(now, RETENTION_DAYS.turnLog);
  for (const [k, e] of Object.entries(data.turnLog)) {
    if (e.at < turnBefore) (delete data.turnLog[k], n++);
  }
  return n;
}
