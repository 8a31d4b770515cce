/**
 * Raw store throughput for the store bench, in this process (no HTTP, no NLU):
 * "inbox" = insertInbound per transaction (the webhook's write);
 * "turn" = one conversation turn's writes under the user's lock.
 */
import { randomUUID } from 'node:crypto';
import type { Store } from '../src/store/port.js';

async function timed(stores: Store[], n: number, width: number, fn: (s: Store, i: number) => Promise<unknown>): Promise<number> {
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: width }, async (_, w) => {
      while (next < n) await fn(stores[w % stores.length]!, next++);
    }),
  );
  return n / ((performance.now() - t0) / 1000);
}

export async function rawThroughput(stores: Store[], n = 2000): Promise<{ inbox: number; turn: number }> {
  const now = new Date().toISOString();
  const inbox = await timed(stores, n, 32, (s, i) =>
    s.tx((t) =>
      t.insertInbound({ key: `raw:${randomUUID()}`, eventName: 'user_send_text', userId: `u${i % 100}`, event: { i }, receivedAt: now, status: 'pending', attempts: 0 }),
    ),
  );
  const turn = await timed(stores, n, 32, (s, i) => {
    const userId = `u${i % 100}`;
    return s.tx(
      async (t) => {
        const state = (await t.getConversation(userId)) ?? { userId, failures: 0, updatedAt: now };
        await t.putConversation({ ...state, updatedAt: now });
        const seq = await t.nextCounter(`seq:${userId}`);
        await t.addOutbox([
          { id: randomUUID(), dedupeKey: randomUUID(), kind: 'reply', userId, parts: [{ kind: 'text', text: 'Dạ' }], status: 'sent', sentParts: 1, attempts: 1, nextAttemptAt: now, oaMessageIds: [], createdAt: now, seq },
        ]);
      },
      { lock: `user:${userId}` },
    );
  });
  return { inbox, turn };
}
