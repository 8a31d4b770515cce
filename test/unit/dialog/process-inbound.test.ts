import { describe, expect, it } from 'vitest';
import { APOLOGY_TEXT, processInbound } from '../../../src/dialog/process-inbound.js';
import type { OaEvent } from '../../../src/platform/zalo/events.js';
import type { Understander } from '../../../src/nlu/nlu-types.js';
import type { InboundEventRecord, OutboxItem } from '../../../src/store/records.js';
import { makeTestServices } from '../../support/make-test-services.js';

const NOW = new Date('2026-11-23T10:00:00.000Z');
const base = { appId: 'test-app', oaId: 'oa', timestamp: String(NOW.getTime() - 1000) };

async function setup(opts: { nlu?: Understander } = {}) {
  const ctx = await makeTestServices({ now: NOW, ...(opts.nlu ? { nlu: opts.nlu } : {}) });
  let kicks = 0;
  ctx.services.kickOutbox = () => void kicks++;
  const record = (key: string, event: OaEvent) =>
    ctx.store.tx((t) =>
      t.insertInbound({ key, eventName: event.kind, userId: event.userId, event, receivedAt: NOW.toISOString(), status: 'pending', attempts: 0 }),
    );
  const inbound = (key: string) => ctx.store.tx((t) => t.getInbound(key)) as Promise<InboundEventRecord>;
  const outbox = (userId: string) => ctx.store.tx((t) => t.listOutbox({ userId })) as Promise<OutboxItem[]>;
  return { ...ctx, record, inbound, outbox, kicks: () => kicks };
}

const text = (userId: string, t: string, msgId = 'm1'): OaEvent => ({ ...base, kind: 'user_send_text', userId, msgId, text: t });

describe('processInbound', () => {
  it('handles a text once: reply in the outbox, state, profile window, turn log, done', async () => {
    const s = await setup();
    await s.record('user_send_text:m1', text('u1', 'xin chào'));
    expect(await processInbound(s.services, 'user_send_text:m1', 'u1')).toBe('handled');
    const [item] = await s.outbox('u1');
    expect(item).toMatchObject({ kind: 'reply', dedupeKey: 'reply:user_send_text:m1', status: 'pending', sentParts: 0 });
    expect(item.parts.length).toBeGreaterThan(0);
    expect(await s.inbound('user_send_text:m1')).toMatchObject({ status: 'done' });
    const profile = await s.store.tx((t) => t.getProfile('u1'));
    expect(profile?.lastInteractionAt).toBe(new Date(Number(base.timestamp)).toISOString());
    expect(await s.store.tx((t) => t.getConversation('u1'))).toMatchObject({ userId: 'u1', updatedAt: NOW.toISOString() });
    expect(await s.store.tx((t) => t.listTurnLog('2000'))).toHaveLength(1);
    expect(s.kicks()).toBe(1);

    // Handling it again (a sweeper, another instance) does nothing.
    expect(await processInbound(s.services, 'user_send_text:m1')).toBe('already_done');
    expect(await s.outbox('u1')).toHaveLength(1);
  });

  it('unfollow forgets subscriptions; follow and submit info update the profile', async () => {
    const s = await setup();
    await s.store.tx(async (t) => {
      await t.addSubscription({ code: 'H1', userId: 'u2', createdAt: NOW.toISOString() });
      await t.addSubscription({ code: 'H2', userId: 'u2', createdAt: NOW.toISOString() });
    });
    await s.record('follow:a', { ...base, kind: 'follow', userId: 'u2' });
    await processInbound(s.services, 'follow:a');
    expect((await s.store.tx((t) => t.getProfile('u2')))?.follower).toBe(true);
    await s.record('user_submit_info:b', { ...base, kind: 'user_submit_info', userId: 'u2', name: 'Nguyễn Văn A', phone: '0912345678' });
    await processInbound(s.services, 'user_submit_info:b');
    expect(await s.store.tx((t) => t.getProfile('u2'))).toMatchObject({ sharedName: 'Nguyễn Văn A', sharedPhone: '0912345678' });
    await s.record('unfollow:c', { ...base, kind: 'unfollow', userId: 'u2' });
    await processInbound(s.services, 'unfollow:c');
    expect(await s.store.tx((t) => t.listUserSubscriptions('u2'))).toHaveLength(0);
    expect((await s.store.tx((t) => t.getProfile('u2')))?.follower).toBe(false);
  });

  it('marks delivery receipts done without a turn', async () => {
    const s = await setup();
    await s.record('user_seen_message:x', { ...base, kind: 'user_seen_message', userId: 'u3', msgIds: ['x'] });
    expect(await processInbound(s.services, 'user_seen_message:x')).toBe('handled');
    expect((await s.inbound('user_seen_message:x')).status).toBe('done');
    expect(await s.outbox('u3')).toHaveLength(0);
    expect(await s.store.tx((t) => t.getConversation('u3'))).toBeUndefined();
  });

  it('releases the user’s waiting notifications when they write', async () => {
    const s = await setup();
    await s.store.tx((t) =>
      t.addOutbox([{ id: 'w1', dedupeKey: 'n1', kind: 'notification', userId: 'u4', parts: [{ kind: 'text', text: 'Hồ sơ có kết quả' }], status: 'waiting', sentParts: 0, attempts: 0, nextAttemptAt: '2026-01-01T00:00:00Z', oaMessageIds: [], createdAt: '2026-01-01T00:00:00Z', seq: 1 }]),
    );
    await s.record('user_send_text:m4', text('u4', 'alo', 'm4'));
    await processInbound(s.services, 'user_send_text:m4');
    expect(await s.store.tx((t) => t.getOutbox('w1'))).toMatchObject({ status: 'pending', nextAttemptAt: NOW.toISOString() });
  });

  it('starts a fresh conversation after the idle timeout', async () => {
    const s = await setup();
    const old = new Date(NOW.getTime() - 31 * 60_000).toISOString();
    await s.store.tx((t) => t.putConversation({ userId: 'u5', lastProcedure: 'X.1', failures: 2, updatedAt: old }));
    await s.record('user_send_text:m5', text('u5', 'xin chào', 'm5'));
    await processInbound(s.services, 'user_send_text:m5');
    const state = await s.store.tx((t) => t.getConversation('u5'));
    expect(state?.lastProcedure).toBeUndefined();
  });

  it('rolls a failing turn back, counts attempts, and after 3 sends a polite apology', async () => {
    const boom: Understander = {
      understand() {
        throw new Error('nlu exploded');
      },
    };
    const s = await setup({ nlu: boom });
    await s.record('user_send_text:m6', text('u6', 'xin chào', 'm6'));
    expect(await processInbound(s.services, 'user_send_text:m6')).toBe('failed');
    expect(await s.inbound('user_send_text:m6')).toMatchObject({ status: 'pending', attempts: 1 });
    expect((await s.inbound('user_send_text:m6')).lastError).toContain('nlu exploded');
    expect(await s.store.tx((t) => t.getProfile('u6'))).toBeUndefined(); // rolled back
    expect(await processInbound(s.services, 'user_send_text:m6')).toBe('failed');
    expect(await processInbound(s.services, 'user_send_text:m6')).toBe('gave_up');
    expect(await s.inbound('user_send_text:m6')).toMatchObject({ status: 'failed', attempts: 3 });
    expect((await s.inbound('user_send_text:m6')).failedReason).toBe(
      'gave up after 3 attempts; last error: handling user_send_text (user_send_text:m6) failed: nlu exploded',
    );
    const [apology] = await s.outbox('u6');
    expect(apology.parts).toEqual([{ kind: 'text', text: APOLOGY_TEXT }]);
    expect(await processInbound(s.services, 'user_send_text:m6')).toBe('already_done');
  });

  it('counts the attempt before the turn runs: a live attempt elsewhere is left alone, a dead one is retried', async () => {
    const s = await setup();
    await s.record('user_send_text:m7', text('u7', 'xin chào', 'm7'));
    // Another instance started an attempt 10 s ago and holds it for a minute.
    const started = { attempts: 1, lastAttemptAt: new Date(NOW.getTime() - 10_000).toISOString(), claimedBy: 'other', leaseUntil: new Date(NOW.getTime() + 50_000).toISOString() };
    await s.store.tx(async (t) => t.putInbound({ ...(await t.getInbound('user_send_text:m7'))!, ...started }));
    expect(await processInbound(s.services, 'user_send_text:m7', 'u7')).toBe('busy');
    expect(await s.outbox('u7')).toHaveLength(0);
    // Its process died: after the lease, this instance counts the second attempt and handles it.
    s.services.clock = () => new Date(NOW.getTime() + 60_000);
    expect(await processInbound(s.services, 'user_send_text:m7', 'u7')).toBe('handled');
    expect(await s.inbound('user_send_text:m7')).toMatchObject({ status: 'done', attempts: 2, event: null, lastAttemptAt: new Date(NOW.getTime() + 60_000).toISOString() });
    expect((await s.inbound('user_send_text:m7')).leaseUntil).toBeUndefined();
  });

  it('an event picked with its attempts spent and no error (the process died each time) is parked, not run, with one apology', async () => {
    const s = await setup();
    await s.record('user_send_text:m8', text('u8', 'xin chào', 'm8'));
    await s.store.tx(async (t) => t.putInbound({ ...(await t.getInbound('user_send_text:m8'))!, attempts: 3 }));
    expect(await processInbound(s.services, 'user_send_text:m8')).toBe('gave_up');
    expect(await s.inbound('user_send_text:m8')).toMatchObject({
      status: 'failed',
      attempts: 3,
      failedAt: NOW.toISOString(),
      failedReason: 'gave up after 3 attempts; the process died or hung during the turn',
    });
    expect((await s.outbox('u8')).map((i) => i.parts)).toEqual([[{ kind: 'text', text: APOLOGY_TEXT }]]);
    expect(await s.store.tx((t) => t.listTurnLog('2000'))).toHaveLength(0); // never ran
    expect(await processInbound(s.services, 'user_send_text:m8')).toBe('already_done');
    expect(s.kicks()).toBe(1);

    // An unfollow the bot gave up on is parked without an apology.
    await s.record('unfollow:u9:x', { ...base, kind: 'unfollow', userId: 'u9' });
    await s.store.tx(async (t) => t.putInbound({ ...(await t.getInbound('unfollow:u9:x'))!, attempts: 3 }));
    expect(await processInbound(s.services, 'unfollow:u9:x')).toBe('gave_up');
    expect(await s.outbox('u9')).toHaveLength(0);
  });
});
