/**
 * Keeps the lowdb file small: done inbox events older than 7 days (platform
 * retries are long over), sent outbox items older than 30 days, turn log
 * entries older than 90 days (the console charts look back at most that far).
 */
import type { DocumentData } from '../document/document-data.js';

const DAY = 86_400_000;

export const RETENTION_DAYS = { inboundDone: 7, outboxSent: 30, turnLog: 90 } as const;

/** Delete old records in place; returns how many went. */
export function pruneDocument(data: DocumentData, now: Date): number {
  const before = (days: number) => new Date(now.getTime() - days * DAY).toISOString();
  let n = 0;
  const inboundBefore = before(RETENTION_DAYS.inboundDone);
  for (const [k, r] of Object.entries(data.inbound)) {
    if (r.status === 'done' && r.receivedAt < inboundBefore) (delete data.inbound[k], n++);
  }
  const outboxBefore = before(RETENTION_DAYS.outboxSent);
  for (const [k, i] of Object.entries(data.outbox)) {
    if (i.status === 'sent' && (i.sentAt ?? i.createdAt) < outboxBefore) (delete data.outbox[k], n++);
  }
  const turnBefore = before(RETENTION_DAYS.turnLog);
  for (const [k, e] of Object.entries(data.turnLog)) {
    if (e.at < turnBefore) (delete data.turnLog[k], n++);
  }
  return n;
}
