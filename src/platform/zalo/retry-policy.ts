/**
 * When and how long to wait before trying an OA call again inside one client call.
 * Exponential backoff with full jitter; Retry-After wins when given. The outbox
 * adds its own, slower retries on top, so a few quick tries are enough here.
 */
import { OaApiError, OaHttpError, OaNetworkError, type OaError } from './oa-errors.js';

export interface RetryPolicy {
  /** Tries per call, including the first (default 3). */
  maxTries: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** A Retry-After longer than this is not waited out inside the call: the error goes up. */
  maxWaitMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxTries: 3, baseDelayMs: 300, maxDelayMs: 8000, maxWaitMs: 30_000 };

/** Full jitter: uniform in [0, min(max, base * 2^(attempt-1))]. `attempt` starts at 1. */
export function backoffDelay(attempt: number, policy: RetryPolicy, random: () => number): number {
  const cap = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.floor(random() * cap);
}

/**
 * Retry-After as seconds: delta-seconds or an HTTP date. Falls back to the rate-limit
 * headers: X-RateLimit-Remain 0 without a reset time → wait the longest backoff.
 */
export function retryAfterFromHeaders(
  headers: Record<string, unknown>,
  policy: RetryPolicy,
  now: number = Date.now(),
): number | undefined {
  const ra = headers['retry-after'];
  if (typeof ra === 'string' && ra.trim() !== '') {
    const secs = Number(ra);
    if (Number.isFinite(secs) && secs >= 0) return secs;
    const at = Date.parse(ra);
    if (!Number.isNaN(at)) return Math.max(0, Math.ceil((at - now) / 1000));
  }
  const remain = headers['x-ratelimit-remain'] ?? headers['x-ratelimit-remaining'];
  if (remain !== undefined && String(remain).trim() === '0') return Math.ceil(policy.maxDelayMs / 1000);
  return undefined;
}

export type RetryDecision = { retry: false } | { retry: true; delayMs: number };

/**
 * `attempt` is the number of the try that just failed (1-based). `isSend`: the call
 * delivers a message, so an ambiguous network failure is not retried here (it may
 * have been accepted; the outbox checks the conversation before sending again).
 */
export function decideRetry(err: OaError, attempt: number, isSend: boolean, policy: RetryPolicy, random: () => number): RetryDecision {
  if (attempt >= policy.maxTries || !err.retryable) return { retry: false };
  if (err instanceof OaNetworkError && isSend && err.ambiguous) return { retry: false };
  const hinted = err instanceof OaApiError || err instanceof OaHttpError ? err.retryAfterSeconds : undefined;
  const jitter = backoffDelay(attempt, policy, random);
  if (hinted === undefined) return { retry: true, delayMs: jitter };
  const wait = hinted * 1000;
  if (wait > policy.maxWaitMs) return { retry: false };
  return { retry: true, delayMs: Math.max(wait, jitter) };
}
