/**
 * What to do after a ZNS send failed: retry soon, park until the quota (or the
 * morning) comes back, or fail with the reason. Pure; the outbox worker applies it.
 * Parking is bounded: an item older than ZNS_PARK_MAX_DAYS fails instead, and a
 * one-time code is never parked (it would arrive after it expired).
 */
import { OaApiError, OaError } from '../platform/zalo/oa-errors.js';
import { znsErrorInfo } from '../platform/zalo/zns-error-codes.js';
import type { OutboxItem } from '../store/records.js';

export type ZnsFailureDecision =
  | { action: 'retry'; retryAfterSeconds?: number }
  | { action: 'park'; until: string; reason: string }
  | { action: 'fail'; reason: string };

const VN_OFFSET_MS = 7 * 3600_000;
const DAY_MS = 24 * 3600_000;

/** The next time the Vietnam wall clock shows hh:mm (a few minutes past a quota reset). */
export function nextVnTime(now: Date, hour: number, minute: number): Date {
  const local = now.getTime() + VN_OFFSET_MS;
  const dayStart = Math.floor(local / DAY_MS) * DAY_MS;
  let at = dayStart + (hour * 60 + minute) * 60_000;
  if (at <= local) at += DAY_MS;
  return new Date(at - VN_OFFSET_MS);
}

export function classifyZnsFailure(err: unknown, item: OutboxItem, now: Date, maxParkDays: number): ZnsFailureDecision {
  if (!(err instanceof OaApiError)) {
    if (err instanceof OaError && !err.retryable) return { action: 'fail', reason: `ZNS: ${err.message}` };
    return { action: 'retry', retryAfterSeconds: (err as { retryAfterSeconds?: number }).retryAfterSeconds };
  }
  const info = znsErrorInfo(err.oaError);
  const label = `ZNS ${err.oaError}: ${info.reason}`;
  if (info.cls === 'transient') return { action: 'retry', retryAfterSeconds: err.retryAfterSeconds };
  if (info.cls === 'rejected') return { action: 'fail', reason: `${label}; không gửi lại` };
  const isOtp = item.parts[0]?.kind === 'zns' && item.parts[0].templateKey === 'otp';
  if (isOtp) return { action: 'fail', reason: `${label}; mã xác minh không gửi lại (sẽ hết hạn)` };
  if (now.getTime() - Date.parse(item.createdAt) >= maxParkDays * DAY_MS) {
    return { action: 'fail', reason: `${label}; đã chờ quá ${maxParkDays} ngày, không gửi nữa` };
  }
  const until = info.cls === 'night' ? nextVnTime(now, 6, 5) : nextVnTime(now, 0, 5);
  const hhmm = new Date(until.getTime() + VN_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
  return { action: 'park', until: until.toISOString(), reason: `${label}; tạm dừng, gửi lại lúc ${hhmm} (giờ Việt Nam)` };
}
