import { describe, expect, it } from 'vitest';
import { Conversation, cand, nlu } from './make-turn.js';

const KET_HON = '1.000894';
const TAM_TRU = '1.004194';
const CAN_CUOC = ['1.014061', '1.014062', '1.014063', '1.014064'];
const proc = (code: string) => ({ code, name: code, score: 0.9 });

describe('catalog answers and context', () => {
  it('answers a follow-up fee question about the procedure just discussed', async () => {
    const c = await Conversation.start();
    const first = await c.say('đăng ký kết hôn', nlu('đăng ký kết hôn', 'procedure_info', { procedure: proc(KET_HON) }));
    expect(first.all).toContain(`Mã thủ tục: ${KET_HON}`);
    expect(first.buttons).toEqual(['Giấy tờ cần nộp', 'Lệ phí', 'Thời gian giải quyết', 'Nộp ở đâu', 'Xem trên Cổng DVC']);
    const fee = await c.say('còn lệ phí thì sao?', nlu('còn lệ phí thì sao?', 'ask_fee'));
    expect(fee.all).toContain('lệ phí đăng ký kết hôn');
    expect(fee.all).toContain(`Mã thủ tục: ${KET_HON}`);
    expect(fee.ctx.outcome).toEqual({ intent: 'ask_fee', answered: true });
  });

  it('switches topic when another procedure is named', async () => {
    const c = await Conversation.start();
    await c.say('kết hôn', nlu('kết hôn', 'procedure_info', { procedure: proc(KET_HON) }));
    const t = await c.say('tạm trú mất bao lâu', nlu('tạm trú mất bao lâu', 'ask_duration', { procedure: proc(TAM_TRU) }));
    expect(t.all).toContain(`Mã thủ tục: ${TAM_TRU}`);
    expect(t.ctx.state.lastProcedure).toBe(TAM_TRU);
  });

  it('asks which procedure for a follow-up without context, then answers the asked detail', async () => {
    const c = await Conversation.start();
    const ask = await c.say('lệ phí bao nhiêu vậy', nlu('lệ phí bao nhiêu vậy', 'ask_fee'));
    expect(ask.all).toContain('thủ tục nào');
    expect(ask.ctx.state.pending).toEqual({ kind: 'disambiguation', intent: 'ask_fee', candidates: [] });
    const t = await c.say('đăng ký tạm trú', nlu('đăng ký tạm trú', 'procedure_info', { procedure: proc(TAM_TRU) }));
    expect(t.all).toContain('Dạ, lệ phí ');
    expect(t.all).toContain(`Mã thủ tục: ${TAM_TRU}`);
  });

  it('forgets the topic after the idle time', async () => {
    const c = await Conversation.start({ CONVERSATION_IDLE_MINUTES: '30' });
    await c.say('kết hôn', nlu('kết hôn', 'procedure_info', { procedure: proc(KET_HON) }));
    c.now = new Date(c.now.getTime() + 31 * 60_000);
    const t = await c.say('lệ phí?', nlu('lệ phí?', 'ask_fee'));
    expect(t.all).not.toContain(KET_HON);
    expect(t.all).toContain('thủ tục nào');
  });

  it('recognises its own detail buttons whatever the NLU says', async () => {
    const c = await Conversation.start();
    const t = await c.say('Giấy tờ cần nộp (1.000894)', nlu('x', 'out_of_scope', { intentConfidence: 0.1 }));
    expect(t.all).toContain('hồ sơ đăng ký kết hôn gồm');
  });

  it('takes a national code in the text as the procedure', async () => {
    const c = await Conversation.start();
    const t = await c.say('thời gian giải quyết 1.014063', nlu('x', 'ask_duration', { procedure: proc(KET_HON) }));
    expect(t.all).toContain('Mã thủ tục: 1.014063');
  });
});

describe('disambiguation', () => {
  it('offers variants as buttons and answers the tapped one with the asked intent', async () => {
    const c = await Conversation.start();
    const ask = await c.say('lệ phí làm căn cước', nlu('lệ phí làm căn cước', 'ask_fee', { ambiguous: true, candidates: CAN_CUOC.map((x) => cand(x)) }));
    const options = c.lastButtons(ask);
    expect(options).toHaveLength(4);
    expect(options[2].payload).toContain('(1.014063)');
    expect(ask.all).toContain('1. ');
    const tap = await c.say(options[2].payload, nlu(options[2].payload, 'procedure_info', { procedure: proc('1.014063') }));
    expect(tap.all).toContain('lệ phí cấp đổi thẻ căn cước');
    expect(tap.all).toContain('Mã thủ tục: 1.014063');
  });

  it('accepts a number', async () => {
    const c = await Conversation.start();
    await c.say('căn cước', nlu('căn cước', 'procedure_info', { ambiguous: true, candidates: CAN_CUOC.map((x) => cand(x)) }));
    const t = await c.say('2', nlu('2', 'out_of_scope', { intentConfidence: 0.1 }));
    expect(t.all).toContain('Mã thủ tục: 1.014062');
  });

  it('offers the far candidates beside a doubted match that stands alone, never answers it', async () => {
    const c = await Conversation.start();
    const doubted = { ambiguous: true, procedure: proc(KET_HON), candidates: [cand(KET_HON, 0.69), cand(TAM_TRU, 0.35)] };
    const ask = await c.say('giấy xác nhận cho con', nlu('giấy xác nhận cho con', 'ask_location', doubted));
    expect(ask.all).not.toContain('Mã thủ tục:');
    expect(c.lastButtons(ask).map((b) => b.payload)).toEqual([expect.stringContaining(KET_HON), expect.stringContaining(TAM_TRU)]);
  });

  it('asks to confirm a doubted match with no other candidate, and takes "đúng rồi ạ" as yes', async () => {
    const c = await Conversation.start();
    const doubted = { ambiguous: true, procedure: proc(KET_HON), candidates: [cand(KET_HON, 0.6)] };
    const ask = await c.say('làm giấy cho hai đứa', nlu('làm giấy cho hai đứa', 'ask_fee', doubted));
    expect(ask.all).toContain('có phải anh/chị hỏi thủ tục sau không');
    expect(ask.all).not.toContain('Mã thủ tục:');
    const yes = await c.say('đúng rồi ạ', nlu('đúng rồi ạ', 'out_of_scope', { intentConfidence: 0.2 }));
    expect(yes.all).toContain('lệ phí đăng ký kết hôn');
    expect(yes.all).toContain(`Mã thủ tục: ${KET_HON}`);
  });

  it('takes a yes only when one option was offered', async () => {
    const c = await Conversation.start();
    await c.say('căn cước', nlu('căn cước', 'procedure_info', { ambiguous: true, candidates: CAN_CUOC.map((x) => cand(x)) }));
    const t = await c.say('đúng rồi', nlu('đúng rồi', 'out_of_scope', { intentConfidence: 0.2 }));
    expect(t.all).not.toContain('Mã thủ tục:');
  });

  it('drops the question when the citizen changes topic', async () => {
    const c = await Conversation.start();
    await c.say('căn cước', nlu('căn cước', 'procedure_info', { ambiguous: true, candidates: CAN_CUOC.map((x) => cand(x)) }));
    const t = await c.say('cảm ơn', nlu('cảm ơn', 'thanks'));
    expect(t.all).toContain('cảm ơn');
    expect(t.ctx.state.pending).toBeUndefined();
  });
});

describe('honest fallback', () => {
  it('does not answer a procedure the catalog lacks, and logs it', async () => {
    const c = await Conversation.start();
    const t = await c.say('thủ tục xin phép bắn pháo hoa', nlu('thủ tục xin phép bắn pháo hoa', 'procedure_info', { procedureMentionedButUnknown: true, candidates: [cand(KET_HON, 0.2)] }));
    expect(t.all).toContain('Dạ, hiện em chưa có thông tin về thủ tục này');
    expect(t.all).not.toContain('Mã thủ tục');
    expect(t.buttons).toContain('Gặp cán bộ');
    expect(t.ctx.outcome).toEqual({ intent: 'procedure_info', answered: false });
    const items = await c.services.store.tx((tx) => tx.listUnanswered());
    expect(items[0]).toMatchObject({ normalized: 'thu tuc xin phep ban phao hoa', count: 1, reason: 'not_in_catalog' });
  });

  it('treats an unknown national code as not in the catalog', async () => {
    const c = await Conversation.start();
    const t = await c.say('lệ phí thủ tục 9.999999', nlu('x', 'ask_fee'));
    expect(t.all).toContain('chưa có thông tin về thủ tục này');
  });

  it('opens a handoff after repeated failures', async () => {
    const c = await Conversation.start({ HANDOFF_AFTER_FAILURES: '2' });
    await c.say('asdf qwer');
    const t = await c.say('zxcv tyui');
    expect(t.all).toContain('chuyển cuộc trò chuyện cho cán bộ');
    const h = await c.services.store.tx((tx) => tx.getHandoff('u1'));
    expect(h).toMatchObject({ status: 'open', reason: 'repeated_failures' });
  });
});

describe('handoff', () => {
  it('confirms, stays silent while open, and answers again once expired', async () => {
    const c = await Conversation.start({ HANDOFF_TIMEOUT_HOURS: '1' });
    const open = await c.say('cho tôi gặp cán bộ', nlu('cho tôi gặp cán bộ', 'human_handoff'));
    expect(open.all).toContain('chuyển cuộc trò chuyện cho cán bộ');
    // 10:00 on a Tuesday in Việt Nam: inside office hours, so no hours note.
    expect(open.all).not.toContain('ngoài giờ làm việc');
    const silent = await c.say('alo', nlu('alo', 'greeting'));
    expect(silent.replies).toEqual([]);
    const media = await c.event({ kind: 'user_send_media', eventName: 'user_send_sticker', media: 'sticker' } as never);
    expect(media.replies).toEqual([]);
    const h = await c.services.store.tx((tx) => tx.getHandoff('u1'));
    expect(h?.lastMessages.map((m) => m.text)).toEqual(['cho tôi gặp cán bộ', 'alo', '[sticker]']);
    c.now = new Date(c.now.getTime() + 2 * 3_600_000);
    const back = await c.say('xin chào', nlu('xin chào', 'greeting'));
    expect(back.all).toContain('xin chào');
    expect((await c.services.store.tx((tx) => tx.getHandoff('u1')))?.status).toBe('expired');
  });

  it('tells the office hours outside them', async () => {
    const c = await Conversation.start();
    c.now = new Date('2026-06-16T14:00:00Z'); // 21:00 in Việt Nam
    const t = await c.say('Gặp cán bộ', nlu('Gặp cán bộ', 'out_of_scope'));
    expect(t.all).toContain('ngoài giờ làm việc (Thứ Hai – Thứ Sáu: 07:30–11:30 và 13:30–17:00)');
  });
});

describe('feedback', () => {
  it('files a ticket at once when the message has content', async () => {
    const c = await Conversation.start();
    const text = 'tôi muốn phản ánh cán bộ tiếp nhận hồ sơ tại phường trả hồ sơ chậm hai tuần';
    const t = await c.say(text, nlu(text, 'feedback'));
    expect(t.all).toContain('PAKN-20260616-0001');
    const again = await c.say(text, nlu(text, 'feedback'));
    expect(again.all).toContain('PAKN-20260616-0002');
  });

  it('asks for the content, then files it; the same event twice is one ticket', async () => {
    const c = await Conversation.start();
    const ask = await c.say('tôi muốn khiếu nại', nlu('tôi muốn khiếu nại', 'feedback'));
    expect(ask.all).toContain('nhắn nội dung');
    expect(ask.ctx.state.pending).toEqual({ kind: 'feedback_content' });
    const content = 'Nhân viên bộ phận một cửa không hướng dẫn rõ ràng';
    const ev = { appId: 'a', timestamp: '1', userId: 'u1', oaId: 'oa', kind: 'user_send_text' as const, msgId: 'x', text: content };
    const t = await c.turn(ev, content, nlu(content, 'out_of_scope', { intentConfidence: 0.3 }), 'user_send_text:x');
    expect(t.all).toContain('PAKN-20260616-0001');
    const tickets = await c.services.store.tx((tx) => tx.listFeedback());
    expect(tickets).toHaveLength(1);
    expect(tickets[0].content).toBe(content);
  });

  it('can be cancelled', async () => {
    const c = await Conversation.start();
    await c.say('kiến nghị', nlu('kiến nghị', 'feedback'));
    const t = await c.say('hủy', nlu('hủy', 'out_of_scope'));
    expect(t.all).toContain('đã hủy');
    expect(await c.services.store.tx((tx) => tx.listFeedback())).toHaveLength(0);
  });
});

describe('menu and small talk', () => {
  it('welcomes a follower with the four menu buttons', async () => {
    const c = await Conversation.start();
    const t = await c.event({ kind: 'follow' });
    expect(t.buttons).toEqual(['Tra cứu thủ tục', 'Tra cứu hồ sơ', 'Nhận thông báo', 'Gặp cán bộ']);
  });

  it('explains that it reads text when sent an image', async () => {
    const c = await Conversation.start();
    const t = await c.event({ kind: 'user_send_media', eventName: 'user_send_image', media: 'image' } as never);
    expect(t.all).toContain('chỉ đọc được tin nhắn chữ');
    expect(t.buttons).toHaveLength(4);
  });

  it('answers help, thanks and out-of-scope', async () => {
    const c = await Conversation.start();
    expect((await c.say('giúp', nlu('giúp', 'help'))).all).toContain('tra cứu thủ tục');
    expect((await c.say('cảm ơn', nlu('cảm ơn', 'thanks'))).all).toContain('cảm ơn');
    const oos = await c.say('giá vàng hôm nay', nlu('giá vàng hôm nay', 'out_of_scope', { intentConfidence: 0.9 }));
    expect(oos.all).toContain('ngoài phạm vi');
    expect(oos.ctx.outcome.answered).toBe(true);
  });

  it('asks for a procedure name from the menu', async () => {
    const c = await Conversation.start();
    const t = await c.say('Tra cứu thủ tục', nlu('Tra cứu thủ tục', 'procedure_info'));
    expect(t.all).toContain('thủ tục nào');
  });
});

describe('follow-ups after a question back', () => {
  it('asks again among the offered options rather than the previous topic', async () => {
    const c = await Conversation.start();
    await c.say('kết hôn', nlu('kết hôn', 'procedure_info', { procedure: proc(KET_HON) }));
    await c.say('căn cước', nlu('căn cước', 'procedure_info', { ambiguous: true, candidates: CAN_CUOC.map((x) => cand(x)) }));
    const t = await c.say('hết bao nhiêu tiền', nlu('hết bao nhiêu tiền', 'ask_fee', { procedure: proc('1.000656') }));
    expect(t.all).toContain('thủ tục nào');
    expect(t.all).not.toContain(KET_HON);
    expect(t.ctx.state.pending).toMatchObject({ kind: 'disambiguation', intent: 'ask_fee' });
  });

  it('reads the detail a bare follow-up asks for', async () => {
    const c = await Conversation.start();
    await c.say('tạm trú', nlu('tạm trú', 'procedure_info', { procedure: proc(TAM_TRU) }));
    const t = await c.say('giấy tờ', nlu('giấy tờ', 'procedure_info', { procedure: proc('2.000815') }));
    expect(t.all).toContain('hồ sơ đăng ký tạm trú gồm');
  });
});

describe('feedback words', () => {
  it('files a complaint the classifier took for a status question', async () => {
    const c = await Conversation.start();
    const text = 'tôi muốn khiếu nại vì hồ sơ của tôi bị trả chậm ba lần rồi';
    const t = await c.say(text, nlu(text, 'dossier_status', { intentConfidence: 0.6 }));
    expect(t.all).toContain('PAKN-20260616-0001');
  });
});
