// STUB (owned by the conversation work): replaced by the real dialog router.
import type { TurnContext } from './turn-context.js';

/** Handle one inbound event for one user; replies go to ctx.reply(). */
export async function handleTurn(ctx: TurnContext): Promise<void> {
  const e = ctx.event;
  if (e.kind === 'follow' || (e.kind === 'user_send_text' && ctx.nlu?.intent === 'greeting')) {
    ctx.reply({
      kind: 'text',
      text: 'Dạ, xin chào anh/chị! Em là trợ lý tự động của Bộ phận Một cửa.',
      buttons: [
        { type: 'oa.query.show', title: 'Tra cứu thủ tục', payload: 'Tra cứu thủ tục' },
        { type: 'oa.query.show', title: 'Tra cứu hồ sơ', payload: 'Tra cứu hồ sơ' },
        { type: 'oa.query.show', title: 'Nhận thông báo', payload: 'Nhận thông báo' },
        { type: 'oa.query.show', title: 'Gặp cán bộ', payload: 'Gặp cán bộ' },
      ],
    });
    ctx.outcome = { intent: 'greeting', answered: true };
    return;
  }
  if (e.kind === 'user_send_text') {
    ctx.reply({ kind: 'text', text: 'Dạ, em đã nhận được tin nhắn của anh/chị. Chức năng trả lời đang được hoàn thiện.' });
  }
}
