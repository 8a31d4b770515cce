/**
 * Backups of the lowdb file in DATA_DIR/backups/motcua-<timestamp>.json:
 * copies of the snapshot taken after every successful load and periodically
 * (right after a compaction), the last few kept. Copying the file costs the
 * event loop nothing; serialising the document a second time would block it.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { parseDocument, syncDirectory } from './document-file.js';

const PREFIX = 'motcua-';

export class DataBackups {
  constructor(readonly dir: string, private readonly keep: number) {}

  /** Copy `snapshot` (a complete snapshot file) as a new backup and drop the oldest beyond `keep`. */
  async save(snapshot: string, at = new Date()): Promise<string> {
    await fs.mkdir(this.dir, { recursive: true });
    const stamp = at.toISOString().replace(/[:.]/g, '-');
    let file = path.join(this.dir, `${PREFIX}${stamp}.json`);
    // Two backups in the same millisecond (tests, quick restarts): keep both.
    for (let i = 1; await exists(file); i++) file = path.join(this.dir, `${PREFIX}${stamp}-${i}.json`);
    await copyDurably(snapshot, file);
    const all = await this.list();
    for (const old of all.slice(this.keep)) await fs.unlink(old).catch(() => undefined);
    return file;
  }

  /** Backup files, newest first. */
  async list(): Promise<string[]> {
    const names = await fs.readdir(this.dir).catch(() => [] as string[]);
    return names
      .filter((n) => n.startsWith(PREFIX) && n.endsWith('.json'))
      .sort()
      .reverse()
      .map((n) => path.join(this.dir, n));
  }

  /** The newest backup that parses as a document. */
  async newestGood(): Promise<string | undefined> {
    for (const file of await this.list()) {
      try {
        parseDocument(await fs.readFile(file, 'utf8'));
        return file;
      } catch {
        // a bad backup: try the one before
      }
    }
    return undefined;
  }
}

async function exists(file: string): Promise<boolean> {
  return fs.access(file).then(
    () => true,
    () => false,
  );
}

/** Copy to a temp name, fsync, rename, fsync the directory: a backup with its final name is whole. */
async function copyDurably(from: string, to: string): Promise<void> {
  const tmp = `${to}.tmp-${process.pid}`;
  await fs.copyFile(from, tmp);
  const fh = await fs.open(tmp, 'r+');
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
  await fs.rename(tmp, to);
  await syncDirectory(path.dirname(to));
}
