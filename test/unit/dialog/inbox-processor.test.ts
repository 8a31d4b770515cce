import { describe, expect, it } from 'vitest';
import { InboxProcessor } from '../../../src/dialog/inbox-processor.js';
import type { OaEvent } from '../../../src/platform/zalo/events.js';
import { makeTestServices } from '../../support/make-test-services.js';

const NOW = new Date('2026-11-23T10:00:00.000Z');

async function setup() {
  const ctx = await makeTestServices({ now: NOW });
  const record = (i: number, receivedAt = NOW) => {
    const event: OaEvent = { kind: 'user_send_text', appId: 'test-app', oaId: 'oa', timestamp: String(NOW.getTime()), userId: `u${i}`, msgId: `m${i}`, text: 'xin chào' };
    return ctx.store.tx((t) =>
      t.insertInbound({ key: `user_send_text:m${i}`, eventName: 'user_send_text', userId: `u${i}`, event, receivedAt: receivedAt.toISOString(), status: 'pending', attempts: 0 }),
    );
  };
  const pending = () => ctx.store.tx((t) => t.listPendingInbound('9999', 1000));
  return { ...ctx, record, pending };
}

describe('InboxProcessor', () => {
  it('handles every enqueued event a few at a time; stop() waits for the queue', async () => {
    const s = await setup();
    const inbox = new InboxProcessor(s.services, { concurrency: 2 });
    for (let i = 0; i < 10; i++) await s.record(i);
    for (let i = 0; i < 10; i++) inbox.enqueue(`user_send_text:m${i}`, `u${i}`);
    inbox.enqueue('user_send_text:m0', 'u0'); // already queued: ignored
    expect(inbox.busy).toBe(10);
    await inbox.stop();
    expect(inbox.busy).toBe(0);
    expect(await s.pending()).toHaveLength(0);
    expect(await s.store.tx((t) => t.listOutbox({ limit: 100 }))).toHaveLength(10);
  });

  it('sweeps events left pending (a crash before handling), but not fresh ones', async () => {
    const s = await setup();
    await s.record(1, new Date(NOW.getTime() - 60_000)); // left over from a previous life
    await s.record(2, NOW); // just arrived: the webhook's own enqueue owns it
    const inbox = new InboxProcessor(s.services);
    expect(await inbox.sweep()).toBe(1);
    await inbox.stop();
    expect((await s.pending()).map((r) => r.key)).toEqual(['user_send_text:m2']);
  });

  it('does not sweep an event whose attempt is running elsewhere (a live lease)', async () => {
    const s = await setup();
    await s.record(4, new Date(NOW.getTime() - 60_000));
    const leaseUntil = new Date(NOW.getTime() + 30_000).toISOString();
    await s.store.tx(async (t) => t.putInbound({ ...(await t.getInbound('user_send_text:m4'))!, attempts: 1, claimedBy: 'other', leaseUntil }));
    const inbox = new InboxProcessor(s.services);
    expect(await inbox.sweep()).toBe(0);
    await inbox.stop();
    expect(await s.pending()).toHaveLength(1);
  });

  it('prunes done records older than 7 days', async () => {
    const s = await setup();
    const old = new Date(NOW.getTime() - 8 * 86400_000);
    await s.record(3, old);
    await s.store.tx(async (t) => t.putInbound({ ...(await t.getInbound('user_send_text:m3'))!, status: 'done', doneAt: old.toISOString() }));
    const inbox = new InboxProcessor(s.services);
    await inbox.sweep();
    expect(await s.store.tx((t) => t.getInbound('user_send_text:m3'))).toBeUndefined();
  });
});
