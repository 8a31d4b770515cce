import { afterAll } from 'vitest';
import { PgStore } from '../../../src/store/postgres/pg-store.js';
import { createTestDatabase, type TestDatabase } from '../../support/postgres-test-db.js';
import { describeStoreContract } from './store-contract.js';

let db: TestDatabase | undefined;
let creating: Promise<TestDatabase> | undefined;
const quiet = { warn: () => undefined };

/** Created by the first test, so that without a server every test fails with the reason (none is skipped). */
async function database(): Promise<TestDatabase> {
  db = await (creating ??= createTestDatabase('contract'));
  return db;
}

afterAll(async () => {
  await db?.drop();
});

describeStoreContract('postgres', {
  async create() {
    // A fresh schema per test: drop everything, migrate again.
    const { url } = await database();
    const admin = await PgStore.open({ connectionString: url, migrate: false, log: quiet });
    await admin.pool.query('DROP SCHEMA public CASCADE; CREATE SCHEMA public');
    await admin.close();
    return PgStore.open({ connectionString: url, poolMax: 8, log: quiet });
  },
  async reopen(store) {
    await store.close();
    return PgStore.open({ connectionString: (await database()).url, log: quiet });
  },
  prune: (store, now) => (store as PgStore).housekeep(now),
  sibling: async () => PgStore.open({ connectionString: (await database()).url, poolMax: 8, log: quiet }),
});
