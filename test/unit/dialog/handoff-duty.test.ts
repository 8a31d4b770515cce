/**
 * Automatic handoff only with an officer on duty, the acknowledgement rhythm
 * while handed off, and the citizen's way back to the bot.
 */
import { describe, expect, it } from 'vitest';
import { Conversation, nlu } from './make-turn.js';
import { CONSOLE_PRESENCE } from '../../../src/dialog/officer-duty.js';

const EVENING = new Date('2026-06-16T14:00:00Z'); // Tuesday 21:00 in Việt Nam
const notUnderstood = (text: string) => nlu(text, 'out_of_scope', { intentConfidence: 0.3 });
const notInCatalog = (text: string) => nlu(text, 'procedure_info', { procedureMentionedButUnknown: true });
const handoffOf = (c: Conversation) => c.services.store.tx((t) => t.getHandoff('u1'));

async function threeFailures(c: Conversation) {
  await c.say('xyzzy plugh', notUnderstood('xyzzy plugh'));
  await c.say('asdf qwer', notUnderstood('asdf qwer'));
  return c.say('zzz qqq', notUnderstood('zzz qqq'));
}

describe('automatic handoff', () => {
  it('outside office hours with nobody at the console: the bot keeps answering and offers a request or a ticket', async () => {
    const c = await Conversation.start();
    c.now = EVENING;
    const third = await threeFailures(c);
    expect(third.all).toContain('Hiện không có cán bộ trực');
    expect(third.buttons).toEqual(['Nhờ cán bộ trả lời sau', 'Gửi phản ánh, kiến nghị', 'Tra cứu thủ tục']);
    expect(await handoffOf(c)).toBeUndefined();
    const next = await c.say('xin chào', nlu('xin chào', 'greeting'));
    expect(next.all).toContain('xin chào');
    // The citizen takes the offer: a request an officer answers in office hours.
    const callback = await c.say('Nhờ cán bộ trả lời sau', notUnderstood('Nhờ cán bộ trả lời sau'));
    expect(callback.all).toContain('ngoài giờ làm việc');
    expect(callback.buttons).toEqual(['Quay lại trợ lý tự động']);
    expect(await handoffOf(c)).toMatchObject({ status: 'open', reason: 'requested' });
  });

  it('the feedback button starts a ticket', async () => {
    const c = await Conversation.start();
    const t = await c.say('Gửi phản ánh, kiến nghị', notUnderstood('Gửi phản ánh, kiến nghị'));
    expect(t.all).toContain('nhắn nội dung phản ánh');
    expect(t.ctx.state.pending).toEqual({ kind: 'feedback_content' });
  });

  it('outside office hours with an officer at the console: hands off', async () => {
    const c = await Conversation.start();
    c.now = EVENING;
    await c.services.store.tx((t) => t.touchPresence(CONSOLE_PRESENCE, new Date(EVENING.getTime() - 5 * 60_000).toISOString()));
    const third = await threeFailures(c);
    expect(third.all).toContain('chuyển cuộc trò chuyện cho cán bộ');
    expect(await handoffOf(c)).toMatchObject({ status: 'open', reason: 'repeated_failures' });
  });

  it('an officer seen longer ago than OFFICER_PRESENCE_MINUTES does not count', async () => {
    const c = await Conversation.start({ OFFICER_PRESENCE_MINUTES: '10' });
    c.now = EVENING;
    await c.services.store.tx((t) => t.touchPresence(CONSOLE_PRESENCE, new Date(EVENING.getTime() - 11 * 60_000).toISOString()));
    await threeFailures(c);
    expect(await handoffOf(c)).toBeUndefined();
  });

  it('"not in catalog" answers and bare digits never count', async () => {
    const c = await Conversation.start();
    for (const text of ['trợ cấp thất nghiệp', 'bắn pháo hoa', 'vay vốn sinh viên']) await c.say(text, notInCatalog(text));
    for (const text of ['4321', '0000', '1234']) {
      const t = await c.say(text, notUnderstood(text));
      expect(t.all).toContain('tra cứu hồ sơ');
    }
    expect(await handoffOf(c)).toBeUndefined();
    const logged = await c.services.store.tx((t) => t.listUnanswered());
    expect(logged.map((q) => q.sample).sort()).toEqual(['bắn pháo hoa', 'trợ cấp thất nghiệp', 'vay vốn sinh viên']);
  });
});

describe('while handed off', () => {
  it('acknowledges at most once per 30 minutes, keeps every message for the officer, and lets the citizen return', async () => {
    const c = await Conversation.start();
    const third = await threeFailures(c);
    expect(third.all).toContain('chuyển cuộc trò chuyện cho cán bộ');
    expect(third.all).toContain('quay lại trợ lý');
    expect(third.buttons).toEqual(['Quay lại trợ lý tự động']);
    // Just told: no second acknowledgement within 30 minutes.
    expect((await c.say('alo', nlu('alo', 'greeting'))).replies).toEqual([]);
    c.now = new Date(c.now.getTime() + 31 * 60_000);
    const ack = await c.say('có ai không', nlu('có ai không', 'help'));
    expect(ack.all).toContain('Cán bộ sẽ trả lời anh/chị trong giờ làm việc (Thứ Hai – Thứ Sáu');
    expect(ack.buttons).toEqual(['Quay lại trợ lý tự động']);
    c.now = new Date(c.now.getTime() + 10 * 60_000);
    expect((await c.say('lệ phí kết hôn', nlu('lệ phí kết hôn', 'ask_fee'))).replies).toEqual([]);
    const back = await c.say('thôi, quay lại trợ lý tự động', nlu('x', 'procedure_info'));
    expect(back.all).toContain('em tiếp tục hỗ trợ');
    expect(back.ctx.outcome).toEqual({ intent: 'handoff_return', answered: true });
    const h = await handoffOf(c);
    expect(h).toMatchObject({ status: 'released', releasedBy: 'citizen' });
    expect(h?.lastMessages.map((m) => m.text)).toContain('lệ phí kết hôn');
    const hello = await c.say('xin chào', nlu('xin chào', 'greeting'));
    expect(hello.all).toContain('xin chào');
    // The button's words with no handoff open: the bot says it is here, not "not understood".
    const again = await c.say('Quay lại trợ lý tự động', nlu('Quay lại trợ lý tự động', 'procedure_info', { procedureMentionedButUnknown: true }));
    expect(again.all).toContain('em tiếp tục hỗ trợ');
  });

  it('a requested handoff also says how to return', async () => {
    const c = await Conversation.start();
    const open = await c.say('cho tôi gặp cán bộ', nlu('cho tôi gặp cán bộ', 'human_handoff'));
    expect(open.all).toContain('“quay lại trợ lý”');
    const back = await c.say('Quay lại trợ lý tự động', nlu('Quay lại trợ lý tự động', 'procedure_info'));
    expect(back.all).toContain('em tiếp tục hỗ trợ');
  });
});
