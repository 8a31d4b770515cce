/**
 * Contract part 2: what breaks when two callers (or two instances, via
 * harness.sibling) think they are alone: dedupe, claims, counters, locks.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../../src/store/port.js';
import type { StoreHarness } from './store-contract.js';
import { at, inbound, outboxItem, sleep } from './store-records.js';

export function describeConcurrency(name: string, h: StoreHarness): void {
  describe(`${name} store: concurrency`, () => {
    let a: Store;
    let b: Store; // a second instance on the same storage, or `a` again
    beforeEach(async () => {
      a = await h.create();
      b = h.sibling ? await h.sibling(a) : a;
    });
    afterEach(async () => {
      if (b !== a) await b.close();
      await a.close();
    });
    const either = (i: number) => (i % 2 === 0 ? a : b);

    it('insertInbound of one key from many concurrent transactions inserts it once', async () => {
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) => either(i).tx((t) => t.insertInbound(inbound('user_send_text:m1')))),
      );
      expect(results.filter(Boolean)).toHaveLength(1);
    });

    it('addOutbox of one dedupeKey from concurrent transactions inserts it once', async () => {
      const results = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          either(i).tx((t) => t.addOutbox([outboxItem('u1', i + 1, { dedupeKey: 'notify:D1:e1:u1' })])),
        ),
      );
      expect(results.flat()).toHaveLength(1);
      expect(await a.tx((t) => t.listOutbox({}))).toHaveLength(1);
    });

    it('claimOutbox delivers each user in seq order, honours nextAttemptAt and does not block behind a parked (waiting) item', async () => {
      const u1 = [1, 2, 3].map((s) => outboxItem('u1', s));
      const u2 = outboxItem('u2', 4, { nextAttemptAt: at(30) });
      const u3 = [outboxItem('u3', 5, { status: 'waiting' }), outboxItem('u3', 6)];
      await a.tx((t) => t.addOutbox([u1[2]!, u1[1]!, u1[0]!, u2, ...u3]));
      const first = await a.tx((t) => t.claimOutbox('w1', at(1), at(2), 10));
      // u3#5 waits for the citizen's next message; u3#6 (e.g. a notification with a fallback) may go.
      expect(first.map((i) => i.id).sort()).toEqual([u1[0]!.id, u3[1]!.id].sort());
      expect(first.find((i) => i.id === u1[0]!.id)).toMatchObject({ status: 'sending', claimedBy: 'w1', leaseUntil: at(2) });
      await a.tx((t) => t.putOutbox({ ...first.find((i) => i.id === u3[1]!.id)!, status: 'sent', sentAt: at(1) }));
      expect(await a.tx((t) => t.claimOutbox('w1', at(1), at(2), 10))).toEqual([]); // u1#1 still in flight
      await a.tx((t) => t.putOutbox({ ...first[0]!, status: 'sent', sentAt: at(1) }));
      const second = await a.tx((t) => t.claimOutbox('w1', at(1), at(2), 10));
      expect(second.map((i) => i.id)).toEqual([u1[1]!.id]);
      const later = await a.tx((t) => t.claimOutbox('w1', at(31), at(40), 10));
      expect(later.map((i) => i.id)).toEqual([u1[1]!.id, u2.id]); // u1#2's lease (2) expired; u2 now due
    });

    it('a claim whose lease expired is claimed again by another owner', async () => {
      const item = outboxItem('u1', 1);
      await a.tx((t) => t.addOutbox([item]));
      expect(await a.tx((t) => t.claimOutbox('dead', at(0), at(1), 5))).toHaveLength(1);
      expect(await b.tx((t) => t.claimOutbox('alive', at(0.5), at(2), 5))).toEqual([]);
      const again = await b.tx((t) => t.claimOutbox('alive', at(1.5), at(3), 5));
      expect(again).toMatchObject([{ id: item.id, claimedBy: 'alive', leaseUntil: at(3) }]);
    });

    it('two concurrent claimers never get the same item and together drain the outbox', async () => {
      const items = Array.from({ length: 60 }, (_, i) => outboxItem(`u${i}`, i + 1));
      await a.tx((t) => t.addOutbox(items));
      const claimed: string[] = [];
      const worker = async (store: Store, owner: string) => {
        for (;;) {
          const got = await store.tx((t) => t.claimOutbox(owner, at(1), at(100), 7));
          if (got.length === 0) return;
          claimed.push(...got.map((i) => i.id));
          await sleep(1);
        }
      };
      await Promise.all([worker(a, 'w1'), worker(b, 'w2'), worker(a, 'w3'), worker(b, 'w4')]);
      expect(new Set(claimed).size).toBe(claimed.length);
      expect(claimed.sort()).toEqual(items.map((i) => i.id).sort());
    });

    it('nextCounter is monotonic under concurrency: every value once', async () => {
      const values = await Promise.all(
        Array.from({ length: 40 }, (_, i) => either(i).tx((t) => t.nextCounter('outbox-seq'))),
      );
      expect(values.sort((x, y) => x - y)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    });

    it('two transactions holding the same lock never interleave', async () => {
      const log: string[] = [];
      await Promise.all(
        Array.from({ length: 6 }, (_, i) =>
          either(i).tx(
            async (t) => {
              log.push(`start${i}`);
              const n = await t.nextCounter(`lock-test-${i}`); // real work inside the lock
              await sleep(15);
              log.push(`end${i}:${n}`);
            },
            { lock: 'user:42' },
          ),
        ),
      );
      for (let k = 0; k < log.length; k += 2) {
        expect(log[k]!.replace('start', '')).toBe(log[k + 1]!.replace(/^end(\d+):\d+$/, '$1'));
      }
    });

    it('withLock excludes other holders of the same name and not other names', async () => {
      const log: string[] = [];
      const hold = (store: Store, name: string, id: string) =>
        store.withLock(name, async () => {
          log.push(`+${id}`);
          await sleep(20);
          log.push(`-${id}`);
        });
      await Promise.all([hold(a, 'oa-token', '1'), hold(b, 'oa-token', '2'), hold(a, 'oa-token', '3'), hold(b, 'oa-token', '4')]);
      for (let k = 0; k < log.length; k += 2) expect(log[k + 1]).toBe(log[k]!.replace('+', '-'));
      const other: string[] = [];
      await a.withLock('x', async () => {
        await b.withLock('y', async () => other.push('inner'));
      });
      expect(other).toEqual(['inner']);
    });
  });
}
