/** `npm run migrate`: apply the PostgreSQL migrations to DATABASE_URL and exit. */
import dotenv from 'dotenv';
import pg from 'pg';
import { runMigrations } from './run-migrations.js';

dotenv.config({ quiet: true });
const url = process.env.DATABASE_URL?.trim();
if (!url) {
  // Empty counts as unset (an .env line without a value).
  console.error('DATABASE_URL is not set: nothing to migrate (without it the bot uses lowdb in DATA_DIR).');
  process.exit(2);
}
const pool = new pg.Pool({ connectionString: url, max: 1 });
try {
  const applied = await runMigrations(pool);
  console.log(applied.length ? `applied: ${applied.join(', ')}` : 'schema up to date');
} catch (err) {
  console.error(`migration failed: ${(err as Error).message}`);
  process.exitCode = 1;
} finally {
  await pool.end();
}
