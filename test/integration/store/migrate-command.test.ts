/** `npm run migrate` as a real process: applies the migrations once, then reports the schema up to date. */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { listMigrations } from '../../../src/store/postgres/run-migrations.js';
import { createTestDatabase, type TestDatabase } from '../../support/postgres-test-db.js';
import { REPO_ROOT } from '../../support/spawn-bot.js';

const run = promisify(execFile);
const migrate = (env: Record<string, string>) =>
  run(process.execPath, ['--import', 'tsx', 'src/store/postgres/migrate-command.ts'], {
    cwd: REPO_ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
  });

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase('migrate');
});
afterAll(async () => {
  await db?.drop();
});

describe('npm run migrate', () => {
  it('applies every migration once', async () => {
    const names = await listMigrations();
    expect((await migrate({ DATABASE_URL: db.url })).stdout.trim()).toBe(`applied: ${names.join(', ')}`);
    expect((await migrate({ DATABASE_URL: db.url })).stdout.trim()).toBe('schema up to date');
    const c = new pg.Client({ connectionString: db.url });
    await c.connect();
    try {
      const rows = (await c.query('SELECT name FROM schema_migrations ORDER BY name')).rows.map((r) => r.name);
      expect(rows).toEqual(names);
      await c.query('SELECT key FROM inbound_events LIMIT 1'); // the tables exist
    } finally {
      await c.end();
    }
  });

  it('exits 2 with an explanation when DATABASE_URL is not set', async () => {
    const err = (await migrate({ DATABASE_URL: '' }).catch((e: unknown) => e)) as { code: number; stderr: string };
    expect(err.code).toBe(2);
    expect(err.stderr).toContain('DATABASE_URL is not set');
  });
});
