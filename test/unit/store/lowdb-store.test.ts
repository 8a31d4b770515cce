import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LowdbStore } from '../../../src/store/lowdb/lowdb-store.js';
import { describeStoreContract } from './store-contract.js';

const dirs = new WeakMap<object, string>();

describeStoreContract('lowdb', {
  async create() {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'motcua-lowdb-'));
    const store = await LowdbStore.open({ dataDir: dir });
    dirs.set(store, dir);
    return store;
  },
  async reopen(store) {
    const dir = dirs.get(store)!;
    await store.close();
    const again = await LowdbStore.open({ dataDir: dir });
    dirs.set(again, dir);
    return again;
  },
  prune: (store, now) => (store as LowdbStore).housekeep(now),
});
