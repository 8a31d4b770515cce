/**
 * How the console shows notifications: which channel each took, its delivery
 * status and the reason of a failure. Officers never see the full phone of a
 * ZNS nor a one-time code: `redactOutboxItem` masks them in raw outbox rows too.
 */
import type { OutMessage } from '../platform/zalo/messages.js';
import type { OutboxItem } from '../store/records.js';
import { maskPhone, normalisePhone } from '../dossiers/mask-applicant.js';

export type DeliveryState = 'queued' | 'retrying' | 'parked' | 'confirming' | 'waiting' | 'accepted' | 'delivered' | 'failed';

function deliveryOf(item: OutboxItem, isZns: boolean, now: Date): DeliveryState {
  if (item.status === 'sent') return isZns && item.deliveredAt ? 'delivered' : 'accepted';
  if (item.status === 'failed') return 'failed';
  if (item.status === 'waiting') return 'waiting';
  // A ZNS call that may have reached Zalo: its receipt is awaited before any resend.
  if (isZns && item.znsSendStartedAt && item.status === 'pending') return 'confirming';
  if (!item.lastError) return 'queued';
  // Parked (quota, night) is pending without a counted attempt, far ahead.
  return item.attempts === 0 && Date.parse(item.nextAttemptAt) - now.getTime() > 10 * 60_000 ? 'parked' : 'retrying';
}

export function notificationView(item: OutboxItem, now: Date) {
  const zns = item.parts[0]?.kind === 'zns' ? item.parts[0] : undefined;
  return {
    id: item.id,
    kind: zns?.templateKey === 'otp' ? ('otp' as const) : item.kind,
    /** zns, cs (OA consultation), transaction (OA transaction fallback); 'oa' while an OA item is not sent yet. */
    channel: zns ? 'zns' : (item.via ?? 'oa'),
    template: zns ? { key: zns.templateKey, templateId: zns.templateId } : undefined,
    recipient: zns ? maskPhone(normalisePhone(zns.phone)) : item.userId,
    status: item.status,
    delivery: deliveryOf(item, !!zns, now),
    reason: item.lastError,
    attempts: item.attempts,
    createdAt: item.createdAt,
    sentAt: item.sentAt,
    deliveredAt: item.deliveredAt,
    nextAttemptAt: item.status === 'pending' ? item.nextAttemptAt : undefined,
  };
}

const redactPart = (p: OutMessage): OutMessage =>
  p.kind === 'zns'
    ? { ...p, phone: maskPhone(normalisePhone(p.phone)), data: p.templateKey === 'otp' ? Object.fromEntries(Object.keys(p.data).map((k) => [k, '••••••'])) : p.data }
    : p;

export function redactOutboxItem(item: OutboxItem): OutboxItem {
  return { ...item, parts: item.parts.map(redactPart), ...(item.fallback ? { fallback: item.fallback.map(redactPart) } : {}) };
}
