/** Dossier statements for the PostgreSQL Tx: the record, its event rows, the console search. */
import type { ClientBase } from 'pg';
import type { DossierQuery } from '../port.js';
import type { Dossier } from '../records.js';
import { toJsonb as json } from './to-jsonb.js';

/** Lower case without Vietnamese diacritics, as the memory store's search folds. */
const fold = (s: string) =>
  s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();

export async function putDossier(c: ClientBase, d: Dossier): Promise<void> {
  await c.query(
    `INSERT INTO dossiers (code, procedure_code, status, code_folded, name_folded, updated_at, data)
     VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (code) DO UPDATE SET procedure_code = EXCLUDED.procedure_code, status = EXCLUDED.status,
       code_folded = EXCLUDED.code_folded, name_folded = EXCLUDED.name_folded,
       updated_at = EXCLUDED.updated_at, data = EXCLUDED.data`,
    [d.code, d.procedureCode, d.status, fold(d.code), fold(d.applicant.fullName), d.updatedAt, json(d)],
  );
  // The history lives in the record (the port's model, bounded by the domain); dossier_events
  // mirrors it, one row per event id: rows for new events are inserted, rows of events the
  // bounded history dropped are deleted, and the others are left alone (an event never changes
  // once recorded), so an event writes one row, not the whole history again.
  await c.query(
    `WITH h AS (SELECT e FROM jsonb_array_elements($2::jsonb) AS e),
          dropped AS (DELETE FROM dossier_events x
                       WHERE x.code = $1 AND x.event_id NOT IN (SELECT e->>'eventId' FROM h))
     INSERT INTO dossier_events (code, event_id, status, at, applied, after_final, recorded_at)
     SELECT $1, e->>'eventId', (e->>'status')::smallint, e->>'at', (e->>'applied')::boolean,
            coalesce((e->>'afterFinal')::boolean, false), e->>'recordedAt'
       FROM h
     ON CONFLICT (code, event_id) DO NOTHING`,
    [d.code, json(d.history)],
  );
}

export async function searchDossiers(c: ClientBase, query: DossierQuery): Promise<{ items: Dossier[]; total: number }> {
  const q = query.q ? fold(query.q.trim()) : '';
  const where = `($1::smallint IS NULL OR status = $1)
    AND ($2 = '' OR strpos(code_folded, $2) > 0 OR strpos(procedure_code, $2) > 0 OR strpos(name_folded, $2) > 0)`;
  const params = [query.status ?? null, q];
  const total = await c.query<{ n: string }>(`SELECT count(*) AS n FROM dossiers WHERE ${where}`, params);
  const items = await c.query<{ data: Dossier }>(
    `SELECT data FROM dossiers WHERE ${where} ORDER BY updated_at DESC LIMIT $3 OFFSET $4`,
    [...params, query.limit ?? 50, query.offset ?? 0],
  );
  return { items: items.rows.map((r) => r.data), total: Number(total.rows[0]!.n) };
}
