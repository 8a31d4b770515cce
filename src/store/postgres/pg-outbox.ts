/** Outbox statements for the PostgreSQL Tx (the part with concurrency rules). */
import type { ClientBase } from 'pg';
import type { OutboxQuery, OutboxStats } from '../port.js';
import type { OutboxItem } from '../records.js';
import { toJsonb } from './to-jsonb.js';

const cols = (i: OutboxItem) => [
  i.id,
  i.dedupeKey,
  i.kind,
  i.userId,
  i.status,
  i.seq,
  i.nextAttemptAt,
  i.leaseUntil ?? null,
  i.claimedBy ?? null,
  i.dossierCode ?? null,
  i.createdAt,
  toJsonb(i),
];

const INSERT = `INSERT INTO outbox (id, dedupe_key, kind, user_id, status, seq, next_attempt_at, lease_until,
  claimed_by, dossier_code, created_at, data) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12)`;

export async function addOutbox(c: ClientBase, items: OutboxItem[]): Promise<OutboxItem[]> {
  const inserted: OutboxItem[] = [];
  for (const item of items) {
    // Dedupe by the unique dedupe_key; a conflicting id is a bug and should throw.
    const r = await c.query(`${INSERT} ON CONFLICT (dedupe_key) DO NOTHING`, cols(item));
    if (r.rowCount === 1) inserted.push(structuredClone(item));
  }
  return inserted;
}

export async function putOutbox(c: ClientBase, item: OutboxItem): Promise<void> {
  await c.query(
    `${INSERT} ON CONFLICT (id) DO UPDATE SET dedupe_key = EXCLUDED.dedupe_key, kind = EXCLUDED.kind,
      user_id = EXCLUDED.user_id, status = EXCLUDED.status, seq = EXCLUDED.seq,
      next_attempt_at = EXCLUDED.next_attempt_at, lease_until = EXCLUDED.lease_until,
      claimed_by = EXCLUDED.claimed_by, dossier_code = EXCLUDED.dossier_code,
      created_at = EXCLUDED.created_at, data = EXCLUDED.data`,
    cols(item),
  );
}

/**
 * Per-user order: only each user's lowest-seq unfinished item is a candidate.
 * FOR UPDATE SKIP LOCKED lets concurrent claimers (other instances) pass over
 * rows being claimed; the status/lease test is on the locked row itself so it
 * is re-checked against the newest version if another claimer committed first.
 */
export async function claimOutbox(
  c: ClientBase,
  owner: string,
  now: string,
  leaseUntil: string,
  limit: number,
): Promise<OutboxItem[]> {
  const r = await c.query<{ data: OutboxItem }>(
    `WITH heads AS (
       SELECT DISTINCT ON (user_id) id FROM outbox
        WHERE status IN ('pending', 'sending') -- waiting items are parked, they hold nothing back
        ORDER BY user_id, seq
     ), ready AS (
       SELECT o.id FROM outbox o JOIN heads h ON h.id = o.id
        WHERE (o.status = 'pending' AND o.next_attempt_at <= $2)
           OR (o.status = 'sending' AND coalesce(o.lease_until, '') < $2)
        ORDER BY o.next_attempt_at, o.seq
        LIMIT $4
        FOR UPDATE OF o SKIP LOCKED
     )
     UPDATE outbox SET status = 'sending', claimed_by = $1, lease_until = $3,
       data = outbox.data || jsonb_build_object('status', 'sending', 'claimedBy', $1::text, 'leaseUntil', $3::text)
      FROM ready WHERE outbox.id = ready.id
     RETURNING outbox.data`,
    [owner, now, leaseUntil, limit],
  );
  return r.rows
    .map((row) => row.data)
    .sort((a, b) => a.nextAttemptAt.localeCompare(b.nextAttemptAt) || a.seq - b.seq);
}

export async function listOutbox(c: ClientBase, q: OutboxQuery): Promise<OutboxItem[]> {
  const r = await c.query<{ data: OutboxItem }>(
    `SELECT data FROM outbox
      WHERE ($1::text IS NULL OR status = $1) AND ($2::text IS NULL OR user_id = $2)
        AND ($3::text IS NULL OR dossier_code = $3)
      ORDER BY created_at DESC, seq DESC LIMIT $4`,
    [q.status ?? null, q.userId ?? null, q.dossierCode ?? null, q.limit ?? 100],
  );
  return r.rows.map((row) => row.data);
}

export async function releaseWaitingOutbox(c: ClientBase, userId: string, now: string): Promise<number> {
  const r = await c.query(
    `UPDATE outbox SET status = 'pending', next_attempt_at = $2,
       data = data || jsonb_build_object('status', 'pending', 'nextAttemptAt', $2::text)
      WHERE user_id = $1 AND status = 'waiting'`,
    [userId, now],
  );
  return r.rowCount ?? 0;
}

export async function outboxStats(c: ClientBase): Promise<OutboxStats> {
  const r = await c.query<{ status: keyof Omit<OutboxStats, 'oldestUnsentAt'>; n: string; oldest: string | null }>(
    `SELECT status, count(*) AS n, min(created_at) AS oldest FROM outbox GROUP BY status`,
  );
  const stats: OutboxStats = { pending: 0, sending: 0, sent: 0, waiting: 0, failed: 0 };
  for (const row of r.rows) {
    stats[row.status] = Number(row.n);
    if (row.status !== 'sent' && row.status !== 'failed' && row.oldest) {
      if (!stats.oldestUnsentAt || row.oldest < stats.oldestUnsentAt) stats.oldestUnsentAt = row.oldest;
    }
  }
  return stats;
}
