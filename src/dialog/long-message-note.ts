/**
 * A very long message is read only in part (src/nlu/message-limits.ts): the citizen is told so,
 * before the answer to the part that was read, and may ask one thing at a time.
 */
import type { TurnContext } from './turn-context.js';

export const LONG_MESSAGE_NOTE = 'Dạ, tin nhắn khá dài nên em chỉ đọc phần đầu ạ; anh/chị có thể hỏi ngắn gọn từng ý.';

/**
 * Put the note before the turn's replies when the understander read only a prefix. Not for a
 * feedback ticket, which keeps the whole message, nor for a turn that sends nothing (open handoff).
 */
export function noteLongMessage(ctx: TurnContext): void {
  if (!ctx.nlu?.truncated || ctx.replies.length === 0 || ctx.outcome.intent === 'feedback') return;
  ctx.replies.unshift({ kind: 'text', text: LONG_MESSAGE_NOTE });
}
