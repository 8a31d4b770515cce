/**
 * The default store: one process, state in DATA_DIR/motcua.json through lowdb.
 * Transactions run one at a time on the in-memory document (so every tx lock
 * is trivially honoured), commit in memory, then wait for a group-committed,
 * fsynced write before resolving. See docs/deploy.md for backups and limits.
 *
 *   const store = await LowdbStore.open({ dataDir: '/var/lib/motcua' });
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { Low } from 'lowdb';
import type { Store, Tx, TxOptions } from '../port.js';
import { AsyncMutex, NamedMutexes } from '../async-mutex.js';
import { emptyDocumentData, type DocumentData } from '../document/document-data.js';
import { DocumentTx } from '../document/document-tx.js';
import { DocumentFile } from './document-file.js';
import { DataDirLock } from './data-dir-lock.js';
import { DataBackups } from './data-backups.js';
import { GroupCommit } from './group-commit.js';
import { pruneDocument } from './prune-document.js';
import { CorruptDataFileError } from './store-errors.js';

export const DATA_FILE = 'motcua.json';
export const LOCK_FILE = 'motcua.lock';

export interface LowdbStoreOptions {
  dataDir: string;
  /** Periodic backup and pruning; 0 turns it off. Default one hour. */
  backupIntervalMs?: number;
  /** Backups kept. Default 10. */
  keepBackups?: number;
  clock?: () => Date;
}

export class LowdbStore implements Store {
  readonly kind = 'lowdb' as const;
  private readonly txLock = new AsyncMutex();
  private readonly named = new NamedMutexes();
  private readonly commits: GroupCommit;
  private timer: NodeJS.Timeout | undefined;
  private closed = false;
  private readonly onExit = () => this.lock.release();

  private constructor(
    private readonly db: Low<DocumentData>,
    private readonly lock: DataDirLock,
    private readonly backups: DataBackups,
    private readonly clock: () => Date,
  ) {
    this.commits = new GroupCommit(() => this.db.write());
    process.once('exit', this.onExit);
  }

  /** Lock DATA_DIR, load (or create) the data file, back it up. Throws a clear error on refusal. */
  static async open(opts: LowdbStoreOptions): Promise<LowdbStore> {
    const dir = path.resolve(opts.dataDir);
    await fs.mkdir(dir, { recursive: true });
    const lock = await DataDirLock.acquire(dir, path.join(dir, LOCK_FILE));
    try {
      const file = path.join(dir, DATA_FILE);
      const backups = new DataBackups(path.join(dir, 'backups'), opts.keepBackups ?? 10);
      await removeTempFiles(dir);
      const db = new Low(new DocumentFile(file), emptyDocumentData());
      const clock = opts.clock ?? (() => new Date());
      try {
        await db.read();
      } catch (err) {
        throw new CorruptDataFileError(file, (err as Error).message, await backups.newestGood());
      }
      if (!(await fileExists(file))) {
        const backup = await backups.newestGood();
        // Backups but no file: someone deleted it. Starting empty would silently lose everything.
        if (backup) throw new CorruptDataFileError(file, 'the file is missing but backups exist', backup);
      }
      pruneDocument(db.data, clock());
      await db.write();
      await backups.save(JSON.stringify(db.data), clock());
      const store = new LowdbStore(db, lock, backups, clock);
      const every = opts.backupIntervalMs ?? 3_600_000;
      if (every > 0) {
        store.timer = setInterval(() => void store.housekeep().catch(() => undefined), every);
        store.timer.unref();
      }
      return store;
    } catch (err) {
      lock.release();
      throw err;
    }
  }

  /** The live document (tests and the bench read it; never mutate outside tx). */
  get data(): DocumentData {
    return this.db.data;
  }

  async tx<T>(fn: (t: Tx) => Promise<T>, _opts?: TxOptions): Promise<T> {
    const result = await this.txLock.run(async () => {
      this.assertOpen();
      const t = new DocumentTx(this.db.data);
      const value = await fn(t);
      if (t.w.dirty) {
        t.w.commit();
        this.commits.markCommitted();
      }
      return value;
    });
    // Outside the mutex: the next transactions run while this write is in flight.
    await this.commits.waitDurable();
    return result;
  }

  withLock<T>(name: string, fn: () => Promise<T>): Promise<T> {
    // One process per DATA_DIR, so an in-process lock is a lock across instances.
    return this.named.run(name, fn);
  }

  /** Prune old records and write a backup (also run periodically). */
  async housekeep(): Promise<string> {
    const text = await this.txLock.run(async () => {
      this.assertOpen();
      if (pruneDocument(this.db.data, this.clock()) > 0) this.commits.markCommitted();
      return JSON.stringify(this.db.data);
    });
    await this.commits.waitDurable();
    return this.backups.save(text, this.clock());
  }

  async close(): Promise<void> {
    if (this.closed) return;
    await this.txLock.run(async () => {
      this.closed = true;
    });
    if (this.timer) clearInterval(this.timer);
    try {
      await this.commits.waitDurable();
    } finally {
      this.lock.release();
      process.removeListener('exit', this.onExit);
    }
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('the lowdb store is closed');
    if (this.commits.failed) throw this.commits.failed;
  }
}

async function fileExists(file: string): Promise<boolean> {
  return fs.access(file).then(
    () => true,
    () => false,
  );
}

/** Temp files from a write interrupted by a crash (the real file is intact). */
async function removeTempFiles(dir: string): Promise<void> {
  for (const name of await fs.readdir(dir)) {
    if (name.startsWith(`${DATA_FILE}.tmp-`)) await fs.unlink(path.join(dir, name)).catch(() => undefined);
  }
}

