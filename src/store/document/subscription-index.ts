/**
 * Subscription keys by code and by user over one DocumentData's subscriptions,
 * so listing a dossier's subscribers (every status event) or a user's
 * subscriptions (unsubscribe, unfollow) reads a few records instead of all of
 * them. Built lazily; a key is noted when a transaction stages it (before the
 * commit), so the index may hold keys whose record was never committed or was
 * deleted since (removal, pruning): callers check every key against the record
 * and forget the ones that are gone.
 */
import type { Subscription } from '../records.js';

/** The committed collection (the index's identity) and how to read it; DocumentTx supplies both. */
export interface SubscriptionCollection {
  readonly data: object;
  entries(): Iterable<[string, Subscription]>;
  has(key: string): boolean;
}
export type SubscriptionField = 'code' | 'userId';
type Index = Record<SubscriptionField, Map<string, Set<string>>>;

const indexes = new WeakMap<object, Index>();

function add(index: Index, key: string, sub: Subscription): void {
  for (const field of ['code', 'userId'] as const) {
    let keys = index[field].get(sub[field]);
    if (!keys) index[field].set(sub[field], (keys = new Set()));
    keys.add(key);
  }
}

function indexOf(subs: SubscriptionCollection): Index {
  let index = indexes.get(subs.data);
  if (!index) {
    index = { code: new Map(), userId: new Map() };
    for (const [key, s] of subs.entries()) add(index, key, s);
    indexes.set(subs.data, index);
  }
  return index;
}

/** Keys that may hold a subscription with `field` = `value` (a copy: safe to forget while iterating). */
export function subscriptionKeys(subs: SubscriptionCollection, field: SubscriptionField, value: string): string[] {
  return [...(indexOf(subs)[field].get(value) ?? [])];
}

/** A transaction is writing this subscription (only if an index exists yet; a later build reads the data anyway). */
export function noteSubscription(subs: SubscriptionCollection, key: string, sub: Subscription): void {
  const index = indexes.get(subs.data);
  if (index) add(index, key, sub);
}

/**
 * Forget a key found without a record under `value`, unless the committed data
 * still has it (the calling transaction may have deleted it and may yet roll back).
 */
export function forgetSubscriptionKey(subs: SubscriptionCollection, field: SubscriptionField, value: string, key: string): void {
  if (subs.has(key)) return;
  const map = indexes.get(subs.data)?.[field];
  const keys = map?.get(value);
  keys?.delete(key);
  if (keys?.size === 0) map!.delete(value);
}
