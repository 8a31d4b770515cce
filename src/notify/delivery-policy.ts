/**
 * Which channel an outbox item goes through, and what to do when the OA refuses.
 * Pure functions: the outbox worker applies the decisions.
 */
import { OaApiError, OaError } from '../platform/zalo/oa-errors.js';
import type { OutboxItem, UserProfile } from '../store/records.js';
import { classifyZnsFailure } from './zns-failure-policy.js';

export const CONSULTATION_WINDOW_MS = 7 * 24 * 3600_000;

/**
 * Transaction refusals a retry cannot fix and that only the citizen can lift
 * (follow again, unblock, interact): -213 not a follower, -217 blocked, -221 OA
 * not verified, -223 API not authorised, -224 tier package, -227 inactive/banned,
 * -244 message type restricted. The item waits for the citizen's next message.
 */
export const TRANSACTION_WAIT_CODES = new Set([-213, -217, -221, -223, -224, -227, -244]);

export type Channel = 'cs' | 'transaction' | 'zns';

export type ChannelDecision = { channel: Channel } | { wait: true };

/** Inside the 7-day consultation window, judged from our own record of the last interaction. */
export function insideWindow(profile: UserProfile | undefined, now: Date): boolean {
  const at = profile?.lastInteractionAt ? Date.parse(profile.lastInteractionAt) : NaN;
  return Number.isFinite(at) && now.getTime() - at < CONSULTATION_WINDOW_MS;
}

/** First choice for an item: replies always consult; notifications consult only inside the window. */
export function chooseChannel(item: OutboxItem, profile: UserProfile | undefined, now: Date): ChannelDecision {
  if (item.parts[0]?.kind === 'zns') return { channel: 'zns' }; // addressed to a phone, not a user
  if (item.via) return { channel: item.via }; // keep the channel of a partly sent item
  if (item.kind === 'reply' || insideWindow(profile, now)) return { channel: 'cs' };
  return item.fallback?.length ? { channel: 'transaction' } : { wait: true };
}

export type FailureDecision =
  | { action: 'fallback' }
  | { action: 'wait' }
  | { action: 'retry'; retryAfterSeconds?: number }
  | { action: 'park'; until: string; reason: string }
  | { action: 'fail'; reason?: string };

/** What to do after a send through `channel` threw `err`. `zns` needs the time and ZNS_PARK_MAX_DAYS. */
export function classifyFailure(err: unknown, channel: Channel, item: OutboxItem, zns?: { now: Date; maxParkDays: number }): FailureDecision {
  if (channel === 'zns') return classifyZnsFailure(err, item, zns?.now ?? new Date(), zns?.maxParkDays ?? 3);
  if (err instanceof OaApiError) {
    if (channel === 'cs' && err.isOutsideWindow) return item.fallback?.length ? { action: 'fallback' } : { action: 'wait' };
    if (channel === 'transaction' && TRANSACTION_WAIT_CODES.has(err.oaError)) return { action: 'wait' };
  }
  if (err instanceof OaError) {
    if (!err.retryable) return { action: 'fail' };
    const retryAfterSeconds = (err as { retryAfterSeconds?: number }).retryAfterSeconds;
    return { action: 'retry', retryAfterSeconds };
  }
  // Not an OA answer (a bug or the store): retrying is the safe default, bounded by max attempts.
  return { action: 'retry' };
}
