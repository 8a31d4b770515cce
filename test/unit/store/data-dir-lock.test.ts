/**
 * The DATA_DIR lock is not fooled by a reused pid: a lock naming a live but
 * unrelated process (this test runner, pid 1) is stale; a lock held by a live
 * holder is refused; a holder in another pid namespace is judged by its heartbeat.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DataDirLock } from '../../../src/store/lowdb/data-dir-lock.js';
import { judgeLock, parseLockFile, type JudgeContext, type LockRecord } from '../../../src/store/lowdb/judge-lock.js';
import { currentProcessIdentity, readStartTime } from '../../../src/store/lowdb/process-identity.js';
import { LowdbStore } from '../../../src/store/lowdb/lowdb-store.js';
import { DataDirLockedError } from '../../../src/store/lowdb/store-errors.js';
import { makeTempDir } from '../../support/temp-dir.js';

const here = currentProcessIdentity();
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

async function dataDir() {
  const t = await makeTempDir('motcua-lock-');
  cleanups.push(t.remove);
  return t.dir;
}

const record = (over: Partial<LockRecord>): LockRecord => ({
  program: 'motcua-bot',
  ...here,
  token: 'someone-elses-token',
  hostname: os.hostname(),
  startedAt: '2026-01-01T00:00:00.000Z',
  ...over,
});

const writeLock = (dir: string, content: string) => fs.writeFile(path.join(dir, 'motcua.lock'), content);

describe('DATA_DIR lock on this machine', () => {
  it('reads the start time of a process from /proc (field 22)', () => {
    expect(here.startTime).toMatch(/^\d+$/);
    expect(readStartTime(process.pid)).toBe(here.startTime);
    expect(readStartTime(1)).toMatch(/^\d+$/);
    expect(readStartTime(2 ** 22 + 12345)).toBeUndefined();
  });

  it('takes over a lock naming a live but unrelated pid: the test runner, pid 1, our own earlier life', async () => {
    const stale = [
      // This test runner is alive, but it is not the process that wrote the lock (another start time).
      JSON.stringify(record({ pid: process.ppid, startTime: '1' })),
      JSON.stringify(record({ pid: 1, startTime: String(Number(readStartTime(1)) + 1) })),
      // Our own pid, with a token this process never held: a container restart reused the pid.
      JSON.stringify(record({ pid: process.pid })),
      // Older versions wrote the pid alone; pid 1 here is not a node process.
      '1\n',
    ];
    for (const content of stale) {
      const dir = await dataDir();
      await writeLock(dir, content);
      const store = await LowdbStore.open({ dataDir: dir, backupIntervalMs: 0 });
      const lock = JSON.parse(await fs.readFile(path.join(dir, 'motcua.lock'), 'utf8')) as LockRecord;
      expect(lock).toMatchObject({ program: 'motcua-bot', pid: process.pid, startTime: here.startTime });
      await store.close();
      await expect(fs.stat(path.join(dir, 'motcua.lock'))).rejects.toMatchObject({ code: 'ENOENT' });
    }
  });

  it('refuses a lock whose holder is alive (same pid and start time), and a second open in this process', async () => {
    const dir = await dataDir();
    const parent = record({ pid: process.ppid, startTime: readStartTime(process.ppid) });
    await writeLock(dir, JSON.stringify(parent));
    const err = await LowdbStore.open({ dataDir: dir }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DataDirLockedError);
    expect((err as Error).message).toContain(`(pid ${process.ppid})`);
    await fs.unlink(path.join(dir, 'motcua.lock'));

    const store = await LowdbStore.open({ dataDir: dir, backupIntervalMs: 0 });
    await expect(LowdbStore.open({ dataDir: dir })).rejects.toBeInstanceOf(DataDirLockedError);
    await store.close();
  });

  it('waits for a lock held from another pid namespace while its heartbeat is fresh, then refuses; takes it once the heartbeat stopped', async () => {
    const dir = await dataDir();
    const file = path.join(dir, 'motcua.lock');
    await writeLock(dir, JSON.stringify(record({ pid: 7, pidNamespace: 'pid:[1]' })));
    // A live foreign holder keeps touching the file.
    const beat = setInterval(() => void fs.utimes(file, new Date(), new Date()).catch(() => undefined), 50);
    const waits: string[] = [];
    const started = Date.now();
    const err = await DataDirLock.acquire(dir, file, { heartbeatMs: 100, staleMs: 600, onWait: (m) => waits.push(m) }).catch((e: unknown) => e);
    clearInterval(beat);
    expect(err).toBeInstanceOf(DataDirLockedError);
    expect((err as Error).message).toContain('another container');
    expect(Date.now() - started).toBeGreaterThanOrEqual(600);
    expect(waits).toHaveLength(1);

    // The holder died: no more heartbeats. The lock is taken once it is older than staleMs.
    const lock = await DataDirLock.acquire(dir, file, { heartbeatMs: 100, staleMs: 600 });
    expect(JSON.parse(await fs.readFile(file, 'utf8')).pid).toBe(process.pid);
    lock.release();
  });

  it('the holder touches its lock file (the heartbeat another container looks at)', async () => {
    const dir = await dataDir();
    const file = path.join(dir, 'motcua.lock');
    const lock = await DataDirLock.acquire(dir, file, { heartbeatMs: 50 });
    const old = new Date(Date.now() - 60_000);
    await fs.utimes(file, old, old);
    await new Promise((r) => setTimeout(r, 300));
    expect(Date.now() - (await fs.stat(file)).mtimeMs).toBeLessThan(5_000);
    lock.release();
  });
});

describe('judgeLock', () => {
  const ctx = (over: Partial<JudgeContext> = {}): JudgeContext => ({
    here: { pid: 100, startTime: '500', bootId: 'boot-a', pidNamespace: 'pid:[1]' },
    ageMs: 1000,
    staleMs: 30_000,
    heldTokens: new Set(),
    pidExists: () => true,
    readStartTime: () => '400',
    readCommand: () => 'node dist/main.js',
    ...over,
  });
  const rec = (over: Partial<LockRecord> = {}) =>
    parseLockFile(JSON.stringify({ ...record({}), pid: 42, startTime: '400', bootId: 'boot-a', pidNamespace: 'pid:[1]', ...over }));

  it('live: same boot, same namespace, the pid runs with the recorded start time', () => {
    expect(judgeLock(rec(), ctx())).toMatchObject({ live: true, pid: 42 });
  });

  it('stale: dead pid, reused pid, another boot, unreadable file', () => {
    expect(judgeLock(rec(), ctx({ pidExists: () => false })).live).toBe(false);
    expect(judgeLock(rec(), ctx({ readStartTime: () => '401' }))).toMatchObject({ live: false, why: expect.stringContaining('another process') });
    expect(judgeLock(rec({ bootId: 'boot-b' }), ctx()).live).toBe(false);
    expect(judgeLock(parseLockFile('{"half'), ctx()).live).toBe(false);
  });

  it('our own pid: live only for a token this process holds', () => {
    expect(judgeLock(rec({ pid: 100, token: 't1' }), ctx()).live).toBe(false);
    expect(judgeLock(rec({ pid: 100, token: 't1' }), ctx({ heldTokens: new Set(['t1']) })).live).toBe(true);
  });

  it('another pid namespace: live while the heartbeat is fresh', () => {
    const foreign = rec({ pidNamespace: 'pid:[2]' });
    expect(judgeLock(foreign, ctx({ ageMs: 5_000 }))).toMatchObject({ live: true, foreign: true });
    expect(judgeLock(foreign, ctx({ ageMs: 31_000 }))).toMatchObject({ live: false, foreign: true });
  });

  it('an older version’s bare pid: live only if that pid runs a node program', () => {
    expect(judgeLock(parseLockFile('42\n'), ctx()).live).toBe(true);
    expect(judgeLock(parseLockFile('42\n'), ctx({ readCommand: () => '/bin/bash' })).live).toBe(false);
    expect(judgeLock(parseLockFile('42\n'), ctx({ pidExists: () => false })).live).toBe(false);
    expect(judgeLock(parseLockFile('100\n'), ctx()).live).toBe(false);
  });
});
