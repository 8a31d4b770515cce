/** Contract part 3: subscriptions expire (src/store/retention.ts) on every store, and the lists agree. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../../src/store/port.js';
import type { StoreHarness } from './store-contract.js';
import { dossier } from './store-records.js';

// Now, not a fixed date: lowdb prunes again when it reopens, with the real clock.
const NOW = new Date();
const daysAgo = (d: number) => new Date(NOW.getTime() - d * 86_400_000).toISOString();

/** [code, userId, subscribed days ago, expected to stay]. */
const SUBS: [string, string, number, boolean][] = [
  ['FINAL-OLD', 'u1', 40, false], // final 31 days ago
  ['FINAL-OLD', 'u2', 10, true], // subscribed after the final status: 30 days from then
  ['FINAL-NEW', 'u1', 40, true], // final 29 days ago
  ['IDLE', 'u1', 200, false], // no change for 181 days
  ['IDLE', 'u3', 100, true], // the subscription itself is recent
  ['ACTIVE', 'u1', 400, true], // changed 10 days ago
  ['MISSING', 'u1', 181, false], // no dossier, old
  ['MISSING', 'u2', 10, true], // no dossier yet, recent
];

export function describeRetention(name: string, h: StoreHarness): void {
  describe(`${name} store: subscription expiry`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await h.create();
    });
    afterEach(async () => {
      await store.close();
    });

    it('prunes subscriptions 30 days after the final status or 180 idle days, and every lookup agrees', async () => {
      await store.tx(async (t) => {
        await t.putDossier(dossier('FINAL-OLD', { status: 10, state: 'returned', finalAt: daysAgo(31), updatedAt: daysAgo(2) }));
        await t.putDossier(dossier('FINAL-NEW', { status: 3, state: 'rejected_at_intake', finalAt: daysAgo(29), updatedAt: daysAgo(29) }));
        await t.putDossier(dossier('IDLE', { updatedAt: daysAgo(181) }));
        await t.putDossier(dossier('ACTIVE', { updatedAt: daysAgo(10) }));
      });
      await store.tx(async (t) => {
        // Build the document stores' indexes before pruning, so a stale index would show.
        for (const [code, userId] of SUBS) await t.addSubscription({ code, userId, createdAt: daysAgo(SUBS.find((s) => s[0] === code && s[1] === userId)![2]) });
        expect(await t.listUserSubscriptions('u1')).toHaveLength(5);
        expect(await t.listSubscribers('FINAL-OLD')).toHaveLength(2);
      });
      await h.prune(store, NOW);
      store = await h.reopen(store); // lowdb: the pruning was journaled
      await store.tx(async (t) => {
        for (const [code, userId, , stays] of SUBS) {
          expect([code, userId, !!(await t.getSubscription(code, userId))]).toEqual([code, userId, stays]);
        }
        expect((await t.listUserSubscriptions('u1')).map((s) => s.code)).toEqual(['ACTIVE', 'FINAL-NEW']);
        expect((await t.listSubscribers('FINAL-OLD')).map((s) => s.userId)).toEqual(['u2']);
        expect((await t.listSubscribers('IDLE')).map((s) => s.userId)).toEqual(['u3']);
        expect(await t.countSubscriptions()).toBe(SUBS.filter((s) => s[3]).length);
      });
    });

    it('prunes a transcript 30 days after the citizen\'s last turn', async () => {
      await store.tx(async (t) => {
        await t.putTranscript({ userId: 'old', turns: [{ at: daysAgo(31), user: 'a', bot: 'b' }], updatedAt: daysAgo(31) });
        await t.putTranscript({ userId: 'recent', turns: [{ at: daysAgo(29), user: 'a', bot: 'b' }], updatedAt: daysAgo(29) });
      });
      await h.prune(store, NOW);
      store = await h.reopen(store);
      await store.tx(async (t) => {
        expect(await t.getTranscript('old')).toBeUndefined();
        expect(await t.getTranscript('recent')).toBeDefined();
      });
    });
  });
}
