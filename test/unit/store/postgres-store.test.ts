import { afterAll, beforeAll } from 'vitest';
import { PgStore } from '../../../src/store/postgres/pg-store.js';
import { createTestDatabase, type TestDatabase } from '../../support/postgres-test-db.js';
import { describeStoreContract } from './store-contract.js';

let db: TestDatabase;
const quiet = { warn: () => undefined };

beforeAll(async () => {
  db = await createTestDatabase('contract');
});
afterAll(async () => {
  await db?.drop();
});

describeStoreContract('postgres', {
  async create() {
    // A fresh schema per test: drop everything, migrate again.
    const admin = await PgStore.open({ connectionString: db.url, migrate: false, log: quiet });
    await admin.pool.query('DROP SCHEMA public CASCADE; CREATE SCHEMA public');
    await admin.close();
    return PgStore.open({ connectionString: db.url, poolMax: 8, log: quiet });
  },
  async reopen(store) {
    await store.close();
    return PgStore.open({ connectionString: db.url, log: quiet });
  },
  sibling: () => PgStore.open({ connectionString: db.url, poolMax: 8, log: quiet }),
});
