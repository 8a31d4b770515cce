/**
 * Contract part: ids that are JavaScript property names (`constructor`,
 * `__proto__`, `toString`, `hasOwnProperty`, `valueOf`) are ids like any other,
 * in every keyed collection and through every public operation, before and
 * after a reopen. Zalo user ids, dossier codes, alias keys and counter names
 * all come from outside.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store, Tx } from '../../../src/store/port.js';
import { COLLECTIONS, type CollectionName } from '../../../src/store/document/document-data.js';
import type { StoreHarness } from './store-contract.js';
import { dossier, inbound, outboxItem } from './store-records.js';

export const PROPERTY_IDS = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'] as const;

/** Recent enough that no store's retention prunes it at reopen. */
const AT = new Date(Date.now() - 3600_000).toISOString();
const LATER = new Date(Date.now() - 1800_000).toISOString();

/** Write one record per collection under `id` (tokens have one fixed key, 'oa': nothing to key). */
async function writeAll(t: Tx, id: string): Promise<void> {
  expect(await t.insertInbound(inbound(id, { userId: id, receivedAt: AT }))).toBe(true);
  await t.putConversation({ userId: id, failures: 1, lastProcedure: '1.001234', updatedAt: AT });
  await t.putProfile({ userId: id, displayName: `Công dân ${id}`, updatedAt: AT });
  await t.putDossier(dossier(id, { createdAt: AT, updatedAt: AT }));
  expect(await t.addSubscription({ code: id, userId: id, createdAt: AT })).toBe(true);
  expect(await t.addOutbox([outboxItem(id, 1, { id: `${id}`, dedupeKey: id, dossierCode: id, status: 'waiting', createdAt: AT, nextAttemptAt: AT })])).toHaveLength(1);
  expect(await t.nextCounter(id)).toBe(1);
  await t.addFeedback({ number: id, userId: id, content: 'Dạ, phản ánh', createdAt: AT, sourceKey: id, status: 'open' });
  await t.putHandoff({ userId: id, status: 'open', reason: 'requested', openedAt: AT, expiresAt: LATER, lastMessages: [] });
  await t.recordUnanswered(id, id, 'not_understood', AT);
  await t.recordAttempt(id, AT);
  await t.addSatisfaction({ code: id, userId: id, score: 5, at: AT });
  await t.addTurnLog({ at: AT, userId: id, intent: id, answered: true });
  await t.putTaughtAlias({ key: id, alias: id, code: '1.001234', questions: [id], taughtAt: AT, taughtBy: 'officer' });
  await t.putReferral({ key: id, sample: id, note: 'chuyển bộ phận', questions: [id], createdAt: AT, createdBy: 'officer' });
  await t.touchPresence(id, AT);
  await t.putTranscript({ userId: id, turns: [{ at: AT, user: id, bot: 'Dạ' }], updatedAt: AT });
}

/** The collections writeAll covers: checked against COLLECTIONS so a new collection cannot be forgotten here. */
const COVERED: CollectionName[] = [
  'inbound', 'conversations', 'profiles', 'dossiers', 'subscriptions', 'outbox', 'counters', 'feedback', 'handoffs',
  'unanswered', 'attempts', 'satisfaction', 'turnLog', 'taughtAliases', 'referrals', 'presence', 'transcripts',
];
const UNKEYED: CollectionName[] = ['tokens'];

async function readAll(t: Tx, id: string): Promise<void> {
  expect(await t.getInbound(id)).toMatchObject({ key: id, userId: id });
  expect((await t.listPendingInbound('9999', 100)).map((r) => r.key)).toContain(id);
  expect(await t.getConversation(id)).toMatchObject({ userId: id, failures: 1 });
  expect(await t.getProfile(id)).toMatchObject({ userId: id, displayName: `Công dân ${id}` });
  expect(await t.getDossier(id)).toMatchObject({ code: id });
  expect((await t.searchDossiers({ q: id })).items.map((d) => d.code)).toContain(id);
  expect(await t.getSubscription(id, id)).toMatchObject({ code: id, userId: id });
  expect(await t.listSubscribers(id)).toEqual([{ code: id, userId: id, createdAt: AT }]);
  expect(await t.listUserSubscriptions(id)).toEqual([{ code: id, userId: id, createdAt: AT }]);
  expect(await t.getOutbox(id)).toMatchObject({ id, userId: id, dossierCode: id });
  expect((await t.listOutbox({ userId: id })).map((i) => i.id)).toEqual([id]);
  expect((await t.listOutbox({ dossierCode: id })).map((i) => i.id)).toEqual([id]);
  expect(await t.addOutbox([outboxItem(id, 2, { dedupeKey: id })])).toEqual([]); // the dedupe key is known
  expect(await t.getFeedback(id)).toMatchObject({ number: id, userId: id });
  expect(await t.getFeedbackBySource(id)).toMatchObject({ number: id });
  expect((await t.listUserFeedback(id)).map((f) => f.number)).toEqual([id]);
  expect(await t.getHandoff(id)).toMatchObject({ userId: id, status: 'open' });
  expect((await t.listHandoffs('open')).map((h) => h.userId)).toContain(id);
  expect((await t.listUnanswered(100)).find((u) => u.normalized === id)).toMatchObject({ count: 1, sample: id });
  expect(await t.countAttempts(id, '0')).toBe(1);
  expect((await t.listSatisfaction(100)).filter((s) => s.code === id)).toHaveLength(1);
  expect((await t.listTurnLog('0')).filter((e) => e.userId === id)).toHaveLength(1);
  expect((await t.listTaughtAliases()).map((a) => a.key)).toContain(id);
  expect((await t.listReferrals()).map((r) => r.key)).toContain(id);
  expect(await t.getPresence(id)).toBe(AT);
  expect(await t.getTranscript(id)).toMatchObject({ userId: id, turns: [{ user: id }] });
}

/** Second writes: updates, counters, then removals; every one must find the record. */
async function updateAndRemove(t: Tx, id: string): Promise<void> {
  expect(await t.insertInbound(inbound(id, { userId: id }))).toBe(false);
  await t.putInbound({ ...(await t.getInbound(id))!, status: 'done', doneAt: LATER });
  expect(await t.nextCounter(id)).toBe(2);
  await t.recordUnanswered(id, 'khác', 'not_understood', LATER);
  expect((await t.listUnanswered(100)).find((u) => u.normalized === id)).toMatchObject({ count: 2, sample: id });
  await t.recordAttempt(id, LATER);
  expect(await t.countAttempts(id, '0')).toBe(2);
  await t.clearAttempts(id);
  expect(await t.countAttempts(id, '0')).toBe(0);
  await t.touchPresence(id, LATER);
  expect(await t.getPresence(id)).toBe(LATER);
  expect(await t.releaseWaitingOutbox(id, LATER)).toBe(1);
  expect(await t.getOutbox(id)).toMatchObject({ status: 'pending' });
  expect(await t.removeSubscription(id, id)).toBe(true);
  expect(await t.addSubscription({ code: id, userId: id, createdAt: AT })).toBe(true);
  expect(await t.removeUserSubscriptions(id)).toBe(1);
  expect(await t.getSubscription(id, id)).toBeUndefined();
  await t.deleteConversation(id);
  expect(await t.getConversation(id)).toBeUndefined();
  expect(await t.deleteTaughtAlias(id)).toBe(true);
  expect(await t.deleteTaughtAlias(id)).toBe(false);
  expect(await t.deleteReferral(id)).toBe(true);
  expect(await t.deleteReferral(id)).toBe(false);
}

export function describePropertyIds(name: string, h: StoreHarness): void {
  describe(`${name} store: ids that are JavaScript property names`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await h.create();
    });
    afterEach(async () => {
      await store.close();
    });

    it('the test covers every keyed collection', () => {
      expect([...COVERED, ...UNKEYED].sort()).toEqual([...COLLECTIONS].sort());
    });

    it('are absent before they are written (nothing inherited answers for them)', async () => {
      await store.tx(async (t) => {
        for (const id of PROPERTY_IDS) {
          expect(await t.getInbound(id)).toBeUndefined();
          expect(await t.getConversation(id)).toBeUndefined();
          expect(await t.getProfile(id)).toBeUndefined();
          expect(await t.getDossier(id)).toBeUndefined();
          expect(await t.getSubscription(id, id)).toBeUndefined();
          expect(await t.listSubscribers(id)).toEqual([]);
          expect(await t.listUserSubscriptions(id)).toEqual([]);
          expect(await t.getOutbox(id)).toBeUndefined();
          expect(await t.getFeedback(id)).toBeUndefined();
          expect(await t.getFeedbackBySource(id)).toBeUndefined();
          expect(await t.getHandoff(id)).toBeUndefined();
          expect(await t.countAttempts(id, '0')).toBe(0);
          expect(await t.getPresence(id)).toBeUndefined();
          expect(await t.getTranscript(id)).toBeUndefined();
          expect(await t.deleteTaughtAlias(id)).toBe(false);
          expect(await t.deleteReferral(id)).toBe(false);
        }
      });
    });

    it('are stored, read, listed, updated and removed like any id, across a reopen', async () => {
      await store.tx(async (t) => {
        for (const id of PROPERTY_IDS) await writeAll(t, id);
      });
      // Read in a later transaction (committed data), again after a reopen (the file or the tables).
      await store.tx(async (t) => {
        for (const id of PROPERTY_IDS) await readAll(t, id);
        expect(await t.countSubscriptions()).toBe(PROPERTY_IDS.length);
      });
      store = await h.reopen(store);
      await store.tx(async (t) => {
        for (const id of PROPERTY_IDS) await readAll(t, id);
      });
      await store.tx(async (t) => {
        for (const id of PROPERTY_IDS) await updateAndRemove(t, id);
      });
      store = await h.reopen(store);
      await store.tx(async (t) => {
        for (const id of PROPERTY_IDS) {
          expect(await t.getInbound(id)).toMatchObject({ status: 'done' });
          expect(await t.nextCounter(id)).toBe(3);
          expect(await t.getConversation(id)).toBeUndefined();
          expect(await t.getSubscription(id, id)).toBeUndefined();
          expect(await t.getPresence(id)).toBe(LATER);
          expect((await t.listTaughtAliases()).map((a) => a.key)).not.toContain(id);
        }
        expect(await t.countSubscriptions()).toBe(0);
        const claimed = await t.claimOutbox('w1', '9999', '9999', 100);
        expect(claimed.map((i) => i.id).sort()).toEqual([...PROPERTY_IDS].sort());
      });
    });
  });
}
