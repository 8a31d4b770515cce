/**
 * Write the lowdb snapshot without holding the event loop. JSON.stringify of the
 * whole document blocks for as long as the document is large (0.9 s at 90 MB),
 * and every webhook acknowledgement waits behind it. Here the document's shape
 * is captured synchronously (the key and value lists of each collection, a few
 * milliseconds: records are never changed in place, a commit or a journal replay
 * replaces them, so these references are a consistent snapshot), then serialised
 * record by record in slices of a few milliseconds, each slice appended to a temp
 * file before the next one starts.
 * The file is then fsynced and renamed over the snapshot (and the directory
 * fsynced): a crash leaves the old snapshot or the new one, never a torn one.
 *
 *   await writeSnapshot('/var/lib/motcua/motcua.json', data);
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { COLLECTIONS, type DocumentData } from '../document/document-data.js';
import { syncDirectory } from './document-file.js';

/** Serialise this long at most before letting the event loop run. */
const SLICE_MS = 8;
/** Hand the text to the file once this much is buffered. */
const CHUNK_CHARS = 1 << 20;

interface Captured {
  head: string;
  collections: { name: string; keys: string[]; values: unknown[] }[];
}

/** Everything to write, taken now (synchronously): later commits do not reach this snapshot. */
function capture(data: DocumentData): Captured {
  const doc = data as unknown as Record<string, unknown>;
  const head = Object.entries(doc)
    .filter(([k]) => !(COLLECTIONS as string[]).includes(k))
    .map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`)
    .join(',');
  return {
    head,
    collections: COLLECTIONS.map((name) => {
      const coll = doc[name] as Map<string, unknown>;
      return { name, keys: [...coll.keys()], values: [...coll.values()] };
    }),
  };
}

/** The snapshot as a series of text pieces; the generator pauses wherever the writer likes. */
function* pieces(c: Captured): Generator<string> {
  yield `{${c.head}`;
  for (const { name, keys, values } of c.collections) {
    yield `,${JSON.stringify(name)}:{`;
    for (let i = 0; i < keys.length; i++) yield `${i ? ',' : ''}${JSON.stringify(keys[i])}:${JSON.stringify(values[i])}`;
    yield '}';
  }
  yield '}';
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function writeSnapshot(file: string, data: DocumentData): Promise<void> {
  const text = pieces(capture(data));
  const tmp = `${file}.tmp-${process.pid}`;
  const fh = await fs.open(tmp, 'w');
  try {
    let buffered: string[] = [];
    let size = 0;
    let sliceStart = performance.now();
    for (const piece of text) {
      buffered.push(piece);
      size += piece.length;
      const sliceOver = performance.now() - sliceStart >= SLICE_MS;
      if (size >= CHUNK_CHARS || sliceOver) {
        await fh.writeFile(buffered.join(''));
        buffered = [];
        size = 0;
        if (sliceOver) await nextTurn();
        sliceStart = performance.now();
      }
    }
    await fh.writeFile(buffered.join(''));
    await fh.sync();
  } finally {
    await fh.close();
  }
  await fs.rename(tmp, file);
  await syncDirectory(path.dirname(file));
}
