/**
 * One process per DATA_DIR: DATA_DIR/motcua.lock is created with O_EXCL and
 * holds the owner's pid. A lock whose pid is dead (or is our own pid, left by
 * an earlier life of this container) is stale and taken over.
 */
import { promises as fs, unlinkSync, readFileSync } from 'node:fs';
import { DataDirLockedError } from './store-errors.js';

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export class DataDirLock {
  private held = false;

  private constructor(readonly file: string) {}

  static async acquire(dataDir: string, file: string): Promise<DataDirLock> {
    for (let attempt = 0; attempt < 5; attempt++) {
      try {
        const fh = await fs.open(file, 'wx');
        try {
          await fh.writeFile(`${process.pid}\n`);
          await fh.sync();
        } finally {
          await fh.close();
        }
        const lock = new DataDirLock(file);
        lock.held = true;
        return lock;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      }
      const text = await fs.readFile(file, 'utf8').catch(() => '');
      const pid = Number.parseInt(text.trim(), 10);
      if (text.trim() === '' && attempt === 0) {
        // Created but not yet written by a process starting right now: look again shortly.
        await new Promise((r) => setTimeout(r, 100));
        continue;
      }
      if (isAlive(pid)) throw new DataDirLockedError(dataDir, pid);
      await fs.unlink(file).catch(() => undefined); // stale: its owner is gone
    }
    throw new Error(`could not take the lock ${file}`);
  }

  /** Remove the lock file if it is still ours (sync: also used on process exit). */
  release(): void {
    if (!this.held) return;
    this.held = false;
    try {
      if (readFileSync(this.file, 'utf8').trim() === String(process.pid)) unlinkSync(this.file);
    } catch {
      // already gone
    }
  }
}
