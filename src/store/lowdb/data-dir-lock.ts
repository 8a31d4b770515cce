/**
 * One process per DATA_DIR: DATA_DIR/motcua.lock is created with O_EXCL and
 * names its holder by pid, start time, boot id, pid namespace and a random
 * token (process-identity.ts). A lock is stale, and taken over, when its holder
 * is provably gone: the pid is dead, or now belongs to another process (its
 * start time differs: pid reuse, e.g. after a container restart), or the
 * machine rebooted since. A holder in another pid namespace (another container
 * on the same volume) cannot be looked up: the holder touches the file every
 * few seconds and its lock is stale once that heartbeat stops.
 *
 * Node has no flock(); proper-lockfile's mtime-only staleness would make every
 * restart after a crash wait, and a long blocked event loop would lose the lock.
 */
import { randomBytes } from 'node:crypto';
import { promises as fs, unlinkSync, readFileSync } from 'node:fs';
import os from 'node:os';
import { DataDirLockedError } from './store-errors.js';
import { currentProcessIdentity, pidExists, readCommand, readStartTime, type ProcessIdentity } from './process-identity.js';
import { judgeLock, parseLockFile, type LockRecord } from './judge-lock.js';

export interface DataDirLockOptions {
  /** How often the holder touches the lock file (default 5 s). */
  heartbeatMs?: number;
  /** A lock from another pid namespace is stale after this long without a heartbeat (default 30 s). */
  staleMs?: number;
  /** Told once when start waits for a lock held from another container. */
  onWait?: (message: string) => void;
}

/** Tokens of the locks this process holds (a second open in the same process is refused). */
const heldTokens = new Set<string>();

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class DataDirLock {
  private held = true;
  private readonly heartbeat: NodeJS.Timeout;

  private constructor(
    readonly file: string,
    private readonly token: string,
    heartbeatMs: number,
  ) {
    heldTokens.add(token);
    const beat = () => {
      const now = new Date();
      fs.utimes(file, now, now).catch(() => undefined);
    };
    // unref: the heartbeat never keeps the process alive.
    this.heartbeat = setInterval(beat, heartbeatMs).unref();
  }

  static async acquire(dataDir: string, file: string, opts: DataDirLockOptions = {}): Promise<DataDirLock> {
    const heartbeatMs = opts.heartbeatMs ?? 5_000;
    const staleMs = opts.staleMs ?? 30_000;
    const here = currentProcessIdentity();
    const token = randomBytes(16).toString('hex');
    // Waiting for a foreign holder's heartbeat to stop takes at most staleMs; then refuse.
    const deadline = Date.now() + staleMs + 2 * heartbeatMs;
    let waited = false;
    for (let attempt = 0; ; attempt++) {
      if (await createLockFile(file, lockRecord(here, token))) return new DataDirLock(file, token, heartbeatMs);
      const found = await readLock(file);
      if (found === undefined) continue; // removed meanwhile: try again
      if (found.text.trim() === '' && attempt === 0) {
        // Created but not yet written by a process starting right now: look again shortly.
        await sleep(100);
        continue;
      }
      const verdict = judgeLock(parseLockFile(found.text), { here, ageMs: found.ageMs, staleMs, heldTokens, pidExists, readStartTime, readCommand });
      if (verdict.live && !(verdict.foreign && Date.now() < deadline)) throw new DataDirLockedError(dataDir, verdict.pid, verdict.why);
      if (verdict.live) {
        if (!waited) opts.onWait?.(`DATA_DIR ${dataDir}: waiting for the lock of pid ${verdict.pid} (${verdict.why})`);
        waited = true;
        await sleep(Math.min(1000, heartbeatMs));
        continue;
      }
      // Stale: remove it, unless someone replaced it since we read it.
      if ((await readLock(file))?.text === found.text) await fs.unlink(file).catch(() => undefined);
      if (attempt > 20) throw new Error(`could not take the lock ${file}`);
    }
  }

  /** Remove the lock file if it is still ours (sync: also used on process exit). */
  release(): void {
    if (!this.held) return;
    this.held = false;
    clearInterval(this.heartbeat);
    heldTokens.delete(this.token);
    try {
      const record = parseLockFile(readFileSync(this.file, 'utf8'));
      if (record.kind === 'record' && record.record.token === this.token) unlinkSync(this.file);
    } catch {
      // already gone
    }
  }
}

function lockRecord(here: ProcessIdentity, token: string): LockRecord {
  return {
    program: 'motcua-bot',
    ...here,
    token,
    hostname: os.hostname(),
    startedAt: new Date().toISOString(),
  };
}

/** O_EXCL create + fsync; false when the file exists. */
async function createLockFile(file: string, record: LockRecord): Promise<boolean> {
  let fh;
  try {
    fh = await fs.open(file, 'wx');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  }
  try {
    await fh.writeFile(`${JSON.stringify(record)}\n`);
    await fh.sync();
  } finally {
    await fh.close();
  }
  return true;
}

async function readLock(file: string): Promise<{ text: string; ageMs: number } | undefined> {
  try {
    const [text, stat] = await Promise.all([fs.readFile(file, 'utf8'), fs.stat(file)]);
    return { text, ageMs: Date.now() - stat.mtimeMs };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}
