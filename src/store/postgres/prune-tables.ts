/** PostgreSQL side of ../retention.ts: delete finished records past their retention. */
import type pg from 'pg';
import { RETENTION_DAYS, retentionCutoff } from '../retention.js';

export async function pruneTables(pool: pg.Pool, now: Date): Promise<number> {
  const cut = (days: number) => retentionCutoff(now, days);
  const results = await Promise.all([
    pool.query(`DELETE FROM inbound_events WHERE status = 'done' AND received_at < $1`, [cut(RETENTION_DAYS.inboundDone)]),
    pool.query(`DELETE FROM outbox WHERE status = 'sent' AND coalesce(data->>'sentAt', created_at) < $1`, [
      cut(RETENTION_DAYS.outboxSent),
    ]),
    pool.query('DELETE FROM turn_log WHERE at < $1', [cut(RETENTION_DAYS.turnLog)]),
  ]);
  return results.reduce((n, r) => n + (r.rowCount ?? 0), 0);
}
