/**
 * How long finished records are kept (both lowdb and PostgreSQL prune hourly):
 * handled inbox events 7 days (dedupe keys outlive any platform retry), parked
 * (failed) ones 30 days (the console lists them), sent outbox items 30 days, turn log 90 days (the console charts look back at most that far),
 * a citizen's recent-turns transcript 30 days after their last turn (an officer needs it
 * only while a handoff is open; handoffs last HANDOFF_TIMEOUT_HOURS).
 *
 * Subscriptions end (see subscriptionExpired) 30 days after their dossier reached a
 * final status (time to read the last notification and rate the service), or after
 * 180 days in which neither the dossier changed nor the subscription was made
 * (the one-stop system stopped reporting it; also a subscription whose dossier is missing).
 */
import type { Dossier, Subscription } from './records.js';

export const RETENTION_DAYS = {
  inboundDone: 7,
  inboundFailed: 30,
  outboxSent: 30,
  turnLog: 90,
  transcriptIdle: 30,
  subscriptionAfterFinal: 30,
  subscriptionIdle: 180,
} as const;

/** ISO time `days` before `now`. */
export function retentionCutoff(now: Date, days: number): string {
  return new Date(now.getTime() - days * 86_400_000).toISOString();
}

const later = (a: string, b: string | undefined) => (b !== undefined && b > a ? b : a);

/**
 * Whether `sub` has ended at `now`. `dossier.finalAt` is set by the domain when the
 * dossier reaches a final status; the store needs no status knowledge.
 * Keep in sync with the SQL in postgres/prune-tables.ts.
 */
export function subscriptionExpired(
  sub: Subscription,
  dossier: Pick<Dossier, 'finalAt' | 'updatedAt'> | undefined,
  now: Date,
): boolean {
  if (dossier?.finalAt && later(sub.createdAt, dossier.finalAt) < retentionCutoff(now, RETENTION_DAYS.subscriptionAfterFinal)) {
    return true;
  }
  return later(sub.createdAt, dossier?.updatedAt) < retentionCutoff(now, RETENTION_DAYS.subscriptionIdle);
}
