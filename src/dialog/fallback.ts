/**
 * Honest answers when the bot cannot help: a procedure the catalog does not hold,
 * or a message it does not understand. A real question (not bare digits) is logged
 * for the console's to-do list. Only messages the bot did not understand count
 * toward an automatic handoff, and the handoff happens only while an officer is on
 * duty; otherwise the bot keeps answering and offers a request for an officer or a
 * feedback ticket. A question an officer marked "not our procedure" gets their note.
 */
import type { UnansweredQuestion } from '../store/records.js';
import type { TurnContext } from './turn-context.js';
import { openHandoff } from './handoff-service.js';
import { unansweredTotal } from '../metrics.js';
import { foldText, menuButtons } from './menu.js';
import { isOfficerOnDuty } from './officer-duty.js';
import { CALLBACK_BUTTON_TITLE, FEEDBACK_BUTTON_TITLE, noOfficerButtons } from './handoff-return.js';
import { isRealQuestion } from './unanswered/question-key.js';
import { findReferral } from './unanswered/find-referral.js';

/** The honest "not in catalog" answer starts with this (the dialog evaluation reads it too). */
export const NOT_IN_CATALOG_LEAD =
  'Dạ, hiện em chưa có thông tin về thủ tục này trong danh mục thủ tục em được cung cấp, nên em không dám trả lời để tránh hướng dẫn sai.';
export const NOT_UNDERSTOOD_LEAD = 'Dạ, em chưa hiểu rõ câu hỏi của anh/chị.';

const SUGGEST =
  'Anh/chị có thể: nhắn lại tên thủ tục theo cách khác (hoặc mã số của thủ tục, dạng N.NNNNNN), chọn mục trong menu bên dưới, hoặc bấm “Gặp cán bộ” để được cán bộ hỗ trợ.';
const NUMBER_HINT = 'Nếu anh/chị đang tra cứu hồ sơ, vui lòng nhắn “tra cứu hồ sơ” kèm mã hồ sơ in trên phiếu hẹn.';
const LOGGED = 'Em đã ghi nhận câu hỏi để bổ sung thông tin.';

/** The log key: accent-insensitive, lower case, single spaces, bounded. */
export function normaliseQuestion(text: string): string {
  return foldText(text).slice(0, 300);
}

export async function replyUnanswered(ctx: TurnContext, reason: UnansweredQuestion['reason'], intent: string): Promise<void> {
  const text = ctx.text ?? '';
  ctx.outcome = { intent, answered: false };
  const referral = await findReferral(ctx.t, text);
  if (referral) {
    ctx.outcome = { intent: 'referral', answered: true };
    const lead = `Dạ, việc này không thuộc các thủ tục ${ctx.services.config.ORG_NAME} giải quyết.`;
    ctx.reply({ kind: 'text', text: `${lead}\n${referral.note}`, buttons: menuButtons() });
    return;
  }
  const lead = reason === 'not_in_catalog' ? NOT_IN_CATALOG_LEAD : NOT_UNDERSTOOD_LEAD;
  if (!isRealQuestion(text)) {
    // Bare digits (a verification answer after a lock-out, a typo): not a question, not a failure.
    ctx.reply({ kind: 'text', text: `${lead}\n${NUMBER_HINT}`, buttons: menuButtons() });
    return;
  }
  await ctx.t.recordUnanswered(normaliseQuestion(text), text.slice(0, 500), reason, ctx.now.toISOString());
  ctx.afterCommit(() => void unansweredTotal.inc({ reason }));
  // An honest "not in catalog" is an answer, not a misunderstanding: it neither counts nor resets.
  if (reason === 'not_understood') ctx.state.failures = (ctx.state.failures ?? 0) + 1;
  if (reason === 'not_understood' && ctx.state.failures >= ctx.services.config.HANDOFF_AFTER_FAILURES) {
    if (await isOfficerOnDuty(ctx.t, ctx.services.config, ctx.now)) {
      ctx.reply({ kind: 'text', text: `${lead} ${LOGGED}` });
      await openHandoff(ctx, 'repeated_failures');
      return;
    }
    ctx.state.failures = 0;
    ctx.reply({
      kind: 'text',
      text:
        `${lead} ${LOGGED}\n` +
        'Hiện không có cán bộ trực, em vẫn tiếp tục hỗ trợ anh/chị. ' +
        `Anh/chị có thể bấm “${CALLBACK_BUTTON_TITLE}” để cán bộ trả lời trong giờ làm việc, ` +
        `hoặc “${FEEDBACK_BUTTON_TITLE}” để gửi phản ánh, kiến nghị có số phiếu theo dõi.`,
      buttons: noOfficerButtons(),
    });
    return;
  }
  ctx.reply({ kind: 'text', text: `${lead}\n${SUGGEST}\n${LOGGED}`, buttons: menuButtons() });
}
