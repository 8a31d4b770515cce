/**
 * Phản ánh, kiến nghị, khiếu nại: take the content (from the first message when it
 * has substance, else ask for it), store a ticket PAKN-yyyymmdd-NNNN, confirm with it.
 */
import type { FeedbackTicket } from '../store/records.js';
import type { TurnContext } from './turn-context.js';
import { localIsoDate } from './format/format-date.js';
import { foldText } from './menu.js';

/** Trigger and filler words: what is left after removing them is the content. */
const TRIGGERS = new Set(
  (
    'toi muon can xin duoc gui phan anh kien nghi khieu nai gop y to cao y kien ve viec cho em anh chi minh ' +
    'a nhe nha voi la the nao lam sao co the mot cai nay do ban oi ad admin'
  ).split(' '),
);
const MIN_CONTENT_WORDS = 4;
const MAX_CONTENT = 4000;

/** True when the message says more than "tôi muốn phản ánh". */
export function hasFeedbackContent(text: string): boolean {
  const words = foldText(text).split(' ').filter((w) => w && !TRIGGERS.has(w));
  return words.length >= MIN_CONTENT_WORDS;
}

export async function createFeedbackTicket(ctx: TurnContext, content: string): Promise<FeedbackTicket> {
  const existing = await ctx.t.getFeedbackBySource(ctx.eventKey);
  if (existing) return existing;
  const day = localIsoDate(ctx.now).replace(/-/g, '');
  const n = await ctx.t.nextCounter(`pakn:${day}`);
  const ticket: FeedbackTicket = {
    number: `PAKN-${day}-${String(n).padStart(4, '0')}`,
    userId: ctx.userId,
    content: content.trim().slice(0, MAX_CONTENT),
    createdAt: ctx.now.toISOString(),
    sourceKey: ctx.eventKey,
    status: 'open',
  };
  await ctx.t.addFeedback(ticket);
  return ticket;
}

/** feedback intent: ticket now, or ask for the content (pending). */
export async function handleFeedbackIntent(ctx: TurnContext, text: string): Promise<void> {
  if (hasFeedbackContent(text)) return confirmFeedback(ctx, text);
  ctx.state.pending = { kind: 'feedback_content' };
  ctx.reply({
    kind: 'text',
    text:
      'Dạ, anh/chị vui lòng nhắn nội dung phản ánh, kiến nghị trong một tin nhắn (việc gì, ở đâu, khi nào, mã hồ sơ nếu có). ' +
      'Em sẽ ghi nhận và gửi số phiếu để anh/chị theo dõi. Nếu không muốn gửi nữa, anh/chị nhắn “hủy”.',
  });
  ctx.outcome = { intent: 'feedback', answered: true };
}

/** The content has arrived (first message or the answer to the pending question). */
export async function confirmFeedback(ctx: TurnContext, content: string): Promise<void> {
  const ticket = await createFeedbackTicket(ctx, content);
  ctx.state.pending = undefined;
  ctx.reply({
    kind: 'text',
    text:
      `Dạ, em đã ghi nhận phản ánh, kiến nghị của anh/chị với số phiếu ${ticket.number}. ` +
      `Cán bộ ${ctx.services.config.ORG_NAME} sẽ xem xét và phản hồi. Anh/chị vui lòng giữ số phiếu này để tiện theo dõi ạ.`,
  });
  ctx.outcome = { intent: 'feedback', answered: true };
}

/** "hủy", "thôi", "không" while the content is awaited. */
export function isCancel(text: string): boolean {
  return /^(huy|thoi|khong|khong can|thoi khong can|huy bo|dung)( a| nhe| nha)?$/.test(foldText(text));
}

/** The words that make a message feedback, whatever the classifier said (phản ánh, kiến nghị, khiếu nại, góp ý). */
export function looksLikeFeedback(text: string): boolean {
  return /(^| )(phan anh|kien nghi|khieu nai|gop y|to cao)( |$)/.test(foldText(text));
}
