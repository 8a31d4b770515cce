/**
 * Full-jitter exponential backoff (AWS architecture blog "Exponential Backoff
 * And Jitter"): a uniformly random delay in [0, min(cap, base * 2^(attempt-1))],
 * so many items failing together do not retry together.
 */
export const MAX_BACKOFF_MS = 10 * 60_000;

export interface BackoffOptions {
  baseMs: number;
  capMs?: number;
  /** Seconds the OA asked us to wait (Retry-After / rate-limit headers); a floor. */
  retryAfterSeconds?: number;
  /** Injected for tests; default Math.random. */
  random?: () => number;
}

/** Delay before retry number `attempt` (1 = first retry). */
export function computeBackoff(attempt: number, opts: BackoffOptions): number {
  const cap = opts.capMs ?? MAX_BACKOFF_MS;
  const exp = Math.min(cap, opts.baseMs * 2 ** Math.max(0, Math.min(attempt - 1, 30)));
  const jittered = Math.floor((opts.random ?? Math.random)() * exp);
  const floor = opts.retryAfterSeconds ? Math.min(cap, opts.retryAfterSeconds * 1000) : 0;
  return Math.max(jittered, floor);
}
