/**
 * The default store: one process, state in DATA_DIR through lowdb.
 * Transactions run one at a time on the in-memory document (so every tx lock
 * is trivially honoured) and commit in memory; each commit's writes become one
 * line of the journal (DATA_DIR/motcua.journal), appended and fdatasynced by a
 * group commit before the transaction resolves. The snapshot (motcua.json, read
 * through lowdb, written atomically a slice at a time by write-snapshot.ts so the
 * event loop stays free) is rewritten only when the journal is compacted: past a
 * size, periodically, at open and at close. Every compaction prunes first
 * (prune-document.ts: age rules and the lowdb ceilings).
 * See docs/deploy.md for the format, backups and limits.
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
import type { StagedChange } from '../document/staged-writes.js';
import { DocumentFile } from './document-file.js';
import { DataDirLock } from './data-dir-lock.js';
import { DataBackups } from './data-backups.js';
import { GroupCommit } from './group-commit.js';
import {
  encodeEntry,
  JournalCorruption,
  JournalWriter,
  parseJournal,
  replayJournal,
  type JournalLine,
} from './journal.js';
import { pruneDocument } from './prune-document.js';
import { writeSnapshot } from './write-snapshot.js';
import { CorruptDataFileError, CorruptJournalError } from './store-errors.js';

export const DATA_FILE = 'motcua.json';
export const JOURNAL_FILE = 'motcua.journal';
export const LOCK_FILE = 'motcua.lock';

export interface LowdbStoreLogger {
  warn(obj: object, msg?: string): void;
}

export interface LowdbStoreOptions {
  dataDir: string;
  /** Periodic backup and pruning; 0 turns it off. Default one hour. */
  backupIntervalMs?: number;
  /** Backups kept. Default 10. */
  keepBackups?: number;
  /** Compact (rewrite the snapshot, start a new journal) once the journal passes this size. Default 8 MiB. */
  compactBytes?: number;
  /** Also compact this often when the journal is not empty; 0 turns it off. Default 10 minutes. */
  compactIntervalMs?: number;
  clock?: () => Date;
  /** Warnings (a torn journal tail, a failed compaction). Default: one line on stderr. */
  log?: LowdbStoreLogger;
}

const stderrLog: LowdbStoreLogger = {
  warn: (obj, msg) => process.stderr.write(`motcua-bot lowdb: ${msg ?? ''} ${JSON.stringify(obj)}\n`),
};

export class LowdbStore implements Store {
  readonly kind = 'lowdb' as const;
  private readonly txLock = new AsyncMutex();
  private readonly named = new NamedMutexes();
  private readonly commits: GroupCommit;
  /** Lines committed but not yet handed to the journal writer. */
  private pending: JournalLine[] = [];
  /** While a compaction runs: the lines committed after its snapshot. */
  private carry: JournalLine[] | undefined;
  private compacting: Promise<void> | undefined;
  private compactFailedAt = 0;
  private timers: NodeJS.Timeout[] = [];
  private closed = false;
  private readonly onExit = () => this.lock.release();

  private constructor(
    private readonly db: Low<DocumentData>,
    /** The snapshot file (DATA_DIR/motcua.json). */
    private readonly file: string,
    private readonly journal: JournalWriter,
    private readonly lock: DataDirLock,
    private readonly backups: DataBackups,
    private readonly clock: () => Date,
    private readonly log: LowdbStoreLogger,
    private readonly compactBytes: number,
    /** Last committed journal seq (also in data.journalSeq). */
    private seq: number,
    /** journalSeq of the snapshot on disk. */
    private snapshotSeq: number,
  ) {
    this.commits = new GroupCommit(() => {
      const batch = this.pending;
      this.pending = [];
      return this.journal.append(batch).then(() => this.maybeCompact());
    });
    process.once('exit', this.onExit);
  }

  /**
   * Lock DATA_DIR, load the snapshot (or create it), replay the journal, prune,
   * compact, back up. Throws a clear error on refusal.
   */
  static async open(opts: LowdbStoreOptions): Promise<LowdbStore> {
    const dir = path.resolve(opts.dataDir);
    await fs.mkdir(dir, { recursive: true });
    const lock = await DataDirLock.acquire(dir, path.join(dir, LOCK_FILE), {
      onWait: (message) => (opts.log ?? stderrLog).warn({ dataDir: dir }, message),
    });
    let journal: JournalWriter | undefined;
    try {
      const file = path.join(dir, DATA_FILE);
      const journalFile = path.join(dir, JOURNAL_FILE);
      const log = opts.log ?? stderrLog;
      const backups = new DataBackups(path.join(dir, 'backups'), opts.keepBackups ?? 10);
      await removeTempFiles(dir);
      const db = new Low(new DocumentFile(file), emptyDocumentData());
      const clock = opts.clock ?? (() => new Date());
      try {
        await db.read();
      } catch (err) {
        throw new CorruptDataFileError(file, (err as Error).message, await backups.newestGood());
      }
      const journalText = await fs.readFile(journalFile).catch((err: NodeJS.ErrnoException) => {
        if (err.code === 'ENOENT') return Buffer.alloc(0);
        throw err;
      });
      if (!(await fileExists(file))) {
        // Backups or a journal but no file: someone deleted it. Starting empty would silently lose everything.
        const backup = await backups.newestGood();
        if (backup) throw new CorruptDataFileError(file, 'the file is missing but backups exist', backup);
        if (journalText.length > 0) throw new CorruptDataFileError(file, `the file is missing but the journal ${journalFile} is not empty`, undefined);
      }
      const seq = loadJournal(db.data, journalText, journalFile, log);
      journal = await JournalWriter.open(journalFile);
      pruneDocument(db.data, clock());
      // Compact: the snapshot takes in the journal (and the pruning); the journal starts empty.
      db.data.journalSeq = seq;
      await writeSnapshot(file, db.data);
      await journal.rotate(seq, []);
      await backups.save(file, clock());
      const store = new LowdbStore(db, file, journal, lock, backups, clock, log, opts.compactBytes ?? 8 * 1024 * 1024, seq, seq);
      const every = opts.backupIntervalMs ?? 3_600_000;
      if (every > 0) store.every(every, () => store.housekeep());
      const compactEvery = opts.compactIntervalMs ?? 600_000;
      if (compactEvery > 0) store.every(compactEvery, () => store.compact());
      return store;
    } catch (err) {
      await journal?.close();
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
        const changes = t.w.changes();
        const line = encodeEntry(this.seq + 1, changes); // throws before anything is applied
        t.w.commit();
        this.record(line);
      }
      return value;
    });
    // Outside the mutex: the next transactions run while this append is in flight.
    await this.commits.waitDurable();
    return result;
  }

  withLock<T>(name: string, fn: () => Promise<T>): Promise<T> {
    // One process per DATA_DIR, so an in-process lock is a lock across instances.
    return this.named.run(name, fn);
  }

  /**
   * Prune (journaled like a transaction), compact, then copy the fresh snapshot
   * as a backup; runs hourly. Returns the backup's path.
   */
  async housekeep(now = this.clock()): Promise<string> {
    await this.prune(now);
    await this.compact();
    return this.backups.save(this.file, this.clock());
  }

  /**
   * Prune old records, write the snapshot (it includes everything committed so
   * far) and start a new journal holding only what was committed after it. Runs
   * beside the commits: the snapshot is written a slice at a time
   * (write-snapshot.ts), and only the pruning and the journal swap at the end
   * hold the commits back, briefly.
   */
  compact(): Promise<void> {
    this.compacting ??= this.runCompaction().finally(() => (this.compacting = undefined));
    return this.compacting;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    await this.txLock.run(async () => {
      this.closed = true;
    });
    for (const t of this.timers) clearInterval(t);
    try {
      await this.commits.waitDurable();
      await this.compacting?.catch(() => undefined);
      // Non-fatal when it fails (already logged): the snapshot and the journal still load.
      if (!this.commits.failed) await this.compact().catch(() => undefined);
    } finally {
      await this.journal.close();
      this.lock.release();
      process.removeListener('exit', this.onExit);
    }
  }

  /** Journal bytes, entries in the snapshot and committed (tests, metrics). */
  get journalState(): { bytes: number; snapshotSeq: number; seq: number } {
    return { bytes: this.journal.bytes, snapshotSeq: this.snapshotSeq, seq: this.seq };
  }

  /** A commit happened in memory: queue its journal line for the next group append. */
  private record(line: JournalLine): void {
    this.seq = line.seq;
    this.db.data.journalSeq = line.seq;
    this.pending.push(line);
    this.carry?.push(line);
    this.commits.markCommitted();
  }

  /** Drop what the retention rules say (one journal line for all the deletions). */
  private async prune(now = this.clock()): Promise<void> {
    await this.txLock.run(async () => {
      this.assertOpen();
      const deleted: StagedChange[] = [];
      pruneDocument(this.db.data, now, (coll, id) => deleted.push({ coll, id, deleted: true }));
      if (deleted.length > 0) this.record(encodeEntry(this.seq + 1, deleted));
    });
    await this.commits.waitDurable();
  }

  private async runCompaction(): Promise<void> {
    if (this.commits.failed) return;
    if (!this.closed) await this.prune();
    if (this.journal.bytes === 0 && this.pending.length === 0 && this.snapshotSeq === this.seq) return;
    const seq = this.seq;
    const later: JournalLine[] = [];
    this.carry = later;
    try {
      // writeSnapshot captures the document synchronously, here: it holds exactly the entries up to `seq`.
      await writeSnapshot(this.file, this.db.data);
      await this.journal.rotate(seq, later);
      this.snapshotSeq = seq;
      this.compactFailedAt = 0;
    } catch (err) {
      this.compactFailedAt = Date.now();
      this.log.warn({ err: (err as Error).message }, 'lowdb compaction failed; the journal keeps growing until the next attempt');
      throw err;
    } finally {
      this.carry = undefined;
    }
  }

  private maybeCompact(): void {
    if (this.compacting || this.closed || this.journal.bytes < this.compactBytes) return;
    if (Date.now() - this.compactFailedAt < 60_000) return;
    void this.compact().catch(() => undefined);
  }

  private every(ms: number, fn: () => Promise<unknown>): void {
    const t = setInterval(() => void fn().catch(() => undefined), ms);
    t.unref();
    this.timers.push(t);
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('the lowdb store is closed');
    if (this.commits.failed) throw this.commits.failed;
  }
}

/** Replay the journal onto the snapshot; truncate a torn tail; refuse a damaged middle. Returns the last seq. */
function loadJournal(data: DocumentData, text: Buffer, file: string, log: LowdbStoreLogger): number {
  const snapshotSeq = data.journalSeq ?? 0;
  let parsed;
  try {
    parsed = parseJournal(text);
  } catch (err) {
    if (!(err instanceof JournalCorruption)) throw err;
    throw new CorruptJournalError(
      file,
      `entry at line ${err.line}, byte ${err.offset} is damaged: ${err.reason}` +
        (err.entriesAfter > 0 ? `; ${err.entriesAfter} intact entries follow it, so it was acknowledged` : ''),
      `Keep a copy of the journal. To start from the entries before it (losing it and everything after it): ` +
        `\`truncate -s ${err.offset} "${file}"\`; or restore the newest backup (see docs/deploy.md, "Backups (lowdb)").`,
    );
  }
  if (parsed.torn) {
    const { line, offset, bytes, reason } = parsed.torn;
    log.warn(
      { journal: file, line, offset, bytes, reason },
      'lowdb journal ends with a torn entry (a crash during an append, never acknowledged); ignoring it',
    );
  }
  let seq: number;
  try {
    seq = replayJournal(data, parsed.entries);
  } catch (err) {
    throw new CorruptJournalError(
      file,
      (err as Error).message,
      `The snapshot is older than the journal (restored from a backup?). To start from the snapshot alone, move the journal away: \`mv "${file}" "${file}.old"\`.`,
    );
  }
  return seq;
}

async function fileExists(file: string): Promise<boolean> {
  return fs.access(file).then(
    () => true,
    () => false,
  );
}

/** Temp files from a write interrupted by a crash (the real files are intact). */
async function removeTempFiles(dir: string): Promise<void> {
  for (const name of await fs.readdir(dir)) {
    if (name.startsWith(`${DATA_FILE}.tmp-`) || name.startsWith(`${JOURNAL_FILE}.tmp-`)) {
      await fs.unlink(path.join(dir, name)).catch(() => undefined);
    }
  }
}
