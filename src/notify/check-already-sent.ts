/**
 * Crash recovery for the outbox: before re-sending a part that an earlier,
 * interrupted attempt may already have delivered, ask the OA for the recent
 * conversation and look for it. The OA client exposes
 * `getRecentMessages(userId, count)` (over /v2.0/oa/conversation); any other
 * sender, or a failed check, answers "unknown" and the part is sent again
 * (at-least-once; see docs/architecture.md "Delivery guarantees").
 */
import type { OutMessage } from '../platform/zalo/messages.js';
import type { OaSender } from '../services.js';
import type { RecentOaMessage } from '../platform/zalo/parse-oa-answers.js';

type WithRecent = { getRecentMessages(userId: string, count: number): Promise<RecentOaMessage[]> };

const hasRecent = (oa: OaSender): oa is OaSender & WithRecent =>
  typeof (oa as Partial<WithRecent>).getRecentMessages === 'function';

export type AlreadySent = { sent: true; messageId?: string } | { sent: false } | { sent: 'unknown'; reason: string };

/**
 * Was `part` accepted by the OA after `since`? Only text parts can be recognised;
 * the worker splits texts so that each part is exactly one OA message.
 */
export async function checkAlreadySent(oa: OaSender, userId: string, part: OutMessage, since: Date): Promise<AlreadySent> {
  if (!hasRecent(oa)) return { sent: 'unknown', reason: 'client cannot list recent messages' };
  if (part.kind !== 'text') return { sent: 'unknown', reason: `cannot recognise a ${part.kind} part` };
  try {
    const recent = await oa.getRecentMessages(userId, 10);
    const sinceMs = since.getTime() - 5_000; // clock skew between us and the OA
    const hit = recent.find(
      (m) => m.from === 'oa' && typeof m.text === 'string' && m.text.length > 0 && m.text.trim() === part.text.trim() && !(m.time < sinceMs),
    );
    return hit ? { sent: true, messageId: hit.messageId } : { sent: false };
  } catch (err) {
    return { sent: 'unknown', reason: (err as Error)?.message ?? 'check failed' };
  }
}
