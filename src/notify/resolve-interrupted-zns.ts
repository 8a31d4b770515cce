/**
 * Crash recovery for a ZNS, the counterpart of check-already-sent.ts for OA
 * messages. Zalo offers no lookup of a ZNS by tracking_id (docs/zns.md §4), so
 * the evidence is the delivery receipt, which names our tracking_id (= the item's
 * id) and which Zalo redelivers while our webhook is down. A send that was
 * started (`znsSendStartedAt`) but has no recorded outcome is:
 * - sent, when its receipt has arrived;
 * - left to wait for the receipt until `znsSendStartedAt + wait`;
 * - sent again after that (one message, never zero: a double is possible only when
 *   the first call did reach Zalo and no receipt came within the wait).
 * Pure; the outbox worker applies the answer.
 */
import type { OutboxItem } from '../store/records.js';

export type InterruptedZns = { sent: true } | { sent: false; resend: boolean } | { waitUntil: string };

export function resolveInterruptedZns(item: OutboxItem, now: Date, waitMs: number): InterruptedZns {
  if (item.deliveredAt) return { sent: true };
  if (!item.znsSendStartedAt) return { sent: false, resend: false };
  const until = Date.parse(item.znsSendStartedAt) + waitMs;
  if (now.getTime() < until) return { waitUntil: new Date(until).toISOString() };
  return { sent: false, resend: true };
}

/** The console's reason while an interrupted ZNS waits for its receipt (Vietnam time). */
export function awaitingReceiptReason(untilIso: string): string {
  const hhmm = new Date(Date.parse(untilIso) + 7 * 3600_000).toISOString().slice(11, 16);
  return `ZNS: chưa rõ Zalo đã nhận tin trước khi bị gián đoạn; chờ báo đã nhận đến ${hhmm}, sau đó mới gửi lại`;
}
