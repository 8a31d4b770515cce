/**
 * Chooses the store: PostgreSQL when DATABASE_URL is set (several instances),
 * else lowdb in DATA_DIR (one instance). Throws a clear error when the store
 * refuses to start (DATA_DIR in use, corrupt data file, database unreachable).
 *
 *   const store = await createStore(config, { log });
 */
import type { Config } from '../config/load-config.js';
import type { Store } from './port.js';
import { LowdbStore } from './lowdb/lowdb-store.js';
import { PgStore, type StoreLogger } from './postgres/pg-store.js';

export async function createStore(
  config: Pick<Config, 'DATABASE_URL' | 'DATABASE_POOL_MAX' | 'dataDir'>,
  opts: { log?: StoreLogger } = {},
): Promise<Store> {
  if (config.DATABASE_URL) {
    return PgStore.open({ connectionString: config.DATABASE_URL, poolMax: config.DATABASE_POOL_MAX, log: opts.log });
  }
  return LowdbStore.open({ dataDir: config.dataDir, log: opts.log });
}
