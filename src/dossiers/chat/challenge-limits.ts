/**
 * Rate limits on the verification challenge: CHALLENGE_MAX_FAILURES failed
 * answers per user and per code within CHALLENGE_WINDOW_MINUTES lock further
 * tries (even correct ones) for CHALLENGE_LOCK_MINUTES. Counted with the
 * store's attempt log, so limits hold across restarts and instances.
 */
import type { Config } from '../../config/load-config.js';
import type { Tx } from '../../store/port.js';

const userKey = (userId: string) => `challenge:user:${userId}`;
const codeKey = (code: string) => `challenge:code:${code}`;
const lockKeys = (userId: string, code: string) => [`challenge:lock:user:${userId}`, `challenge:lock:code:${code}`];

type Limits = Pick<Config, 'CHALLENGE_MAX_FAILURES' | 'CHALLENGE_WINDOW_MINUTES' | 'CHALLENGE_LOCK_MINUTES'>;

/** When the lock on this user or this code ends, or null when tries are allowed. */
export async function challengeLockedUntil(t: Tx, cfg: Limits, userId: string, code: string, now: Date): Promise<Date | null> {
  const lockMs = cfg.CHALLENGE_LOCK_MINUTES * 60_000;
  let until: number | null = null;
  for (const key of lockKeys(userId, code)) {
    const last = await latestAttempt(t, key, now.getTime() - lockMs, now.getTime());
    if (last !== null) until = Math.max(until ?? 0, last + lockMs);
  }
  if (until !== null) return new Date(until);
  // Failures recorded before a lock marker existed still count.
  const since = new Date(now.getTime() - cfg.CHALLENGE_WINDOW_MINUTES * 60_000).toISOString();
  const failures = Math.max(await t.countAttempts(userKey(userId), since), await t.countAttempts(codeKey(code), since));
  return failures >= cfg.CHALLENGE_MAX_FAILURES ? new Date(now.getTime() + lockMs) : null;
}

/** Record a failed answer; sets the lock markers when a limit is reached. */
export async function recordChallengeFailure(t: Tx, cfg: Limits, userId: string, code: string, now: Date): Promise<boolean> {
  const at = now.toISOString();
  const since = new Date(now.getTime() - cfg.CHALLENGE_WINDOW_MINUTES * 60_000).toISOString();
  await t.recordAttempt(userKey(userId), at);
  await t.recordAttempt(codeKey(code), at);
  const userFailures = await t.countAttempts(userKey(userId), since);
  const codeFailures = await t.countAttempts(codeKey(code), since);
  const [userLock, codeLock] = lockKeys(userId, code);
  if (userFailures >= cfg.CHALLENGE_MAX_FAILURES) await t.recordAttempt(userLock, at);
  if (codeFailures >= cfg.CHALLENGE_MAX_FAILURES) await t.recordAttempt(codeLock, at);
  return userFailures >= cfg.CHALLENGE_MAX_FAILURES || codeFailures >= cfg.CHALLENGE_MAX_FAILURES;
}

/** The latest attempt time in [from, to] to the second, by bisection over countAttempts (the port has no "latest"). */
async function latestAttempt(t: Tx, key: string, from: number, to: number): Promise<number | null> {
  if ((await t.countAttempts(key, new Date(from).toISOString())) === 0) return null;
  let lo = from; // an attempt exists at or after lo
  let hi = to + 1; // none at or after hi
  while (hi - lo > 1000) {
    const mid = Math.floor((lo + hi) / 2);
    if ((await t.countAttempts(key, new Date(mid).toISOString())) > 0) lo = mid;
    else hi = mid;
  }
  return lo;
}
