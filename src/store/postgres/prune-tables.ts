/** PostgreSQL side of ../retention.ts: delete finished records past their retention. */
import type pg from 'pg';
import { RETENTION_DAYS, retentionCutoff } from '../retention.js';

export async function pruneTables(pool: pg.Pool, now: Date): Promise<number> {
  const cut = (days: number) => retentionCutoff(now, days);
  const results = await Promise.all([
    pool.query(`DELETE FROM inbound_events WHERE status = 'done' AND received_at < $1`, [cut(RETENTION_DAYS.inboundDone)]),
    pool.query(`DELETE FROM inbound_events WHERE status = 'failed' AND received_at < $1`, [cut(RETENTION_DAYS.inboundFailed)]),
    pool.query(`DELETE FROM outbox WHERE status = 'sent' AND coalesce(data->>'sentAt', created_at) < $1`, [
      cut(RETENTION_DAYS.outboxSent),
    ]),
    pool.query('DELETE FROM turn_log WHERE at < $1', [cut(RETENTION_DAYS.turnLog)]),
    pool.query('DELETE FROM transcripts WHERE updated_at < $1', [cut(RETENTION_DAYS.transcriptIdle)]),
    // subscriptionExpired (../retention.ts) in SQL: ended 30 days after the dossier's final
    // status, or idle 180 days (no dossier change, no new subscription; or no dossier at all).
    pool.query(
      `DELETE FROM subscriptions s
        WHERE EXISTS (SELECT 1 FROM dossiers d WHERE d.code = s.code AND d.data ? 'finalAt'
                        AND greatest(s.created_at, (d.data->>'finalAt') COLLATE "C") < $1)
           OR greatest(s.created_at, (SELECT d.updated_at FROM dossiers d WHERE d.code = s.code)) < $2`,
      [cut(RETENTION_DAYS.subscriptionAfterFinal), cut(RETENTION_DAYS.subscriptionIdle)],
    ),
  ]);
  return results.reduce((n, r) => n + (r.rowCount ?? 0), 0);
}
