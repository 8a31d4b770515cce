/** Subscribe (after verification) and unsubscribe, by message or button. */
import type { TurnContext } from '../../dialog/turn-context.js';
import { SUBSCRIBE_BUTTON_TITLE, SUBSCRIBE_MENU_PAYLOAD, unsubscribePayload, UNSUBSCRIBE_BUTTON_TITLE } from '../chat-payloads.js';

export async function subscribeVerified(ctx: TurnContext, code: string): Promise<void> {
  const added = await ctx.t.addSubscription({ code, userId: ctx.userId, createdAt: ctx.now.toISOString() });
  ctx.reply({
    kind: 'text',
    text: added
      ? `Dạ, em đã đăng ký nhận thông báo cho hồ sơ ${code}. Khi hồ sơ có kết quả hoặc cần anh/chị bổ sung, nộp phí, em sẽ nhắn ngay cho anh/chị ạ.`
      : `Dạ, anh/chị đã đăng ký nhận thông báo cho hồ sơ ${code} rồi ạ.`,
    buttons: [{ type: 'oa.query.show', title: UNSUBSCRIBE_BUTTON_TITLE, payload: unsubscribePayload(code) }],
  });
}

export async function unsubscribe(ctx: TurnContext, code: string | null): Promise<void> {
  const subs = await ctx.t.listUserSubscriptions(ctx.userId);
  if (code) {
    const removed = await ctx.t.removeSubscription(code, ctx.userId);
    ctx.reply({
      kind: 'text',
      text: removed
        ? `Dạ, em đã hủy nhận thông báo cho hồ sơ ${code}. Anh/chị có thể đăng ký lại bất cứ lúc nào ạ.`
        : `Dạ, anh/chị chưa đăng ký nhận thông báo cho hồ sơ ${code} ạ.`,
    });
    return;
  }
  if (subs.length === 0) {
    ctx.reply({ kind: 'text', text: 'Dạ, anh/chị hiện chưa đăng ký nhận thông báo cho hồ sơ nào ạ.' });
    return;
  }
  if (subs.length === 1) return unsubscribe(ctx, subs[0].code);
  ctx.reply({
    kind: 'text',
    text: 'Dạ, anh/chị đang nhận thông báo cho các hồ sơ dưới đây. Anh/chị muốn hủy hồ sơ nào ạ?',
    buttons: subs.slice(0, 5).map((s) => ({ type: 'oa.query.show' as const, title: s.code.slice(-20), payload: unsubscribePayload(s.code) })),
  });
}

/**
 * The offer after a verified answer. Its payload is the menu's "Nhận thông báo",
 * which the router always sends to handleDossierIntent('subscribe'); that
 * subscribes the dossier just shown (the last verified code of the conversation).
 */
export function subscribeOfferButton() {
  return { type: 'oa.query.show' as const, title: SUBSCRIBE_BUTTON_TITLE, payload: SUBSCRIBE_MENU_PAYLOAD };
}
