/**
 * Rate limits on proving a dossier in chat. CHALLENGE_MAX_FAILURES failed answers
 * within CHALLENGE_WINDOW_MINUTES lock, for CHALLENGE_LOCK_MINUTES:
 *   - the Zalo account that failed (4-digit answers and one-time codes alike);
 *   - the dossier code, for the 4-digit challenge only (a guessable secret).
 * The code lock never blocks a proof a stranger cannot have: the one-time code sent
 * to the applicant's phone, or the phone shared through request_user_info.
 * Counted with the store's attempt log, so limits hold across restarts and instances.
 */
import type { Config } from '../../config/load-config.js';
import type { Tx } from '../../store/port.js';

const userKey = (userId: string) => `challenge:user:${userId}`;
const codeKey = (code: string) => `challenge:code:${code}`;
const userLockKey = (userId: string) => `challenge:lock:user:${userId}`;
const codeLockKey = (code: string) => `challenge:lock:code:${code}`;

type Limits = Pick<Config, 'CHALLENGE_MAX_FAILURES' | 'CHALLENGE_WINDOW_MINUTES' | 'CHALLENGE_LOCK_MINUTES'>;

/** Who is locked, and until when: this account (its own failures) and/or this code (everyone's 4-digit failures). */
export interface LockState {
  user?: Date;
  code?: Date;
}

async function lockedUntil(t: Tx, cfg: Limits, lockKey: string, failKey: string, now: Date): Promise<Date | undefined> {
  const lockMs = cfg.CHALLENGE_LOCK_MINUTES * 60_000;
  const last = await latestAttempt(t, lockKey, now.getTime() - lockMs, now.getTime());
  if (last !== null) return new Date(last + lockMs);
  // Failures recorded before a lock marker existed still count.
  const since = new Date(now.getTime() - cfg.CHALLENGE_WINDOW_MINUTES * 60_000).toISOString();
  return (await t.countAttempts(failKey, since)) >= cfg.CHALLENGE_MAX_FAILURES ? new Date(now.getTime() + lockMs) : undefined;
}

export async function lockState(t: Tx, cfg: Limits, userId: string, code: string, now: Date): Promise<LockState> {
  const user = await lockedUntil(t, cfg, userLockKey(userId), userKey(userId), now);
  const byCode = await lockedUntil(t, cfg, codeLockKey(code), codeKey(code), now);
  return { ...(user ? { user } : {}), ...(byCode ? { code: byCode } : {}) };
}

/**
 * Record a failed answer. `weak`: a 4-digit answer, which also counts against the code.
 * Returns the locks in force after it.
 */
export async function recordChallengeFailure(t: Tx, cfg: Limits, userId: string, code: string, now: Date, weak: boolean): Promise<LockState> {
  const at = now.toISOString();
  const since = new Date(now.getTime() - cfg.CHALLENGE_WINDOW_MINUTES * 60_000).toISOString();
  await t.recordAttempt(userKey(userId), at);
  if ((await t.countAttempts(userKey(userId), since)) >= cfg.CHALLENGE_MAX_FAILURES) await t.recordAttempt(userLockKey(userId), at);
  if (weak) {
    await t.recordAttempt(codeKey(code), at);
    if ((await t.countAttempts(codeKey(code), since)) >= cfg.CHALLENGE_MAX_FAILURES) await t.recordAttempt(codeLockKey(code), at);
  }
  return lockState(t, cfg, userId, code, now);
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
