/** Feedback that closes the loop: the officer answers a ticket, the citizen gets it and can look the ticket up by number. */
import { describe, expect, it } from 'vitest';
import { createFeedbackLookupReader, findOwnTicket } from '../../../src/dialog/feedback-lookup.js';
import { FeedbackNotFoundError, feedbackList, replyToFeedback, setFeedbackStatus } from '../../../src/dialog/feedback-officer.js';
import { OutboxWorker } from '../../../src/notify/outbox-worker.js';
import { OaApiError } from '../../../src/platform/zalo/oa-errors.js';
import type { FeedbackTicket } from '../../../src/store/records.js';
import { Conversation, nlu } from './make-turn.js';

const COMPLAINT = 'tôi muốn phản ánh cán bộ quầy số 3 hướng dẫn không rõ ràng, phải đi lại nhiều lần';

async function fileTicket(c: Conversation): Promise<FeedbackTicket> {
  const t = await c.say(COMPLAINT, nlu(COMPLAINT, 'feedback'));
  expect(t.all).toContain('số phiếu PAKN-');
  return (await c.services.store.tx((x) => x.listUserFeedback(c.userId)))[0]!;
}

describe('reading "phản ánh số 12 sao rồi"', () => {
  const reader = createFeedbackLookupReader();
  it.each([
    ['phản ánh số 12 sao rồi', { seq: 12 }],
    ['Phan anh so 12 sao roi', { seq: 12 }],
    ['kiến nghị 3 đã trả lời chưa ạ', { seq: 3 }],
    ['cho em hỏi phiếu số 7 xử lý đến đâu rồi', { seq: 7 }],
    ['tra cứu PAKN-20261202-0012', { number: 'PAKN-20261202-0012' }],
    ['phản ánh pakn-20261202-12 thế nào rồi', { number: 'PAKN-20261202-0012' }],
  ])('%s → %j', (text, ref) => {
    expect(reader.read(text)).toEqual(ref);
  });
  it.each([
    COMPLAINT,
    'phản ánh về quầy số 12 sao rồi không ai trả lời', // the number belongs to the counter, not a ticket
    'phản ánh số 12', // no question: could be the start of a complaint
    'hồ sơ số 12 sao rồi',
    'lệ phí đăng ký kết hôn bao nhiêu',
  ])('not a lookup: %s', (text) => {
    expect(reader.read(text)).toBeNull();
  });
  it('"số 12" is the citizen\'s latest ticket 12', () => {
    const t = (number: string) => ({ number }) as FeedbackTicket;
    const own = [t('PAKN-20261203-0012'), t('PAKN-20261202-0012'), t('PAKN-20261202-0001')];
    expect(findOwnTicket(own, { seq: 12 })?.number).toBe('PAKN-20261203-0012');
    expect(findOwnTicket(own, { number: 'PAKN-20261202-0012' })?.number).toBe('PAKN-20261202-0012');
    expect(findOwnTicket(own, { seq: 5 })).toBeUndefined();
  });
});

describe('an officer answers a ticket', () => {
  it('queues the answer to the citizen, marks the ticket answered, and the citizen can look it up', async () => {
    const c = await Conversation.start();
    const ticket = await fileTicket(c);
    const answered = await replyToFeedback(c.services, ticket.number, 'Dạ, đơn vị đã nhắc nhở cán bộ quầy số 3 và xin lỗi anh/chị.');
    expect(answered).toMatchObject({ status: 'answered', replies: [{ text: expect.stringContaining('nhắc nhở') }] });
    const [item] = await c.services.store.tx((t) => t.listOutbox({ userId: 'u1' }));
    expect(item).toMatchObject({ kind: 'reply', parts: [{ kind: 'text', text: expect.stringContaining(`phản ánh, kiến nghị số ${ticket.number}`) }] });
    expect(item!.fallback).toEqual([expect.objectContaining({ kind: 'transaction', header: `Trả lời phản ánh số ${ticket.number}` })]);
    expect(answered.replies![0]!.outboxId).toBe(item!.id);

    const seq = Number(ticket.number.slice(-4));
    const lookup = await c.say(`phản ánh số ${seq} sao rồi`);
    expect(lookup.all).toContain(`số ${ticket.number}`);
    expect(lookup.all).toContain('Đã trả lời');
    expect(lookup.all).toContain('nhắc nhở cán bộ quầy số 3');
    expect(lookup.ctx.outcome).toEqual({ intent: 'feedback_lookup', answered: true });

    // Another citizen asking for the same number hears that there is no such ticket of theirs.
    const other = new Conversation(c.services, 'u2');
    const stranger = await other.say(`phản ánh số ${seq} sao rồi`);
    expect(stranger.all).toContain('không tìm thấy');
    expect(stranger.all).not.toContain('nhắc nhở');

    const listed = await feedbackList(c.services, 10);
    expect(listed[0]!.replies[0]).toMatchObject({ delivery: 'pending' });
  });

  it('sends the answer as a transaction message when the citizen is outside the 7-day window', async () => {
    const c = await Conversation.start();
    const ticket = await fileTicket(c);
    await replyToFeedback(c.services, ticket.number, 'Dạ, đã xử lý xong.');
    const oa = c.services.oa as unknown as { failNext(e: unknown): void; sends: { channel: string }[] };
    oa.failNext(new OaApiError(-230, 'User has not interacted with the OA in the past 7 days', '/v3.0/oa/message/cs'));
    await new OutboxWorker(c.services, { random: () => 0.5 }).runOnce();
    expect(oa.sends.map((s) => s.channel)).toEqual(['transaction']);
    expect((await feedbackList(c.services, 10))[0]!.replies[0]).toMatchObject({ delivery: 'sent' });
  });

  it('moves the ticket through in progress and closed; an unknown ticket is an error', async () => {
    const c = await Conversation.start();
    const ticket = await fileTicket(c);
    expect((await setFeedbackStatus(c.services, ticket.number, 'in_progress')).status).toBe('in_progress');
    const lookup = await c.say(`tra cứu ${ticket.number}`);
    expect(lookup.all).toContain('Đang xử lý');
    expect((await setFeedbackStatus(c.services, ticket.number, 'closed')).status).toBe('closed');
    await expect(setFeedbackStatus(c.services, 'PAKN-19990101-0001', 'closed')).rejects.toBeInstanceOf(FeedbackNotFoundError);
    await expect(replyToFeedback(c.services, 'PAKN-19990101-0001', 'x')).rejects.toBeInstanceOf(FeedbackNotFoundError);
  });
});
