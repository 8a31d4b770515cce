/**
 * The lowdb journal (src/store/lowdb/journal.ts): commits append to the journal
 * and leave the snapshot alone; a torn last entry is dropped with a warning; a
 * damaged entry in the middle is a refusal; compaction and restart keep the data;
 * a crash at any moment (simulated by copying the files) loads the acknowledged state.
 */
import { mkdtempSync, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LowdbStore } from '../../../src/store/lowdb/lowdb-store.js';
import { CorruptJournalError } from '../../../src/store/lowdb/store-errors.js';
import { parseJournal } from '../../../src/store/lowdb/journal.js';
import { inbound } from './store-records.js';

const tempDir = () => mkdtempSync(path.join(os.tmpdir(), 'motcua-journal-'));
const quiet = { warn: () => undefined };
const J = (dir: string) => path.join(dir, 'motcua.journal');
const S = (dir: string) => path.join(dir, 'motcua.json');

async function put(store: LowdbStore, from: number, n: number, pad = 0): Promise<void> {
  await Promise.all(
    Array.from({ length: n }, (_, k) =>
      store.tx((t) => t.putInbound(inbound(`k${from + k}`, { event: { pad: 'x'.repeat(pad) } }))),
    ),
  );
}

async function keys(store: LowdbStore): Promise<string[]> {
  return [...store.data.inbound.keys()].sort();
}

/** Copy the files as a crash at this moment would leave them (every acknowledged write is on disk). */
async function crashCopy(dir: string): Promise<string> {
  const to = tempDir();
  for (const f of ['motcua.json', 'motcua.journal']) await fs.copyFile(path.join(dir, f), path.join(to, f)).catch(() => undefined);
  return to;
}

const range = (from: number, n: number) => Array.from({ length: n }, (_, k) => `k${from + k}`).sort();

describe('lowdb journal', () => {
  it('a commit appends one entry to the journal and does not rewrite the snapshot', async () => {
    const dir = tempDir();
    const store = await LowdbStore.open({ dataDir: dir, backupIntervalMs: 0 });
    const before = await fs.stat(S(dir));
    await put(store, 0, 1);
    await store.tx((t) => t.deleteConversation('nobody')); // a deletion is a write too
    await store.tx((t) => t.getInbound('k0')); // read-only: no entry
    const lines = (await fs.readFile(J(dir), 'utf8')).split('\n').filter(Boolean);
    expect(lines).toHaveLength(2);
    expect(JSON.parse(lines[0]!)).toMatchObject({ seq: 1, w: [['inbound', 'k0', { key: 'k0' }]] });
    expect(JSON.parse(lines[1]!)).toMatchObject({ seq: 2, w: [['conversations', 'nobody']] });
    const after = await fs.stat(S(dir));
    expect([after.ino, after.mtimeMs]).toEqual([before.ino, before.mtimeMs]);
    // Crash now: the snapshot + journal give the acknowledged state.
    const copy = await LowdbStore.open({ dataDir: await crashCopy(dir), backupIntervalMs: 0 });
    expect(await keys(copy)).toEqual(['k0']);
    await copy.close();
    await store.close();
    // close() compacts: the snapshot has everything, the journal is empty.
    expect(await fs.readFile(J(dir), 'utf8')).toBe('');
    expect(JSON.parse(await fs.readFile(S(dir), 'utf8'))).toMatchObject({ journalSeq: 2, inbound: { k0: { key: 'k0' } } });
  });

  it('ignores a torn last entry with a warning and drops it from the journal', async () => {
    const dir = tempDir();
    const store = await LowdbStore.open({ dataDir: dir, backupIntervalMs: 0 });
    await put(store, 0, 3);
    const crashed = await crashCopy(dir);
    await store.close();
    const text = await fs.readFile(J(crashed), 'utf8');
    const lines = text.split('\n').filter(Boolean);
    expect(lines).toHaveLength(3);
    // A crash in the middle of appending the third entry (and power loss leaving zeros after it).
    const torn = `${lines[0]}\n${lines[1]}\n${lines[2]!.slice(0, 40)}\0\0\0\0`;
    await fs.writeFile(J(crashed), torn);
    const warnings: unknown[] = [];
    const reopened = await LowdbStore.open({ dataDir: crashed, backupIntervalMs: 0, log: { warn: (o, m) => warnings.push([o, m]) } });
    expect((await keys(reopened)).length).toBe(2);
    expect(JSON.stringify(warnings)).toMatch(/torn entry.*never acknowledged/);
    expect(JSON.stringify(warnings)).toContain('"line":3');
    // It is gone for good: the journal restarts after the entries kept.
    await put(reopened, 10, 1);
    await reopened.close();
    const again = await LowdbStore.open({ dataDir: crashed, backupIntervalMs: 0, log: quiet });
    expect((await keys(again)).length).toBe(3);
    await again.close();
  });

  it('refuses a damaged entry in the middle, naming the journal, the line and the remedy, and changes nothing', async () => {
    const dir = tempDir();
    const store = await LowdbStore.open({ dataDir: dir, backupIntervalMs: 0 });
    await put(store, 0, 1);
    await put(store, 1, 1);
    await put(store, 2, 1);
    const crashed = await crashCopy(dir);
    await store.close();
    const lines = (await fs.readFile(J(crashed), 'utf8')).split('\n');
    lines[1] = lines[1]!.replace('"k1"', '"k9"'); // still JSON: only the checksum sees it
    const broken = lines.join('\n');
    await fs.writeFile(J(crashed), broken);
    const snapshot = await fs.readFile(S(crashed), 'utf8');
    const err = await LowdbStore.open({ dataDir: crashed, backupIntervalMs: 0, log: quiet }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CorruptJournalError);
    const msg = (err as Error).message;
    expect(msg).toContain(J(crashed));
    expect(msg).toContain('line 2');
    expect(msg).toContain('checksum mismatch');
    expect(msg).toContain(`truncate -s ${lines[0]!.length + 1}`);
    expect(await fs.readFile(J(crashed), 'utf8')).toBe(broken); // untouched
    expect(await fs.readFile(S(crashed), 'utf8')).toBe(snapshot);
    // Not even on a second try (the refusal released the lock).
    await expect(LowdbStore.open({ dataDir: crashed, log: quiet })).rejects.toBeInstanceOf(CorruptJournalError);
  });

  it('refuses a journal that does not continue the snapshot (an old snapshot put back)', async () => {
    const dir = tempDir();
    const store = await LowdbStore.open({ dataDir: dir, backupIntervalMs: 0 });
    await put(store, 0, 2);
    const old = await fs.readFile(S(dir), 'utf8'); // journalSeq 0
    await store.close(); // compacted: journalSeq 2, journal empty
    const store2 = await LowdbStore.open({ dataDir: dir, backupIntervalMs: 0 });
    await put(store2, 5, 1); // entry 3
    const crashed = await crashCopy(dir);
    await store2.close();
    await fs.writeFile(S(crashed), old);
    await expect(LowdbStore.open({ dataDir: crashed, log: quiet })).rejects.toThrow(
      /continues at entry 3 but the snapshot ends at entry 0.*mv /s,
    );
  });

  it('compacts past the size limit while commits go on, and a restart (clean or crashed) keeps everything', async () => {
    const dir = tempDir();
    const store = await LowdbStore.open({ dataDir: dir, backupIntervalMs: 0, compactBytes: 20_000 });
    const crashes: { dir: string; n: number }[] = [];
    const snapshots = new Set<number>();
    for (let round = 0; round < 12; round++) {
      await put(store, round * 10, 10, 500); // ~6 KB per round: a compaction every few rounds
      crashes.push({ dir: await crashCopy(dir), n: (round + 1) * 10 });
      snapshots.add(store.journalState.snapshotSeq);
    }
    expect(snapshots.size).toBeGreaterThan(2); // compacted on its own, several times
    await store.compact();
    expect(store.journalState.snapshotSeq).toBe(120);
    expect(store.journalState.bytes).toBeLessThan(30_000);
    for (const c of crashes) {
      const s = await LowdbStore.open({ dataDir: c.dir, backupIntervalMs: 0 });
      expect(await keys(s)).toEqual(range(0, c.n));
      await s.close();
    }
    await store.close();
    const again = await LowdbStore.open({ dataDir: dir, backupIntervalMs: 0 });
    expect(await keys(again)).toEqual(range(0, 120));
    expect(again.journalState).toMatchObject({ bytes: 0, snapshotSeq: 120, seq: 120 });
    await again.close();
  });

  it('a crash between the snapshot and the journal swap loads the same state (entries already in the snapshot are skipped)', async () => {
    const dir = tempDir();
    const store = await LowdbStore.open({ dataDir: dir, backupIntervalMs: 0 });
    await put(store, 0, 3);
    const journalBefore = await fs.readFile(J(dir));
    await store.compact(); // snapshot: journalSeq 3
    await put(store, 3, 2); // entries 4, 5
    const crashed = await crashCopy(dir);
    await store.close();
    // The old journal (entries 1-3) followed by 4, 5: as if the swap never happened.
    await fs.writeFile(J(crashed), Buffer.concat([journalBefore, await fs.readFile(J(crashed))]));
    expect(parseJournal(await fs.readFile(J(crashed))).entries.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]);
    const s = await LowdbStore.open({ dataDir: crashed, backupIntervalMs: 0 });
    expect(await keys(s)).toEqual(range(0, 5));
    expect(s.journalState.seq).toBe(5);
    await s.close();
  });

  it('pruning in housekeep is journaled', async () => {
    const dir = tempDir();
    let now = new Date('2026-06-01T00:00:00.000Z');
    const store = await LowdbStore.open({ dataDir: dir, backupIntervalMs: 0, clock: () => now });
    await store.tx((t) => t.putInbound(inbound('old', { status: 'done', receivedAt: '2026-06-01T00:00:00.000Z' })));
    now = new Date('2026-06-20T00:00:00.000Z');
    await store.housekeep();
    const crashed = await crashCopy(dir);
    await store.close();
    const s = await LowdbStore.open({ dataDir: crashed, backupIntervalMs: 0, clock: () => new Date('2026-06-01T00:00:00.000Z') });
    expect(await keys(s)).toEqual([]);
    await s.close();
  });
});
