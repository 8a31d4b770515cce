/**
 * The storage contract, run against every implementation (memory, lowdb,
 * PostgreSQL): one small test file per implementation calls describeStoreContract.
 */
import type { Store } from '../../../src/store/port.js';
import { describeTxMethods } from './store-contract-methods.js';
import { describeConcurrency } from './store-contract-concurrency.js';
import { describeRetention } from './store-contract-retention.js';
import { describeInbox } from './store-contract-inbox.js';
import { describePropertyIds } from './store-contract-property-ids.js';

export interface StoreHarness {
  /** A fresh, empty store. */
  create(): Promise<Store>;
  /** Close `store` and open the same storage again. */
  reopen(store: Store): Promise<Store>;
  /** Another store on the same storage (a second instance), where the implementation allows it. */
  sibling?(store: Store): Promise<Store>;
  /** Run the store's retention pruning as of `now` (lowdb and PostgreSQL do it hourly). */
  prune(store: Store, now: Date): Promise<unknown>;
}

export function describeStoreContract(name: string, harness: StoreHarness): void {
  describeTxMethods(name, harness);
  describeInbox(name, harness);
  describeConcurrency(name, harness);
  describeRetention(name, harness);
  describePropertyIds(name, harness);
}
