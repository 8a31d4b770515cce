/** The officer's handoff card: who the citizen is, since when they wait, what they said to the bot before, one thread per handoff. */
import { describe, expect, it } from 'vitest';
import { processInbound } from '../../../src/dialog/process-inbound.js';
import { handoffQueue, waitingSince } from '../../../src/dialog/handoff-queue.js';
import { releaseHandoff, replyAsOfficer } from '../../../src/dialog/handoff-service.js';
import type { OaEvent } from '../../../src/platform/zalo/events.js';
import { makeTestServices } from '../../support/make-test-services.js';

async function setup() {
  const ctx = await makeTestServices();
  let now = new Date('2026-11-23T02:00:00.000Z'); // a Monday, 09:00 in Vietnam
  ctx.services.clock = () => new Date(now.getTime());
  ctx.services.kickOutbox = () => undefined;
  let n = 0;
  const send = async (userId: string, event: Partial<OaEvent> & { kind: OaEvent['kind'] }) => {
    now = new Date(now.getTime() + 60_000);
    const full = { appId: 'test-app', oaId: 'oa', timestamp: String(now.getTime()), userId, msgId: `m${++n}`, ...event } as OaEvent;
    const key = `${full.kind}:m${n}`;
    await ctx.store.tx((t) => t.insertInbound({ key, eventName: full.kind, userId, event: full, receivedAt: now.toISOString(), status: 'pending', attempts: 0 }));
    expect(await processInbound(ctx.services, key, userId)).toBe('handled');
  };
  const say = (userId: string, text: string) => send(userId, { kind: 'user_send_text', text });
  return { ...ctx, say, send, now: () => now };
}

describe('handoff queue', () => {
  it('shows the name, the waiting time and the turns before the request; a second handoff starts a new thread', async () => {
    const s = await setup();
    await s.say('u1', 'xin chào');
    await s.say('u1', 'lệ phí đăng ký kết hôn bao nhiêu');
    await s.send('u1', { kind: 'user_submit_info', name: 'Trần Thị Mai', phone: '0987654321' } as Partial<OaEvent> & { kind: 'user_submit_info' });
    await s.say('u1', 'Gặp cán bộ');
    const requestAt = s.now().toISOString();
    await s.say('u1', 'anh chị ơi cho em hỏi với');

    let [card] = await handoffQueue(s.services, 'open');
    expect(card!.citizen).toEqual({ sharedName: 'Trần Thị Mai', displayName: 'Người dùng' });
    expect(card!.before.map((x) => x.user)).toEqual(['xin chào', 'lệ phí đăng ký kết hôn bao nhiêu', '[Đã chia sẻ họ tên, số điện thoại]']);
    expect(card!.before[1]!.bot).toContain('Mã thủ tục:');
    expect(card!.lastMessages.map((m) => m.text)).toEqual(['Gặp cán bộ', 'anh chị ơi cho em hỏi với']);
    expect(card!.waitingSince).toBe(requestAt);

    await replyAsOfficer(s.services, 'u1', 'Dạ, em nghe ạ.');
    [card] = await handoffQueue(s.services, 'open');
    expect(card!.waitingSince).toBeUndefined();
    await releaseHandoff(s.services, 'u1');

    await s.say('u1', 'cảm ơn');
    await s.say('u1', 'Gặp cán bộ');
    [card] = await handoffQueue(s.services, 'open');
    // Only this handoff's messages; the earlier one is part of what came before.
    expect(card!.lastMessages.map((m) => m.text)).toEqual(['Gặp cán bộ']);
    expect(card!.before.at(-1)!.user).toBe('cảm ơn');
    expect(card!.before.map((x) => x.user)).toContain('anh chị ơi cho em hỏi với');
  });

  it('keeps at most the last 20 turns before the request', async () => {
    const s = await setup();
    for (let i = 1; i <= 25; i++) await s.say('u2', `câu hỏi số ${i}`);
    await s.say('u2', 'Gặp cán bộ');
    const [card] = await handoffQueue(s.services, 'open');
    expect(card!.before).toHaveLength(20);
    expect(card!.before[0]!.user).toBe('câu hỏi số 6');
  });

  it('asks the OA for a display name once in a while, not on every refresh', async () => {
    const s = await setup();
    let calls = 0;
    s.services.oa.getUserProfile = async () => (calls++, {});
    await s.say('u3', 'Gặp cán bộ');
    await handoffQueue(s.services, 'open');
    await handoffQueue(s.services, 'open');
    expect(calls).toBe(1);
  });

  it('counts the wait from the first unanswered citizen message', () => {
    const m = (from: 'user' | 'officer', at: string) => ({ from, at, text: 'x' });
    expect(waitingSince({ openedAt: 'T0', lastMessages: [] })).toBe('T0');
    expect(waitingSince({ openedAt: 'T0', lastMessages: [m('user', 'T1'), m('user', 'T2')] })).toBe('T1');
    expect(waitingSince({ openedAt: 'T0', lastMessages: [m('user', 'T1'), m('officer', 'T2')] })).toBeUndefined();
    expect(waitingSince({ openedAt: 'T0', lastMessages: [m('user', 'T1'), m('officer', 'T2'), m('user', 'T3')] })).toBe('T3');
  });
});
