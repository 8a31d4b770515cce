/**
 * A fresh database per test file on the server from postgres-global-setup.ts,
 * so files run in parallel without sharing state. Fails (never skips) when no
 * server is available.
 *
 *   const db = await createTestDatabase('contract'); … db.url …; await db.drop();
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

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

export async function createTestDatabase(prefix: string, adminUrl = postgresAdminUrl()): Promise<TestDatabase> {
  const name = `motcua_${prefix.replace(/\W/g, '_')}_${randomBytes(4).toString('hex')}`.toLowerCase();
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}
