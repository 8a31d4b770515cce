/**
 * The lowdb adapter for DATA_DIR/motcua.json: reads and validates the file,
 * writes it atomically (temp file, fsync, rename, fsync of the directory) so a
 * crash at any point leaves either the old or the new file, never a torn one.
 * The file is the snapshot; the transactions after it are in the journal (journal.ts).
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Adapter } from 'lowdb';
import { COLLECTIONS, documentFromJson, documentToJson, type DocumentData } from '../document/document-data.js';

/** Parse and check a document; throws with a short reason when it is not one. */
export function parseDocument(text: string): DocumentData {
  if (text.trim() === '') throw new Error('the file is empty');
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new Error(`invalid JSON: ${(err as Error).message}`);
  }
  if (!data || typeof data !== 'object') throw new Error('not a JSON object');
  const doc = data as Record<string, unknown>;
  if (doc.schemaVersion !== 1) throw new Error(`unknown schemaVersion ${JSON.stringify(doc.schemaVersion)}`);
  if (doc.journalSeq !== undefined && !(Number.isSafeInteger(doc.journalSeq) && (doc.journalSeq as number) >= 0)) {
    throw new Error(`journalSeq ${JSON.stringify(doc.journalSeq)} is not a sequence number`);
  }
  for (const name of COLLECTIONS) {
    const coll = doc[name];
    if (coll === undefined) continue; // a collection added later: documentFromJson starts it empty
    if (!coll || typeof coll !== 'object' || Array.isArray(coll)) throw new Error(`collection "${name}" is not an object`);
  }
  return documentFromJson(doc);
}

/** Write `text` to `file` durably and atomically. */
export async function writeFileDurably(file: string, text: string): Promise<void> {
  const tmp = `${file}.tmp-${process.pid}`;
  const fh = await fs.open(tmp, 'w');
  try {
    await fh.writeFile(text, 'utf8');
    await fh.sync();
  } finally {
    await fh.close();
  }
  await fs.rename(tmp, file);
  await syncDirectory(path.dirname(file));
}

export async function syncDirectory(dir: string): Promise<void> {
  const dh = await fs.open(dir, 'r');
  try {
    await dh.sync();
  } finally {
    await dh.close();
  }
}

export class DocumentFile implements Adapter<DocumentData> {
  constructor(readonly file: string) {}

  /** null when the file does not exist; throws (with a reason) when it is not a valid document. */
  async read(): Promise<DocumentData | null> {
    let text: string;
    try {
      text = await fs.readFile(this.file, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
    return parseDocument(text);
  }

  /** Serialises synchronously, at once (the store writes its snapshot with write-snapshot.ts instead). */
  write(data: DocumentData): Promise<void> {
    return writeFileDurably(this.file, documentToJson(data));
  }
}
