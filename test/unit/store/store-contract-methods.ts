/** Contract part 1: every Tx method, atomicity, durability. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../../src/store/port.js';
import type { StoreHarness } from './store-contract.js';
import { at, dossier, inbound, outboxItem, T0 } from './store-records.js';

export function describeTxMethods(name: string, h: StoreHarness): void {
  describe(`${name} store: Tx methods`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await h.create();
    });
    afterEach(async () => {
      await store.close();
    });

    it('inbox: insert dedupes, pending listed oldest first, done pruned', async () => {
      await store.tx(async (t) => {
        expect(await t.insertInbound(inbound('a', { receivedAt: at(2) }))).toBe(true);
        expect(await t.insertInbound(inbound('a', { receivedAt: at(9) }))).toBe(false);
        expect(await t.insertInbound(inbound('b', { receivedAt: at(1) }))).toBe(true);
        await t.insertInbound(inbound('c', { receivedAt: at(3), status: 'done' }));
      });
      await store.tx(async (t) => {
        expect((await t.getInbound('a'))?.receivedAt).toBe(at(2));
        expect((await t.listPendingInbound(at(5), 10)).map((r) => r.key)).toEqual(['b', 'a']);
        expect((await t.listPendingInbound(at(5), 1)).map((r) => r.key)).toEqual(['b']);
        expect(await t.listPendingInbound(at(1), 10)).toEqual([]);
        await t.putInbound({ ...inbound('a', { receivedAt: at(2) }), status: 'done', doneAt: at(4) });
        expect(await t.pruneInbound(at(3))).toBe(1); // a (done, 2) goes; c (3) is not before 3
        expect(await t.getInbound('a')).toBeUndefined();
        expect(await t.getInbound('c')).toBeDefined();
        expect(await t.getInbound('missing')).toBeUndefined();
      });
    });

    it('conversations, profiles and tokens', async () => {
      await store.tx(async (t) => {
        await t.putConversation({ userId: 'u1', failures: 1, pending: { kind: 'feedback_content' }, updatedAt: T0 });
        await t.putProfile({ userId: 'u1', displayName: 'Lan', follower: true, updatedAt: T0 });
        await t.putTokens({ accessToken: 'a1', refreshToken: 'r1', expiresAt: at(60), updatedAt: T0, version: 1 });
      });
      await store.tx(async (t) => {
        expect(await t.getConversation('u1')).toEqual({
          userId: 'u1',
          failures: 1,
          pending: { kind: 'feedback_content' },
          updatedAt: T0,
        });
        expect((await t.getProfile('u1'))?.displayName).toBe('Lan');
        expect(await t.getProfile('u2')).toBeUndefined();
        await t.putTokens({ accessToken: 'a2', refreshToken: 'r2', expiresAt: at(120), updatedAt: T0, version: 2 });
        expect((await t.getTokens())?.refreshToken).toBe('r2');
        await t.deleteConversation('u1');
        expect(await t.getConversation('u1')).toBeUndefined();
      });
    });

    it('dossiers: put, get with history, search by code, name without diacritics, procedure, status', async () => {
      await store.tx(async (t) => {
        await t.putDossier(dossier('000.00.01.H12-260302-0001', { updatedAt: at(1) }));
        await t.putDossier(
          dossier('000.00.01.H12-260302-0002', {
            applicant: { fullName: 'Trần Thị Hoa', phone: '0987654321' },
            procedureCode: '2.000888',
            status: 4,
            state: 'processing',
            updatedAt: at(2),
          }),
        );
      });
      await store.tx(async (t) => {
        const d = await t.getDossier('000.00.01.H12-260302-0001');
        expect(d?.history).toHaveLength(1);
        expect(d?.applicant.fullName).toBe('Nguyễn Văn Đức');
        const all = await t.searchDossiers({});
        expect(all.total).toBe(2);
        expect(all.items.map((x) => x.code)).toEqual(['000.00.01.H12-260302-0002', '000.00.01.H12-260302-0001']);
        expect((await t.searchDossiers({ q: 'nguyen van duc' })).items.map((x) => x.code)).toEqual([
          '000.00.01.H12-260302-0001',
        ]);
        expect((await t.searchDossiers({ q: 'h12-260302-0002' })).total).toBe(1);
        expect((await t.searchDossiers({ q: '2.000888' })).total).toBe(1);
        expect((await t.searchDossiers({ status: 4 })).total).toBe(1);
        const page = await t.searchDossiers({ limit: 1, offset: 1 });
        expect(page).toMatchObject({ total: 2, items: [{ code: '000.00.01.H12-260302-0001' }] });
      });
    });

    it('subscriptions: idempotent add, list both ways, remove, count', async () => {
      await store.tx(async (t) => {
        expect(await t.addSubscription({ code: 'D1', userId: 'u1', createdAt: T0 })).toBe(true);
        expect(await t.addSubscription({ code: 'D1', userId: 'u1', createdAt: at(1) })).toBe(false);
        await t.addSubscription({ code: 'D1', userId: 'u2', createdAt: at(1) });
        await t.addSubscription({ code: 'D2', userId: 'u1', createdAt: at(2) });
      });
      await store.tx(async (t) => {
        expect((await t.listSubscribers('D1')).map((s) => s.userId).sort()).toEqual(['u1', 'u2']);
        expect((await t.listUserSubscriptions('u1')).map((s) => s.code).sort()).toEqual(['D1', 'D2']);
        expect(await t.countSubscriptions()).toBe(3);
        expect(await t.removeSubscription('D1', 'u2')).toBe(true);
        expect(await t.removeSubscription('D1', 'u2')).toBe(false);
        expect(await t.removeUserSubscriptions('u1')).toBe(2);
        expect(await t.countSubscriptions()).toBe(0);
      });
    });

    it('subscriptions: getSubscription by key; lists stay right across writes, removals and a rollback', async () => {
      // Recent: lowdb prunes expired subscriptions when it reopens.
      const base = Date.now();
      const recent = (minutes: number) => new Date(base + minutes * 60_000).toISOString();
      await store.tx(async (t) => {
        await t.addSubscription({ code: 'D1', userId: 'u1', createdAt: recent(1) });
        // Seen by the same transaction before the commit.
        expect(await t.getSubscription('D1', 'u1')).toEqual({ code: 'D1', userId: 'u1', createdAt: recent(1) });
        expect((await t.listUserSubscriptions('u1')).map((s) => s.code)).toEqual(['D1']);
      });
      await store.tx(async (t) => {
        expect(await t.getSubscription('D1', 'u1')).toEqual({ code: 'D1', userId: 'u1', createdAt: recent(1) });
        expect(await t.getSubscription('D1', 'u2')).toBeUndefined();
        expect(await t.getSubscription('D2', 'u1')).toBeUndefined();
        // A code that is a prefix of another, a user id that is a prefix of another: no confusion.
        await t.addSubscription({ code: 'D1X', userId: 'u1', createdAt: recent(2) });
        await t.addSubscription({ code: 'D1', userId: 'u11', createdAt: recent(3) });
      });
      await expect(
        store.tx(async (t) => {
          await t.addSubscription({ code: 'D9', userId: 'u1', createdAt: recent(4) });
          expect(await t.removeSubscription('D1', 'u1')).toBe(true);
          expect((await t.listUserSubscriptions('u1')).map((s) => s.code)).toEqual(['D1X', 'D9']);
          throw new Error('roll back');
        }),
      ).rejects.toThrow('roll back');
      await store.tx(async (t) => {
        expect(await t.getSubscription('D9', 'u1')).toBeUndefined();
        expect(await t.getSubscription('D1', 'u1')).toBeDefined();
        expect((await t.listUserSubscriptions('u1')).map((s) => s.code)).toEqual(['D1', 'D1X']);
        expect((await t.listSubscribers('D1')).map((s) => s.userId)).toEqual(['u1', 'u11']);
        expect(await t.removeSubscription('D1', 'u1')).toBe(true);
      });
      store = await h.reopen(store);
      await store.tx(async (t) => {
        expect(await t.getSubscription('D1', 'u1')).toBeUndefined();
        expect((await t.listUserSubscriptions('u1')).map((s) => s.code)).toEqual(['D1X']);
        expect((await t.listSubscribers('D1')).map((s) => s.userId)).toEqual(['u11']);
        await t.addSubscription({ code: 'D1', userId: 'u1', createdAt: recent(5) });
      });
      await store.tx(async (t) => {
        expect((await t.listSubscribers('D1')).map((s) => s.userId)).toEqual(['u11', 'u1']);
      });
    });

    it('outbox: add dedupes by key, get, put, list filters, release waiting, stats', async () => {
      const a = outboxItem('u1', 1, { dedupeKey: 'k1', createdAt: at(1) });
      const b = outboxItem('u1', 2, { kind: 'notification', dossierCode: 'D1', createdAt: at(2) });
      await store.tx(async (t) => {
        expect(await t.addOutbox([a, b, { ...outboxItem('u1', 3), dedupeKey: 'k1' }])).toEqual([a, b]);
      });
      await store.tx(async (t) => {
        expect(await t.addOutbox([{ ...outboxItem('u9', 4), dedupeKey: 'k1' }])).toEqual([]);
        expect(await t.getOutbox(a.id)).toEqual(a);
        await t.putOutbox({ ...a, status: 'sent', sentParts: 1, sentAt: at(3), oaMessageIds: ['m1'], via: 'cs' });
        await t.putOutbox({ ...b, status: 'waiting' });
        expect((await t.listOutbox({})).map((i) => i.id)).toEqual([b.id, a.id]);
        expect((await t.listOutbox({ status: 'sent' })).map((i) => i.id)).toEqual([a.id]);
        expect((await t.listOutbox({ dossierCode: 'D1' })).map((i) => i.id)).toEqual([b.id]);
        expect(await t.listOutbox({ userId: 'u2' })).toEqual([]);
        expect(await t.outboxStats()).toEqual({ pending: 0, sending: 0, sent: 1, waiting: 1, failed: 0, oldestUnsentAt: at(2) });
        expect(await t.releaseWaitingOutbox('u1', at(5))).toBe(1);
        expect(await t.getOutbox(b.id)).toMatchObject({ status: 'pending', nextAttemptAt: at(5) });
        expect((await t.getOutbox(a.id))?.oaMessageIds).toEqual(['m1']);
      });
    });

    it('counters, feedback, handoffs, unanswered, attempts, satisfaction, turn log', async () => {
      await store.tx(async (t) => {
        expect([await t.nextCounter('x'), await t.nextCounter('x'), await t.nextCounter('y')]).toEqual([1, 2, 1]);
        await t.addFeedback({ number: 'PA-1', userId: 'u1', content: 'Chậm trả', createdAt: T0, sourceKey: 's1', status: 'open' });
        await t.addFeedback({ number: 'PA-2', userId: 'u2', content: 'Tốt', createdAt: at(1), sourceKey: 's2', status: 'open' });
        const handoff = { userId: 'u1', status: 'open' as const, reason: 'requested' as const, openedAt: T0, expiresAt: at(60), lastMessages: [] };
        await t.putHandoff(handoff);
        await t.putHandoff({ ...handoff, userId: 'u2', status: 'released', openedAt: at(1) });
        await t.recordUnanswered('le phi', 'lệ phí?', 'not_understood', T0);
        await t.recordUnanswered('le phi', 'Lệ phí', 'not_in_catalog', at(1));
        await t.recordUnanswered('khac', 'khác', 'not_understood', at(2));
        await t.recordAttempt('c:u1', T0);
        await t.recordAttempt('c:u1', at(10));
        await t.addSatisfaction({ code: 'D1', userId: 'u1', score: 5, at: T0 });
        await t.addSatisfaction({ code: 'D2', userId: 'u1', score: 3, at: at(1) });
        await t.addTurnLog({ at: T0, userId: 'u1', intent: 'greet', answered: true });
        await t.addTurnLog({ at: at(5), userId: 'u1', intent: 'fee', answered: false });
      });
      await store.tx(async (t) => {
        expect(await t.nextCounter('x')).toBe(3);
        expect((await t.getFeedbackBySource('s2'))?.number).toBe('PA-2');
        expect(await t.getFeedbackBySource('none')).toBeUndefined();
        expect((await t.listFeedback()).map((f) => f.number)).toEqual(['PA-2', 'PA-1']);
        expect((await t.listFeedback(1)).map((f) => f.number)).toEqual(['PA-2']);
        expect((await t.getHandoff('u1'))?.status).toBe('open');
        expect((await t.listHandoffs()).map((x) => x.userId)).toEqual(['u1', 'u2']);
        expect((await t.listHandoffs('released')).map((x) => x.userId)).toEqual(['u2']);
        expect(await t.listUnanswered()).toEqual([
          { normalized: 'le phi', sample: 'lệ phí?', count: 2, firstSeen: T0, lastSeen: at(1), reason: 'not_in_catalog' },
          { normalized: 'khac', sample: 'khác', count: 1, firstSeen: at(2), lastSeen: at(2), reason: 'not_understood' },
        ]);
        expect(await t.countAttempts('c:u1', T0)).toBe(2);
        expect(await t.countAttempts('c:u1', at(5))).toBe(1);
        await t.clearAttempts('c:u1');
        expect(await t.countAttempts('c:u1', T0)).toBe(0);
        expect((await t.listSatisfaction()).map((s) => s.code)).toEqual(['D2', 'D1']);
        expect((await t.listTurnLog(at(1))).map((e) => e.intent)).toEqual(['fee']);
        expect(await t.listTurnLog(T0)).toHaveLength(2);
      });
    });

    it('taught aliases, referrals and presence marks', async () => {
      const alias = (key: string, code: string, taughtAt: string) => ({ key, alias: key, code, questions: [`q ${key}`], taughtAt, taughtBy: 'admin' });
      await store.tx(async (t) => {
        await t.putTaughtAlias(alias('giay thong hanh', '1.000001', at(2)));
        await t.putTaughtAlias(alias('lam ks', '1.001193', at(1)));
        await t.putReferral({ key: 'cap nghiep that tro', sample: 'trợ cấp thất nghiệp', note: 'Trung tâm Dịch vụ việc làm', questions: ['x'], createdAt: at(1), createdBy: 'admin' });
        await t.touchPresence('console', at(5));
      });
      await store.tx(async (t) => {
        expect((await t.listTaughtAliases()).map((a) => [a.key, a.code])).toEqual([['lam ks', '1.001193'], ['giay thong hanh', '1.000001']]);
        await t.putTaughtAlias(alias('lam ks', '1.001194', at(1))); // replaced by key
        expect((await t.listTaughtAliases()).find((a) => a.key === 'lam ks')?.code).toBe('1.001194');
        expect(await t.deleteTaughtAlias('lam ks')).toBe(true);
        expect(await t.deleteTaughtAlias('lam ks')).toBe(false);
        expect((await t.listReferrals()).map((r) => r.note)).toEqual(['Trung tâm Dịch vụ việc làm']);
        expect(await t.deleteReferral('cap nghiep that tro')).toBe(true);
        expect(await t.listReferrals()).toEqual([]);
        // A later mark wins; an earlier one (another instance, late) never moves it back.
        await t.touchPresence('console', at(3));
        expect(await t.getPresence('console')).toBe(at(5));
        await t.touchPresence('console', at(7));
        expect(await t.getPresence('console')).toBe(at(7));
        expect(await t.getPresence('nobody')).toBeUndefined();
      });
      expect((await store.tx((t) => t.listTaughtAliases())).map((a) => a.key)).toEqual(['giay thong hanh']);
    });

    it('feedback tickets an officer answers: get, put, filter by status, one citizen\'s tickets', async () => {
      await store.tx(async (t) => {
        await t.addFeedback({ number: 'PA-1', userId: 'u1', content: 'Chậm trả', createdAt: T0, sourceKey: 's1', status: 'open' });
        await t.addFeedback({ number: 'PA-2', userId: 'u2', content: 'Tốt', createdAt: at(1), sourceKey: 's2', status: 'open' });
        await t.addFeedback({ number: 'PA-3', userId: 'u1', content: 'Lại chậm', createdAt: at(2), sourceKey: 's3', status: 'open' });
      });
      await store.tx(async (t) => {
        const ticket = (await t.getFeedback('PA-1'))!;
        const reply = { at: at(3), text: 'Đã chuyển bộ phận xử lý', outboxId: 'o1' };
        await t.putFeedback({ ...ticket, status: 'answered', replies: [reply], updatedAt: at(3) });
      });
      await store.tx(async (t) => {
        expect(await t.getFeedback('none')).toBeUndefined();
        expect(await t.getFeedback('PA-1')).toMatchObject({ status: 'answered', replies: [{ text: 'Đã chuyển bộ phận xử lý' }], updatedAt: at(3) });
        expect((await t.listFeedback(10, 'answered')).map((f) => f.number)).toEqual(['PA-1']);
        expect((await t.listFeedback(10, 'open')).map((f) => f.number)).toEqual(['PA-3', 'PA-2']);
        expect((await t.listUserFeedback('u1')).map((f) => f.number)).toEqual(['PA-3', 'PA-1']);
        expect((await t.listUserFeedback('u1', 1)).map((f) => f.number)).toEqual(['PA-3']);
        expect(await t.listUserFeedback('nobody')).toEqual([]);
      });
    });

    it('transcripts: one per citizen, replaced whole', async () => {
      await store.tx(async (t) => {
        await t.putTranscript({ userId: 'u1', turns: [{ at: T0, user: 'lệ phí?', bot: 'Dạ, ...' }], updatedAt: T0 });
        await t.putTranscript({ userId: 'u1', turns: [{ at: T0, user: 'lệ phí?', bot: 'Dạ, ...' }, { at: at(1), user: 'cảm ơn', bot: '' }], updatedAt: at(1) });
      });
      await store.tx(async (t) => {
        expect((await t.getTranscript('u1'))?.turns.map((x) => x.user)).toEqual(['lệ phí?', 'cảm ơn']);
        expect(await t.getTranscript('u2')).toBeUndefined();
      });
    });

    it('a throwing transaction leaves nothing behind', async () => {
      await expect(
        store.tx(async (t) => {
          await t.insertInbound(inbound('x'));
          await t.putConversation({ userId: 'u1', failures: 0, updatedAt: T0 });
          await t.addOutbox([outboxItem('u1', 1)]);
          await t.nextCounter('seq');
          await t.putDossier(dossier('D1'));
          throw new Error('boom');
        }),
      ).rejects.toThrow('boom');
      await store.tx(async (t) => {
        expect(await t.getInbound('x')).toBeUndefined();
        expect(await t.getConversation('u1')).toBeUndefined();
        expect(await t.listOutbox({})).toEqual([]);
        expect(await t.nextCounter('seq')).toBe(1);
        expect(await t.getDossier('D1')).toBeUndefined();
      });
    });

    it('stores text with a NUL character, half an emoji and backslashes (the NUL may be dropped, the half emoji becomes U+FFFD)', async () => {
      const text = 'a\u0000b \\u0000 c\\ \ud83d!';
      await store.tx((t) => t.insertInbound(inbound('nul', { event: { text } })));
      const got = (await store.tx((t) => t.getInbound('nul')))?.event as { text: string };
      expect(got.text).toMatch(/^a\u0000?b \\u0000 c\\ [\ud83d\ufffd]!$/);
      // A lookup by a key holding the same characters answers, never throws.
      await expect(store.tx((t) => t.getDossier('x\u0000\ud800'))).resolves.toBeUndefined();
      await expect(store.tx((t) => t.searchDossiers({ q: 'a\u0000\udfff' }))).resolves.toMatchObject({ total: 0 });
    });

    it('records handed out are copies', async () => {
      await store.tx((t) => t.putConversation({ userId: 'u1', failures: 0, updatedAt: T0 }));
      await store.tx(async (t) => {
        const s = await t.getConversation('u1');
        s!.failures = 9;
        expect((await t.getConversation('u1'))?.failures).toBe(0);
      });
    });

    it('durability: close and reopen, the data is there', async () => {
      await store.tx(async (t) => {
        await t.insertInbound(inbound('k'));
        await t.addOutbox([outboxItem('u1', 1, { dedupeKey: 'dur' })]);
        await t.putTokens({ accessToken: 'a', refreshToken: 'r', expiresAt: at(1), updatedAt: T0, version: 7 });
      });
      store = await h.reopen(store);
      await store.tx(async (t) => {
        expect(await t.getInbound('k')).toBeDefined();
        expect((await t.listOutbox({})).map((i) => i.dedupeKey)).toEqual(['dur']);
        expect(await t.addOutbox([outboxItem('u2', 2, { dedupeKey: 'dur' })])).toEqual([]); // dedupe survives reopen
        expect((await t.getTokens())?.version).toBe(7);
      });
    });
  });
}
