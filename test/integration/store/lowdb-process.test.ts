/**
 * lowdb at the process level: a second process on the same DATA_DIR is refused,
 * a truncated file is refused naming the newest good backup, and SIGKILL during
 * writes never loses an acknowledged write nor leaves an unreadable file.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { LowdbStore } from '../../../src/store/lowdb/lowdb-store.js';
import { CorruptDataFileError, DataDirLockedError } from '../../../src/store/lowdb/store-errors.js';

const CHILD = path.join(path.dirname(fileURLToPath(import.meta.url)), 'lowdb-child.ts');
const children: ChildProcess[] = [];

function startChild(dataDir: string, ...args: string[]) {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dataDir, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let out = '';
  let err = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (err += d));
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  const waitFor = async (pred: (out: string) => boolean) => {
    while (!pred(out)) {
      if (child.exitCode !== null) throw new Error(`child exited ${child.exitCode}: ${err}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  };
  return { child, exited, waitFor, out: () => out, err: () => err };
}

afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
});

const tempDir = () => mkdtempSync(path.join(os.tmpdir(), 'motcua-lowdb-proc-'));

describe('lowdb store across processes', () => {
  it('refuses a second process on the same DATA_DIR, naming the holder, and takes over a dead holder’s lock', async () => {
    const dir = tempDir();
    const first = startChild(dir, 'hold');
    await first.waitFor((o) => o.includes('ready'));
    const second = startChild(dir, 'hold');
    expect(await second.exited).toBe(3);
    expect(second.err()).toContain(`in use by another motcua-bot process (pid ${first.child.pid})`);
    await expect(LowdbStore.open({ dataDir: dir })).rejects.toBeInstanceOf(DataDirLockedError);
    first.child.kill('SIGKILL');
    await first.exited;
    const store = await LowdbStore.open({ dataDir: dir }); // stale lock: its pid is dead
    await store.close();
  });

  it('refuses a truncated data file and names the newest good backup', async () => {
    const dir = tempDir();
    const store = await LowdbStore.open({ dataDir: dir, backupIntervalMs: 0 });
    await store.tx((t) => t.putConversation({ userId: 'u1', failures: 0, updatedAt: '2026-01-01T00:00:00.000Z' }));
    const backup = await store.housekeep();
    await store.close();
    const file = path.join(dir, 'motcua.json');
    const text = await fs.readFile(file, 'utf8');
    await fs.writeFile(file, text.slice(0, Math.floor(text.length / 2)));
    const err = await LowdbStore.open({ dataDir: dir }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CorruptDataFileError);
    expect((err as Error).message).toContain(file);
    expect((err as Error).message).toContain(backup);
    expect(await fs.readFile(file, 'utf8')).toBe(text.slice(0, Math.floor(text.length / 2))); // untouched
    // The named backup restores the data.
    await fs.copyFile(backup, file);
    const restored = await LowdbStore.open({ dataDir: dir });
    expect(await restored.tx((t) => t.getConversation('u1'))).toBeDefined();
    await restored.close();
  });

  it('refuses to start empty when the data file is gone but backups exist', async () => {
    const dir = tempDir();
    await (await LowdbStore.open({ dataDir: dir })).close();
    await fs.unlink(path.join(dir, 'motcua.json'));
    await expect(LowdbStore.open({ dataDir: dir })).rejects.toThrow(/missing but backups exist.*backups/s);
  });

  it('SIGKILL during writes, 15 times: the file always loads and every acknowledged write is there', async () => {
    await killLoop(15, () => undefined);
  }, 120_000);

  it('SIGKILL during journal appends and compactions, 20 times: every acknowledged write is there', async () => {
    // ~2 KB per entry, compaction past 24 KB: a compaction every dozen commits, so kills land in all its steps.
    const compactions = await killLoop(20, (round) => (round % 4 === 3 ? undefined : String(12_000 + round * 1000)));
    expect(compactions).toBeGreaterThan(0);
  }, 180_000);
});

/** Start a writer, SIGKILL it after a varying number of acks, reopen and check every ack; returns compactions seen. */
async function killLoop(rounds: number, compactBytes: (round: number) => string | undefined): Promise<number> {
  const dir = tempDir();
  let next = 0;
  let totalAcked = 0;
  let compactions = 0;
  let seqBefore = 0;
  for (let round = 0; round < rounds; round++) {
    const small = compactBytes(round);
    const writer = startChild(dir, 'write', String(next), ...(small ? [small] : []));
    await writer.waitFor((o) => o.split('\n').length > 5 + ((round * 7) % 40));
    writer.child.kill('SIGKILL');
    await writer.exited;
    const acked = writer.out().split('\n').filter((l) => /^\d+$/.test(l)).map(Number);
    totalAcked += acked.length;
    const snapshotSeq = async () =>
      (JSON.parse(await fs.readFile(path.join(dir, 'motcua.json'), 'utf8')) as { journalSeq?: number }).journalSeq ?? 0;
    if ((await snapshotSeq()) > seqBefore) compactions++; // a compaction finished before the kill
    const store = await LowdbStore.open({ dataDir: dir, backupIntervalMs: 0, log: { warn: () => undefined } });
    const missing = await store.tx(async (t) => {
      const out: number[] = [];
      for (const i of acked) if (!(await t.getInbound(`k${i}`))) out.push(i);
      return out;
    });
    await store.close();
    expect(missing).toEqual([]);
    seqBefore = await snapshotSeq();
    next = Math.max(next, ...acked) + 100;
  }
  expect(totalAcked).toBeGreaterThan(rounds * 5);
  return compactions;
}
