/**
 * Whether the holder named in DATA_DIR/motcua.lock is still running (pure: the
 * process lookups are injected, so every case is testable). See data-dir-lock.ts.
 */
import type { ProcessIdentity } from './process-identity.js';

/** The lock file's content (one JSON line). */
export interface LockRecord extends ProcessIdentity {
  program: 'motcua-bot';
  /** Random per acquisition: tells this holder from an earlier life of the same pid. */
  token: string;
  hostname: string;
  startedAt: string;
}

export type ParsedLock =
  | { kind: 'record'; record: LockRecord }
  /** Written by versions before the identity record: the pid alone. */
  | { kind: 'pid'; pid: number }
  | { kind: 'unreadable' };

export function parseLockFile(text: string): ParsedLock {
  const trimmed = text.trim();
  if (/^\d+$/.test(trimmed)) return { kind: 'pid', pid: Number(trimmed) };
  try {
    const v = JSON.parse(trimmed) as Partial<LockRecord>;
    if (v.program === 'motcua-bot' && Number.isInteger(v.pid) && typeof v.token === 'string') return { kind: 'record', record: v as LockRecord };
  } catch {
    // fall through
  }
  return { kind: 'unreadable' };
}

export interface JudgeContext {
  here: ProcessIdentity;
  /** Time since the lock file was last touched (the holder's heartbeat). */
  ageMs: number;
  staleMs: number;
  /** Tokens of locks this very process holds. */
  heldTokens: ReadonlySet<string>;
  pidExists(pid: number): boolean;
  readStartTime(pid: number): string | undefined;
  /** The pid's command line (undefined when unknown). */
  readCommand(pid: number): string | undefined;
}

export interface Verdict {
  live: boolean;
  pid: number;
  /** Why, for logs and the refusal message. */
  why: string;
  /** Held from another pid namespace: live only by its heartbeat. */
  foreign?: boolean;
}

const differ = (a: string | undefined, b: string | undefined) => a !== undefined && b !== undefined && a !== b;

export function judgeLock(lock: ParsedLock, ctx: JudgeContext): Verdict {
  if (lock.kind === 'unreadable') return { live: false, pid: 0, why: 'unreadable lock file' };
  if (lock.kind === 'pid') {
    const { pid } = lock;
    if (pid === ctx.here.pid || !ctx.pidExists(pid)) return { live: false, pid, why: 'its pid is gone' };
    // No start time to compare: a pid that is not even a node process was reused.
    const command = ctx.readCommand(pid);
    if (command !== undefined && !command.includes('node')) return { live: false, pid, why: 'its pid now belongs to another program' };
    return { live: true, pid, why: 'an older version\'s lock; its pid is running' };
  }
  const r = lock.record;
  if (differ(r.bootId, ctx.here.bootId)) return { live: false, pid: r.pid, why: 'written before the machine restarted' };
  if (differ(r.pidNamespace, ctx.here.pidNamespace)) {
    const seconds = Math.round(ctx.ageMs / 1000);
    const live = ctx.ageMs < ctx.staleMs;
    return { live, pid: r.pid, foreign: true, why: `held from another container (pid namespace ${r.pidNamespace}, host ${r.hostname}), last heartbeat ${seconds} s ago` };
  }
  if (r.pid === ctx.here.pid) {
    const live = ctx.heldTokens.has(r.token);
    return { live, pid: r.pid, why: live ? 'held by this process already' : 'left by an earlier process with this pid' };
  }
  if (!ctx.pidExists(r.pid)) return { live: false, pid: r.pid, why: 'its pid is gone' };
  const startTime = ctx.readStartTime(r.pid);
  if (differ(r.startTime, startTime)) return { live: false, pid: r.pid, why: 'its pid now belongs to another process (different start time)' };
  return { live: true, pid: r.pid, why: `running since ${r.startedAt}` };
}
