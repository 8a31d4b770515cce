/**
 * The officer's side of a feedback ticket (phản ánh, kiến nghị): answer it (the
 * answer goes to the citizen through the outbox, in the same transaction that
 * records it on the ticket) and move it through open → in progress → answered → closed.
 *
 * Usage: await replyToFeedback(services, 'PAKN-20261202-0001', 'Dạ, ...');
 */
import type { Services } from '../services.js';
import type { FeedbackStatus, FeedbackTicket } from '../store/records.js';
import type { TextMessage, TransactionMessage } from '../platform/zalo/messages.js';
import { MAX_TEXT_LENGTH } from '../platform/zalo/messages.js';
import { enqueueOfficerMessage } from './enqueue-officer-message.js';
import { FEEDBACK_STATUS_LABELS } from './feedback-status.js';

export class FeedbackNotFoundError extends Error {}

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** The consultation message, and the transaction message used when the 7-day window has closed. */
export function feedbackReplyMessages(orgName: string, ticket: FeedbackTicket, text: string): { text: TextMessage; fallback: TransactionMessage } {
  const head = `Dạ, ${orgName} trả lời phản ánh, kiến nghị số ${ticket.number} của anh/chị:`;
  return {
    text: { kind: 'text', text: clip(`${head}\n${text}`, MAX_TEXT_LENGTH) },
    fallback: {
      kind: 'transaction',
      templateType: 'transaction_order',
      header: clip(`Trả lời phản ánh số ${ticket.number}`, 100),
      text: clip(text, 1000),
      table: [
        { key: 'Số phiếu', value: ticket.number },
        { key: 'Tình trạng', value: FEEDBACK_STATUS_LABELS.answered },
      ],
    },
  };
}

/** Send `text` to the ticket's citizen as the OA, keep it on the ticket, mark the ticket answered. */
export async function replyToFeedback(services: Services, number: string, text: string): Promise<FeedbackTicket> {
  const now = services.clock();
  const nowIso = now.toISOString();
  const userId = await services.store.tx(async (t) => (await t.getFeedback(number))?.userId);
  if (userId === undefined) throw new FeedbackNotFoundError(number);
  const ticket = await services.store.tx(
    async (t) => {
      const current = await t.getFeedback(number);
      if (!current) throw new FeedbackNotFoundError(number);
      const built = feedbackReplyMessages(services.config.ORG_NAME, current, text);
      const item = await enqueueOfficerMessage(t, current.userId, [built.text], now, [built.fallback]);
      const next: FeedbackTicket = {
        ...current,
        status: 'answered',
        replies: [...(current.replies ?? []), { at: nowIso, text, outboxId: item.id }],
        updatedAt: nowIso,
      };
      await t.putFeedback(next);
      return next;
    },
    // The citizen's lock: the reply takes its place in their message order.
    { lock: `user:${userId}` },
  );
  services.kickOutbox();
  return ticket;
}

export async function setFeedbackStatus(services: Services, number: string, status: FeedbackStatus): Promise<FeedbackTicket> {
  const nowIso = services.clock().toISOString();
  return services.store.tx(async (t) => {
    const current = await t.getFeedback(number);
    if (!current) throw new FeedbackNotFoundError(number);
    if (current.status === status) return current;
    const next: FeedbackTicket = { ...current, status, updatedAt: nowIso };
    await t.putFeedback(next);
    return next;
  });
}

export interface FeedbackView extends FeedbackTicket {
  /** Each reply with how its outbox item stands (pending, sent, waiting, failed). */
  replies: (NonNullable<FeedbackTicket['replies']>[number] & { delivery?: string })[];
}

/** The console's list: newest first, each reply with its delivery status. */
export async function feedbackList(services: Services, limit: number, status?: FeedbackStatus): Promise<FeedbackView[]> {
  return services.store.tx(async (t) => {
    const tickets = await t.listFeedback(limit, status);
    return Promise.all(
      tickets.map(async (ticket) => ({
        ...ticket,
        replies: await Promise.all((ticket.replies ?? []).map(async (r) => ({ ...r, delivery: (await t.getOutbox(r.outboxId))?.status }))),
      })),
    );
  });
}
