/**
 * A fresh database per test file on the server from postgres-global-setup.ts,
 * so files run in parallel without sharing state. Fails (never skips) when no
 * server is available.
 *
 *   const db = await createTestDatabase('contract'); … db.url …; await db.drop();
 */
import { inject } from 'vitest';
import { createDatabase, type TestDatabase } from './postgres-database.js';

export type { TestDatabase };

export function postgresAdminUrl(): string {
  const url = inject('pgAdminUrl');
  if (!url) {
    throw new Error(
      `PostgreSQL tests need a server and none is available: ${inject('pgError') || 'unknown reason'}. ` +
        'Set TEST_DATABASE_URL=postgres://user@host:port/db, or install the `postgresql` package (initdb, pg_ctl) ' +
        'so the tests can start a throwaway cluster.',
    );
  }
  return url;
}

export function createTestDatabase(prefix: string, adminUrl = postgresAdminUrl()): Promise<TestDatabase> {
  return createDatabase(adminUrl, prefix);
}
