/**
 * Honest answers when the bot cannot help: a procedure the catalog does not hold,
 * or a message it does not understand. Each is logged for the catalog owner,
 * counts as a failure, and repeated failures open a handoff.
 */
import type { UnansweredQuestion } from '../store/records.js';
import type { TurnContext } from './turn-context.js';
import { openHandoff } from './handoff-service.js';
import { unansweredTotal } from '../metrics.js';
import { foldText, menuButtons } from './menu.js';

/** The honest "not in catalog" answer starts with this (the dialog evaluation reads it too). */
export const NOT_IN_CATALOG_LEAD =
  'Dạ, hiện em chưa có thông tin về thủ tục này trong danh mục thủ tục em được cung cấp, nên em không dám trả lời để tránh hướng dẫn sai.';
export const NOT_UNDERSTOOD_LEAD = 'Dạ, em chưa hiểu rõ câu hỏi của anh/chị.';

const SUGGEST =
  'Anh/chị có thể: nhắn lại tên thủ tục theo cách khác (hoặc mã số của thủ tục, dạng N.NNNNNN), chọn mục trong menu bên dưới, hoặc bấm “Gặp cán bộ” để được cán bộ hỗ trợ.';

/** The log key: accent-insensitive, lower case, single spaces, bounded. */
export function normaliseQuestion(text: string): string {
  return foldText(text).slice(0, 300);
}

export async function replyUnanswered(ctx: TurnContext, reason: UnansweredQuestion['reason'], intent: string): Promise<void> {
  const text = ctx.text ?? '';
  if (text.trim()) await ctx.t.recordUnanswered(normaliseQuestion(text), text.slice(0, 500), reason, ctx.now.toISOString());
  ctx.afterCommit(() => void unansweredTotal.inc({ reason }));
  ctx.state.failures = (ctx.state.failures ?? 0) + 1;
  ctx.outcome = { intent, answered: false };
  const lead = reason === 'not_in_catalog' ? NOT_IN_CATALOG_LEAD : NOT_UNDERSTOOD_LEAD;
  if (ctx.state.failures >= ctx.services.config.HANDOFF_AFTER_FAILURES) {
    ctx.reply({ kind: 'text', text: `${lead} Em đã ghi nhận câu hỏi để bổ sung thông tin.` });
    await openHandoff(ctx, 'repeated_failures');
    return;
  }
  ctx.reply({ kind: 'text', text: `${lead}\n${SUGGEST}\nEm đã ghi nhận câu hỏi để bổ sung thông tin.`, buttons: menuButtons() });
}
