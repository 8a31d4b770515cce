/** Contract part: the inbox beyond insert/list (parked events, keys from an older version). */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../../src/store/port.js';
import type { StoreHarness } from './store-contract.js';
import { inbound } from './store-records.js';

/** Minutes after an hour before the suite started: recent, so that no store's retention prunes it at reopen. */
const HOUR_AGO = Date.now() - 3600_000;
const recent = (minutes: number) => new Date(HOUR_AGO + minutes * 60_000).toISOString();

export function describeInbox(name: string, h: StoreHarness): void {
  describe(`${name} store: inbox`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await h.create();
    });
    afterEach(async () => {
      await store.close();
    });

    it('a parked (failed) event keeps its key, is listed newest first, is neither pending nor pruned with done ones', async () => {
      await store.tx(async (t) => {
        await t.insertInbound(inbound('f1', { receivedAt: recent(1) }));
        await t.insertInbound(inbound('f2', { receivedAt: recent(2) }));
        await t.insertInbound(inbound('p1', { receivedAt: recent(3) }));
      });
      await store.tx(async (t) => {
        for (const key of ['f1', 'f2']) {
          const rec = (await t.getInbound(key))!;
          await t.putInbound({ ...rec, status: 'failed', attempts: 3, failedAt: recent(9), failedReason: 'gave up after 3 attempts; boom', lastAttemptAt: recent(8) });
        }
      });
      store = await h.reopen(store);
      await store.tx(async (t) => {
        expect((await t.listFailedInbound(10)).map((r) => r.key)).toEqual(['f2', 'f1']);
        expect((await t.listFailedInbound(1)).map((r) => r.key)).toEqual(['f2']);
        expect(await t.getInbound('f1')).toMatchObject({ status: 'failed', attempts: 3, failedReason: 'gave up after 3 attempts; boom', lastAttemptAt: recent(8) });
        expect((await t.listPendingInbound(recent(10), 10)).map((r) => r.key)).toEqual(['p1']);
        expect(await t.insertInbound(inbound('f1'))).toBe(false); // still dedupes
        expect(await t.pruneInbound(recent(100))).toBe(0);
      });
    });


    it('the sender is part of the dedupe: an event recorded under its legacy key (event_name:msg_id) is a duplicate for its sender only', async () => {
      await store.tx((t) => t.insertInbound(inbound('user_send_text:m1', { userId: 'u1', receivedAt: recent(1) })));
      store = await h.reopen(store);
      await store.tx(async (t) => {
        // The same event redelivered after an upgrade: found under the legacy key.
        expect(await t.insertInbound(inbound('user_send_text:u1:m1', { userId: 'u1' }), 'user_send_text:m1')).toBe(false);
        expect(await t.getInbound('user_send_text:u1:m1')).toBeUndefined();
        // Another sender's event with the same msg_id is a new event; so is the first sender's without a legacy record.
        expect(await t.insertInbound(inbound('user_send_text:u2:m1', { userId: 'u2' }), 'user_send_text:m1')).toBe(true);
        expect(await t.insertInbound(inbound('user_send_text:u1:m2', { userId: 'u1' }), 'user_send_text:m2')).toBe(true);
        // A replay from the same sender is still one event.
        expect(await t.insertInbound(inbound('user_send_text:u2:m1', { userId: 'u2' }), 'user_send_text:m1')).toBe(false);
      });
      await store.tx(async (t) => {
        expect(await t.getInbound('user_send_text:u2:m1')).toMatchObject({ userId: 'u2' });
        expect(await t.insertInbound(inbound('user_send_text:u1:m2', { userId: 'u1' }), 'user_send_text:m2')).toBe(false);
      });
    });
  });
}
