import { MemoryStore } from '../../../src/store/memory-store.js';
import { describeStoreContract } from './store-contract.js';

describeStoreContract('memory', {
  create: async () => new MemoryStore(),
  reopen: async (store) => new MemoryStore((store as MemoryStore).data),
  prune: (store, now) => (store as MemoryStore).housekeep(now),
});
