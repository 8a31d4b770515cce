/**
 * Very long messages through the real turn (processInbound, the real understander): the bot
 * reads the first part, says so before its answer, keeps the whole message for people
 * (feedback tickets), and no text, whatever is pending, makes a turn slow.
 */
import { describe, expect, it } from 'vitest';
import { processInbound } from '../../../src/dialog/process-inbound.js';
import { LONG_MESSAGE_NOTE } from '../../../src/dialog/long-message-note.js';
import type { OaEvent } from '../../../src/platform/zalo/events.js';
import type { PendingQuestion } from '../../../src/store/records.js';
import { makeTestServices } from '../../support/make-test-services.js';
import { parseBareScore } from '../../../src/dossiers/chat/record-rating.js';
import { parseRatingAnswer } from '../../../src/dossiers/chat-payloads.js';
import { parseDetailPayload } from '../../../src/dialog/detail-buttons.js';

const NOW = new Date('2026-06-16T03:00:00.000Z');
const base = { appId: 'test-app', oaId: 'oa', timestamp: String(NOW.getTime() - 1000) };
const KET_HON = '1.000894';

async function setup() {
  const s = await makeTestServices({ now: NOW });
  s.services.kickOutbox = () => {};
  let n = 0;
  /** One user_send_text through the whole turn; the texts of the reply parts. */
  const say = async (userId: string, text: string): Promise<string[]> => {
    const key = `user_send_text:m${++n}`;
    const event: OaEvent = { ...base, kind: 'user_send_text', userId, msgId: `m${n}`, text };
    await s.store.tx((t) => t.insertInbound({ key, eventName: event.kind, userId, event, receivedAt: NOW.toISOString(), status: 'pending', attempts: 0 }));
    expect(await processInbound(s.services, key, userId)).toBe('handled');
    const items = await s.store.tx((t) => t.listOutbox({ userId }));
    const item = items.find((i) => i.dedupeKey === `reply:${key}`);
    return (item?.parts ?? []).map((p) => (p.kind === 'text' ? p.text : `[${p.kind}]`));
  };
  const pend = (userId: string, pending: PendingQuestion) =>
    s.store.tx((t) => t.putConversation({ userId, pending, failures: 0, updatedAt: NOW.toISOString() }));
  return { ...s, say, pend };
}

const STORY =
  'Dạ em chào anh chị ạ, em với bạn trai quen nhau được ba năm rồi, hai bên gia đình cũng đã gặp mặt và thống nhất ' +
  'ngày cưới vào cuối năm nay. Nhà em ở quê, bạn trai em thì đang làm việc trên thành phố nên hai đứa ít khi về cùng lúc. ';

describe('a very long message', () => {
  it('gets the note first, then the answer to what was read', async () => {
    const s = await setup();
    const text = `đăng ký kết hôn cần giấy tờ gì ạ. ${STORY.repeat(6)}`;
    expect(text.length).toBeGreaterThan(1000);
    const parts = await s.say('u1', text);
    expect(parts[0]).toBe(LONG_MESSAGE_NOTE);
    const answer = parts.slice(1).join('\n');
    expect(answer).toContain(`Mã thủ tục: ${KET_HON}`);
    expect(answer).toContain('Giấy tờ');
  });

  it('a message of normal length gets no note', async () => {
    const s = await setup();
    const parts = await s.say('u2', 'đăng ký kết hôn cần giấy tờ gì ạ');
    expect(parts.join('\n')).not.toContain(LONG_MESSAGE_NOTE);
    expect(parts.join('\n')).toContain(`Mã thủ tục: ${KET_HON}`);
  });

  it('a long complaint: the ticket keeps the whole message, and no note', async () => {
    const s = await setup();
    const complaint = `Tôi muốn phản ánh thái độ của cán bộ tiếp nhận hồ sơ tại bộ phận một cửa phường. ${STORY.repeat(5)}Cuối cùng tôi phải về.`;
    const parts = await s.say('u3', complaint);
    expect(parts.join('\n')).toContain('PAKN-');
    expect(parts.join('\n')).not.toContain(LONG_MESSAGE_NOTE);
    const [ticket] = await s.store.tx((t) => t.listFeedback(10));
    expect(ticket.content).toBe(complaint.trim());
  });
});

describe('no text makes a turn slow, whatever is pending', () => {
  const BIG = 200_000;
  const texts: [string, string][] = [
    ['a score then white space', `5${' '.repeat(BIG)}x`],
    ['a rating then white space', `Đánh giá 5${' \t'.repeat(BIG / 2)}x`],
    ['an option number then white space', `số${' '.repeat(BIG)}thứ${' '.repeat(BIG)}2${' '.repeat(BIG)}x`],
    ['a detail-button look-alike', `Lệ phí${' '.repeat(BIG)}x (1.000894`],
    ['"mã hồ sơ" repeated', 'mã hồ sơ '.repeat(BIG / 9)],
    ['digits and dots', '12.'.repeat(BIG / 3)],
    ['one endless word', 'a'.repeat(BIG)],
  ];
  const pendings: PendingQuestion[] = [
    { kind: 'satisfaction', code: '000.00.12.H12-240315-0001' },
    { kind: 'disambiguation', intent: 'ask_fee', candidates: ['1.000894', '2.000806'] },
    { kind: 'challenge', code: '000.00.12.H12-240315-0001', then: 'status' },
    { kind: 'dossier_code', then: 'status' },
    { kind: 'feedback_content' },
  ];

  it.each(texts)('%s', async (_name, text) => {
    const s = await setup();
    for (const [i, pending] of pendings.entries()) {
      const user = `p${i}`;
      await s.pend(user, pending);
      const t0 = performance.now();
      const parts = await s.say(user, text);
      // A turn takes milliseconds; a backtracking pattern over 200,000 spaces took minutes.
      expect(performance.now() - t0).toBeLessThan(2000);
      expect(parts.length).toBeGreaterThan(0);
    }
  });
});

describe('short-answer parsers, given raw text with long runs of spaces', () => {
  // Before: two or three \s* in a row split the run every way (parseBareScore: 4,000 spaces took 48 s).
  const spaces = ' '.repeat(50_000);
  it('answer at once, and still read short answers', () => {
    const t0 = performance.now();
    expect(parseBareScore(`5${spaces}x`)).toBeNull();
    expect(parseRatingAnswer(`Đánh giá 5${spaces}x`)).toBeNull();
    expect(parseDetailPayload(`Lệ phí${spaces}x (1.000894`)).toBeUndefined();
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(parseBareScore(' 4  sao ! ')).toBe(4);
    expect(parseBareScore('3 /5.')).toBe(3);
    expect(parseRatingAnswer('Đánh giá 4 / 5 cho hồ sơ 000.00.12.H12-240315-0001')).toEqual({ score: 4, code: '000.00.12.H12-240315-0001' });
    expect(parseDetailPayload('Lệ phí (1.000894)')).toEqual({ intent: 'ask_fee', code: '1.000894' });
  });
});
