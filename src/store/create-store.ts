// STUB (owned by the storage work): chooses lowdb (DATA_DIR) or PostgreSQL (DATABASE_URL).
import type { Config } from '../config/load-config.js';
import type { Store } from './port.js';
import { MemoryStore } from './memory-store.js';

export async function createStore(_config: Config): Promise<Store> {
  return new MemoryStore();
}
