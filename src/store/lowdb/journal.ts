/**
 * The lowdb journal, DATA_DIR/motcua.journal: one line per committed
 * transaction, appended and fdatasynced before the transaction resolves, so a
 * commit costs a write proportional to its changes, not to the database.
 *
 *   {"seq":42,"crc":3735928559,"w":[["inbound","user_send_text:m1",{…}],["conversations","u1"]]}
 *
 * `seq` numbers transactions 1, 2, 3 … for the life of the data; `w` lists the
 * writes ([collection, id, value], or [collection, id] for a deletion); `crc`
 * is the CRC-32 of the `w` text exactly as written. The snapshot (motcua.json)
 * records in `journalSeq` the last entry it includes: on load, entries with a
 * higher seq are replayed on top of it. See docs/deploy.md.
 */
import { promises as fs } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { crc32 } from 'node:zlib';
import { COLLECTIONS, type CollectionName, type DocumentData } from '../document/document-data.js';
import type { StagedChange } from '../document/staged-writes.js';
import { syncDirectory } from './document-file.js';
import { AsyncMutex } from '../async-mutex.js';
import path from 'node:path';

export type JournalWrite = [CollectionName, string] | [CollectionName, string, unknown];

export interface JournalEntry {
  seq: number;
  writes: JournalWrite[];
}

/** One encoded line (with its newline), ready to append. */
export interface JournalLine {
  seq: number;
  text: string;
}

/** Serialise one transaction's changes; throws (before anything is applied) when a value is not JSON. */
export function encodeEntry(seq: number, changes: StagedChange[]): JournalLine {
  const w = JSON.stringify(changes.map((c) => (c.deleted ? [c.coll, c.id] : [c.coll, c.id, c.value])));
  return { seq, text: `{"seq":${seq},"crc":${crc32(w)},"w":${w}}\n` };
}

const LINE = /^\{"seq":(\d+),"crc":(\d+),"w":(.*)\}$/s;
const KNOWN = new Set<string>(COLLECTIONS);

/** Decode one line (without its newline); throws with a short reason when it is not a whole, intact entry. */
export function decodeEntry(line: string): JournalEntry {
  const m = LINE.exec(line);
  if (!m) throw new Error('not a journal entry');
  const [, seqText, crcText, w] = m;
  if (crc32(w!) !== Number(crcText)) throw new Error('checksum mismatch');
  let writes: unknown;
  try {
    writes = JSON.parse(w!);
  } catch (err) {
    throw new Error(`invalid JSON: ${(err as Error).message}`);
  }
  if (!Array.isArray(writes)) throw new Error('writes are not a list');
  for (const x of writes) {
    if (!Array.isArray(x) || (x.length !== 2 && x.length !== 3) || !KNOWN.has(x[0]) || typeof x[1] !== 'string') {
      throw new Error('a write is not [collection, id(, value)]');
    }
  }
  return { seq: Number(seqText), writes: writes as JournalWrite[] };
}

/** A damaged entry with intact entries after it: acknowledged data may be lost, so loading stops. */
export class JournalCorruption extends Error {
  constructor(readonly line: number, readonly offset: number, readonly reason: string, readonly entriesAfter: number) {
    super(`line ${line} (byte ${offset}): ${reason}`);
  }
}

export interface ParsedJournal {
  entries: JournalEntry[];
  /** Length of the intact prefix; bytes after it are a torn tail. */
  goodBytes: number;
  /** Set when the file ends with a torn (never acknowledged) tail. */
  torn?: { line: number; offset: number; bytes: number; reason: string };
}

/**
 * Split and check a journal. An unfinished or damaged tail (a crash during an
 * append: never acknowledged) is reported in `torn`; a damaged entry followed
 * by intact ones, or entries out of order, throw JournalCorruption.
 */
export function parseJournal(buf: Buffer): ParsedJournal {
  const entries: JournalEntry[] = [];
  let pos = 0;
  let lineNo = 0;
  let bad: { line: number; offset: number; reason: string } | undefined;
  let after = 0; // intact entries after the first bad one
  let goodBytes = 0;
  while (pos < buf.length) {
    lineNo++;
    const nl = buf.indexOf(10, pos);
    const end = nl === -1 ? buf.length : nl;
    let entry: JournalEntry | undefined;
    let reason = nl === -1 ? 'unfinished line (no newline)' : '';
    if (nl !== -1) {
      try {
        entry = decodeEntry(buf.toString('utf8', pos, end));
      } catch (err) {
        reason = (err as Error).message;
      }
    }
    if (entry && !bad) {
      const prev = entries.at(-1);
      if (prev && entry.seq <= prev.seq) {
        throw new JournalCorruption(lineNo, pos, `seq ${entry.seq} after seq ${prev.seq}`, 0);
      }
      entries.push(entry);
      goodBytes = end + 1;
    } else if (entry) {
      after++;
    } else if (!bad) {
      bad = { line: lineNo, offset: pos, reason };
    }
    pos = nl === -1 ? buf.length : nl + 1;
  }
  if (bad && after > 0) throw new JournalCorruption(bad.line, bad.offset, bad.reason, after);
  return { entries, goodBytes, ...(bad ? { torn: { ...bad, bytes: buf.length - bad.offset } } : {}) };
}

/** Apply entries with seq > data.journalSeq; they must continue it without a gap. Returns the new last seq. */
export function replayJournal(data: DocumentData, entries: JournalEntry[]): number {
  let seq = data.journalSeq ?? 0;
  for (const e of entries) {
    if (e.seq <= seq) continue; // already in the snapshot (a crash between snapshot and journal rotation)
    if (e.seq !== seq + 1) {
      throw new Error(`the journal continues at entry ${e.seq} but the snapshot ends at entry ${seq} (entries in between are missing)`);
    }
    for (const w of e.writes) {
      const coll = data[w[0]] as Map<string, unknown>;
      if (w.length === 3) coll.set(w[1], w[2]);
      else coll.delete(w[1]);
    }
    seq = e.seq;
  }
  data.journalSeq = seq;
  return seq;
}

/**
 * The open journal: appends batches durably (write + fdatasync) one at a time,
 * and swaps in a new journal after a snapshot (rotate). Both run under one
 * mutex, so a rotation never races an append.
 */
export class JournalWriter {
  private readonly io = new AsyncMutex();
  private broken: Error | undefined;
  /** Highest seq appended (and synced) to the current file. */
  appendedSeq = 0;

  private constructor(
    readonly file: string,
    private fh: FileHandle,
    /** Bytes in the current file. */
    public bytes: number,
  ) {}

  /** Open `file` for appending (created if missing; the directory is synced when it was). */
  static async open(file: string): Promise<JournalWriter> {
    const existed = await fs.stat(file).then(
      (s) => s.size,
      () => undefined,
    );
    const fh = await fs.open(file, 'a');
    if (existed === undefined) await syncDirectory(path.dirname(file));
    return new JournalWriter(file, fh, existed ?? 0);
  }

  /** Append `lines` (in seq order) and fdatasync; resolves once they are on disk. */
  append(lines: JournalLine[]): Promise<void> {
    return this.io.run(async () => {
      if (this.broken) throw this.broken;
      if (lines.length === 0) return;
      const buf = Buffer.from(lines.length === 1 ? lines[0]!.text : lines.map((l) => l.text).join(''), 'utf8');
      let off = 0;
      while (off < buf.length) off += (await this.fh.write(buf, off, buf.length - off)).bytesWritten;
      await this.fh.datasync();
      this.bytes += buf.length;
      this.appendedSeq = lines.at(-1)!.seq;
    });
  }

  /**
   * After a snapshot that includes every entry up to `snapshotSeq` is durable:
   * replace the journal by one holding only the appended entries after it
   * (`later`: the lines committed since the snapshot, in order). Temp file,
   * fsync, rename, directory fsync: a crash leaves the old or the new journal,
   * and the snapshot loads with either.
   */
  rotate(snapshotSeq: number, later: JournalLine[]): Promise<void> {
    return this.io.run(async () => {
      if (this.broken) throw this.broken;
      const keep = later.filter((l) => l.seq > snapshotSeq && l.seq <= this.appendedSeq);
      const text = keep.map((l) => l.text).join('');
      const tmp = `${this.file}.tmp-${process.pid}`;
      const out = await fs.open(tmp, 'w');
      try {
        await out.writeFile(text, 'utf8');
        await out.sync();
      } finally {
        await out.close();
      }
      await fs.rename(tmp, this.file);
      // From here on the old descriptor points at the replaced file: any failure stops the store.
      try {
        await syncDirectory(path.dirname(this.file));
        await this.fh.close();
        this.fh = await fs.open(this.file, 'a');
        this.bytes = Buffer.byteLength(text);
      } catch (err) {
        this.broken = new Error(`replacing the journal failed: ${(err as Error).message}`, { cause: err });
        throw this.broken;
      }
    });
  }

  async close(): Promise<void> {
    await this.io.run(async () => {
      await this.fh.close().catch(() => undefined);
    });
  }
}
