/**
 * No message can stop the bot, on lowdb and on PostgreSQL. A message whose turn
 * kills the process (SIGKILL mid-turn, like an out-of-memory kill) is counted
 * before each turn, so after 3 lives it is parked as failed with one apology and
 * the next life moves on; a message whose turn throws every time ends the same way.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { APOLOGY_TEXT, processInbound } from '../../../src/dialog/process-inbound.js';
import { InboxProcessor } from '../../../src/dialog/inbox-processor.js';
import type { Understander } from '../../../src/nlu/nlu-types.js';
import type { OaEvent } from '../../../src/platform/zalo/events.js';
import { LowdbStore } from '../../../src/store/lowdb/lowdb-store.js';
import { PgStore } from '../../../src/store/postgres/pg-store.js';
import type { Store } from '../../../src/store/port.js';
import { makeTestServices } from '../../support/make-test-services.js';
import { createTestDatabase, type TestDatabase } from '../../support/postgres-test-db.js';
import { waitFor } from '../../support/wait-for.js';

const CHILD = path.join(path.dirname(fileURLToPath(import.meta.url)), 'poison-child.ts');
const MINUTE = 60_000;

function runChild(spec: string, offsetMs: number): Promise<{ code: number | null; signal: NodeJS.Signals | null; out: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, spec, String(offsetMs)], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal, out })));
}

const textEvent = (userId: string, msgId: string, text: string): OaEvent => ({
  kind: 'user_send_text',
  appId: 'test-app',
  oaId: 'oa',
  timestamp: String(Date.now()),
  userId,
  msgId,
  text,
});

async function record(store: Store, key: string, event: OaEvent): Promise<void> {
  const receivedAt = new Date(Date.now() - MINUTE).toISOString();
  await store.tx((t) => t.insertInbound({ key, eventName: 'user_send_text', userId: event.userId, event, receivedAt, status: 'pending', attempts: 0 }));
}

interface Kind {
  name: string;
  /** Where the child finds the store, and how the test opens it (closed again before each child on lowdb). */
  spec(): Promise<string>;
  open(spec: string): Promise<Store>;
}

let db: TestDatabase | undefined;
afterAll(async () => {
  await db?.drop();
});

const KINDS: Kind[] = [
  {
    name: 'lowdb',
    spec: async () => `lowdb:${mkdtempSync(path.join(os.tmpdir(), 'motcua-poison-'))}`,
    open: (spec) => LowdbStore.open({ dataDir: spec.slice('lowdb:'.length), backupIntervalMs: 0 }),
  },
  {
    name: 'PostgreSQL',
    spec: async () => {
      db ??= await createTestDatabase('poison');
      return `pg:${db.url}`;
    },
    open: (spec) => PgStore.open({ connectionString: spec.slice(3), log: { warn: () => undefined } }),
  },
];

describe.each(KINDS)('poison events on $name', (kind) => {
  it('a message that kills the process mid-turn is counted each life, parked after 3 with one apology; the next life moves on', async () => {
    const spec = await kind.spec();
    const key = 'user_send_text:u-poison:p1';
    let store = await kind.open(spec);
    await record(store, key, textEvent('u-poison', 'p1', 'POISON xin chào'));
    await store.close();

    for (let life = 1; life <= 3; life++) {
      const run = await runChild(spec, life * 2 * MINUTE);
      expect(run.signal, run.out).toBe('SIGKILL');
      store = await kind.open(spec);
      const rec = await store.tx((t) => t.getInbound(key));
      expect(rec).toMatchObject({ status: 'pending', attempts: life });
      expect(rec?.lastAttemptAt).toBeDefined();
      if (life === 3) await record(store, 'user_send_text:u-ok:o1', textEvent('u-ok', 'o1', 'xin chào'));
      await store.close();
    }

    const fourth = await runChild(spec, 4 * 2 * MINUTE);
    expect(fourth.code, fourth.out).toBe(0);
    expect(fourth.out).toContain('swept 2');
    store = await kind.open(spec);
    try {
      expect(await store.tx((t) => t.getInbound(key))).toMatchObject({
        status: 'failed',
        attempts: 3,
        failedReason: 'gave up after 3 attempts; the process died or hung during the turn',
      });
      const apologies = await store.tx((t) => t.listOutbox({ userId: 'u-poison' }));
      expect(apologies.map((i) => i.parts)).toEqual([[{ kind: 'text', text: APOLOGY_TEXT }]]);
      expect(await store.tx((t) => t.getInbound('user_send_text:u-ok:o1'))).toMatchObject({ status: 'done' });
      expect(await store.tx((t) => t.listOutbox({ userId: 'u-ok' }))).toHaveLength(1);
      expect((await store.tx((t) => t.listFailedInbound(10))).map((r) => r.key)).toEqual([key]);
    } finally {
      await store.close();
    }

    const fifth = await runChild(spec, 5 * 2 * MINUTE);
    expect(fifth.out).toContain('swept 0');
    store = await kind.open(spec);
    expect(await store.tx((t) => t.listOutbox({ userId: 'u-poison' }))).toHaveLength(1);
    await store.close();
  }, 120_000);

  it('a message whose turn throws every time is parked after 3 sweeps with one apology', async () => {
    const spec = await kind.spec();
    const store = await kind.open(spec);
    let now = Date.now();
    const boom: Understander = {
      understand() {
        throw new Error('nlu exploded');
      },
    };
    const { services } = await makeTestServices({ store, nlu: boom, clock: () => new Date(now) });
    try {
      const key = 'user_send_text:u-boom:b1';
      await record(store, key, textEvent('u-boom', 'b1', 'xin chào'));
      const inbox = new InboxProcessor(services, { sweepAfterMs: 0 });
      for (let sweep = 1; sweep <= 5; sweep++) {
        await inbox.sweep();
        await waitFor(() => inbox.busy === 0);
        now += 2 * MINUTE;
      }
      expect(await store.tx((t) => t.getInbound(key))).toMatchObject({
        status: 'failed',
        attempts: 3,
        failedReason: 'gave up after 3 attempts; last error: handling user_send_text (user_send_text:u-boom:b1) failed: nlu exploded',
      });
      expect((await store.tx((t) => t.listOutbox({ userId: 'u-boom' }))).map((i) => i.parts)).toEqual([[{ kind: 'text', text: APOLOGY_TEXT }]]);
      expect(await processInbound(services, key)).toBe('already_done');
    } finally {
      await store.close();
    }
  }, 60_000);
});
