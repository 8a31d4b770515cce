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

/** The fields we read from one recent message; tolerant of the client's exact shape. */
interface RecentMessageLike {
  text?: string;
  message?: string;
  messageId?: string;
  message_id?: string;
  /** ISO string or epoch ms. */
  at?: string | number;
  time?: string | number;
  /** True / src 0 when the OA sent it. */
  fromOa?: boolean;
  src?: number;
}

type WithRecent = { getRecentMessages(userId: string, count: number): Promise<RecentMessageLike[]> };

const hasRecent = (oa: OaSender): oa is OaSender & WithRecent =>
  typeof (oa as Partial<WithRecent>).getRecentMessages === 'function';

const toMs = (v: string | number | undefined) => (typeof v === 'number' ? v : v ? (/^\d+$/.test(v) ? Number(v) : Date.parse(v)) : NaN);

export type AlreadySent = { sent: true; messageId?: string } | { sent: false } | { sent: 'unknown'; reason: string };

/**
 * Was `part` accepted by the OA after `since`? Only text parts can be recognised
 * (a split text matches on its first chunk).
 */
export async function checkAlreadySent(oa: OaSender, userId: string, part: OutMessage, since: Date): Promise<AlreadySent> {
  if (!hasRecent(oa)) return { sent: 'unknown', reason: 'client cannot list recent messages' };
  if (part.kind !== 'text') return { sent: 'unknown', reason: `cannot recognise a ${part.kind} part` };
  try {
    const recent = await oa.getRecentMessages(userId, 10);
    const sinceMs = since.getTime() - 5_000; // clock skew between us and the OA
    const hit = recent.find((m) => {
      const text = m.text ?? m.message;
      const fromOa = m.fromOa ?? (m.src === undefined ? true : m.src === 0);
      const at = toMs(m.at ?? m.time);
      return fromOa && typeof text === 'string' && text.length > 0 && part.text.startsWith(text) && !(at < sinceMs);
    });
    return hit ? { sent: true, messageId: hit.messageId ?? hit.message_id } : { sent: false };
  } catch (err) {
    return { sent: 'unknown', reason: (err as Error)?.message ?? 'check failed' };
  }
}
