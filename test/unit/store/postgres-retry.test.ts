/** PostgreSQL store: a transaction whose connection is killed is retried whole; pool errors never crash. */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PgStore } from '../../../src/store/postgres/pg-store.js';
import { createTestDatabase, type TestDatabase } from '../../support/postgres-test-db.js';
import { inbound, sleep } from './store-records.js';

let db: TestDatabase;
let admin: pg.Client;
const warnings: string[] = [];
const log = { warn: (_obj: object, msg?: string) => void warnings.push(msg ?? '') };

beforeAll(async () => {
  db = await createTestDatabase('retry');
  admin = new pg.Client({ connectionString: db.url });
  await admin.connect();
});
afterAll(async () => {
  await admin?.end();
  await db?.drop();
});

const killBackend = (pid: number) => admin.query('SELECT pg_terminate_backend($1)', [pid]);

describe('PostgreSQL store on connection loss', () => {
  it('retries a transaction whose connection was terminated, and commits it once', async () => {
    const store = await PgStore.open({ connectionString: db.url, log });
    try {
      let attempts = 0;
      const inserted = await store.tx(
        async (t) => {
          attempts++;
          const fresh = await t.insertInbound(inbound('retry-me'));
          if (attempts === 1) {
            const pid = ((await (t as unknown as { c: pg.ClientBase }).c.query('SELECT pg_backend_pid() AS pid')).rows[0] as { pid: number }).pid;
            await killBackend(pid);
          }
          await t.nextCounter('retry');
          return fresh;
        },
        { lock: 'user:retry' },
      );
      expect(attempts).toBe(2);
      expect(inserted).toBe(true);
      expect(await store.tx((t) => t.nextCounter('retry'))).toBe(2);
      expect(warnings.some((w) => w.includes('transient error, retrying'))).toBe(true);
    } finally {
      await store.close();
    }
  });

  it('survives the server killing idle and checked-out connections', async () => {
    const store = await PgStore.open({ connectionString: db.url, log });
    try {
      await store.tx((t) => t.nextCounter('warm'));
      await store.withLock('oa-token', async () => {
        // Every connection of this database but ours goes: the idle pooled one and the one holding the lock.
        await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()');
        await sleep(200);
      });
      expect(await store.tx((t) => t.nextCounter('warm'))).toBe(2);
    } finally {
      await store.close();
    }
  });
});
