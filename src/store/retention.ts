/**
 * How long finished records are kept (both lowdb and PostgreSQL prune hourly):
 * handled inbox events 7 days (dedupe keys outlive any platform retry), sent
 * outbox items 30 days, turn log 90 days (the console charts look back at most that far).
 */
export const RETENTION_DAYS = { inboundDone: 7, outboxSent: 30, turnLog: 90 } as const;

/** ISO time `days` before `now`. */
export function retentionCutoff(now: Date, days: number): string {
  return new Date(now.getTime() - days * 86_400_000).toISOString();
}
