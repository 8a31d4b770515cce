/** PostgreSQL only: the dossier_events rows mirror the bounded history without rewriting it. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PgStore } from '../../../src/store/postgres/pg-store.js';
import type { DossierEvent } from '../../../src/store/records.js';
import { createTestDatabase, type TestDatabase } from '../../support/postgres-test-db.js';
import { at, dossier } from './store-records.js';

let db: TestDatabase;
let store: PgStore;
beforeAll(async () => {
  db = await createTestDatabase('dossier_events');
  store = await PgStore.open({ connectionString: db.url, log: { warn: () => undefined } });
});
afterAll(async () => {
  await store?.close();
  await db?.drop();
});

const ev = (i: number, over: Partial<DossierEvent> = {}): DossierEvent => ({
  eventId: `e${i}`, status: 4, at: at(i), recordedAt: at(i), applied: true, ...over,
});

async function rows(code: string) {
  const r = await store.pool.query<{ event_id: string; after_final: boolean; xmin: string }>(
    'SELECT event_id, after_final, xmin::text FROM dossier_events WHERE code = $1 ORDER BY event_id',
    [code],
  );
  return r.rows;
}

describe('PostgreSQL dossier_events', () => {
  it('inserts the new event, leaves recorded ones untouched, deletes the ones the history dropped', async () => {
    const code = 'EV-260302-0001';
    const history = [ev(1), ev(2), ev(3)];
    await store.tx((t) => t.putDossier(dossier(code, { history })));
    const before = await rows(code);
    expect(before.map((r) => r.event_id)).toEqual(['e1', 'e2', 'e3']);

    const after = ev(4, { status: 9, applied: false, afterFinal: true });
    await store.tx((t) => t.putDossier(dossier(code, { status: 10, history: [history[0]!, history[2]!, after], historyDropped: 1 })));
    const now = await rows(code);
    expect(now.map((r) => [r.event_id, r.after_final])).toEqual([
      ['e1', false],
      ['e3', false],
      ['e4', true],
    ]);
    // The rows already there were not rewritten (same row version).
    const xmin = (rs: typeof now, id: string) => rs.find((r) => r.event_id === id)!.xmin;
    expect(xmin(now, 'e1')).toBe(xmin(before, 'e1'));
    expect(xmin(now, 'e3')).toBe(xmin(before, 'e3'));
    expect(xmin(now, 'e4')).not.toBe(xmin(before, 'e1'));
  });
});
