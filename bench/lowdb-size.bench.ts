/**
 * `npm run bench:lowdb`: what a large lowdb store costs the event loop.
 * Real turns (catalog, NLU, dialog) on real citizen questions fill a LowdbStore
 * with BENCH_MESSAGES messages (default 60,000) from BENCH_USERS users; their
 * replies are marked sent as the outbox worker would. Then, while a webhook-like
 * writer keeps inserting inbox events, the store compacts and writes a backup;
 * we report the snapshot size, the longest event-loop block, the slowest "ack"
 * (an inbox insert made durable) and the process's peak RSS. Prints numbers;
 * asserts nothing.
 *
 * The longest block is the longest gap between the ticks of a 1 ms interval
 * timer. perf_hooks.monitorEventLoopDelay is printed too, but on Node 20 it
 * misses a single long block (a 1 s busy loop reads as ~6 ms), so it is not the figure to quote.
 *
 * Real turns are slow, so BENCH_SAMPLE distinct turns (default 2,000) are run and
 * their records (inbox event, reply, turn log) are repeated with new ids up to
 * BENCH_MESSAGES, through ordinary transactions of 200 messages each.
 * `node --expose-gc` (NODE_OPTIONS) adds the heap the store holds after a full GC.
 */
import { readFileSync, mkdtempSync, statSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { randomUUID } from 'node:crypto';
import { LowdbStore } from '../src/store/lowdb/lowdb-store.js';
import { processInbound } from '../src/dialog/process-inbound.js';
import { createServices } from '../src/create-services.js';
import { loadConfig } from '../src/config/load-config.js';
import { createLogger } from '../src/logger.js';
import type { InboundEventRecord, OutboxItem, TurnLogEntry } from '../src/store/records.js';
import type { OaEvent } from '../src/platform/zalo/events.js';
import type { Services } from '../src/services.js';
import { FakeOaSender } from '../test/support/make-test-services.js';
import { sharedCatalogAndNlu } from '../test/support/shared-catalog.js';
import { loopGaps } from '../test/support/event-loop-gaps.js';

const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 60_000);
const USERS = Number(process.env.BENCH_USERS ?? 6_000);
const SAMPLE = Math.min(MESSAGES, Number(process.env.BENCH_SAMPLE ?? 2_000));
const FIXTURES = path.join(path.dirname(new URL(import.meta.url).pathname), '../test/fixtures/nlu');

function questions(): string[] {
  const out: string[] = [];
  for (const f of readdirSync(FIXTURES).filter((n) => n.endsWith('.tsv')).sort()) {
    for (const line of readFileSync(path.join(FIXTURES, f), 'utf8').split('\n').slice(1)) {
      const text = line.split('\t')[0]?.trim();
      if (text) out.push(text);
    }
  }
  return out;
}

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

/** The larger collections of a snapshot: how many records, how many bytes of JSON. */
function snapshotComposition(text: string): string {
  const doc = JSON.parse(text) as Record<string, unknown>;
  return Object.entries(doc)
    .filter(([, v]) => v && typeof v === 'object')
    .map(([name, v]) => ({ name, n: Object.keys(v as object).length, bytes: Buffer.byteLength(JSON.stringify(v)) }))
    .filter((c) => c.bytes > 100_000)
    .sort((a, b) => b.bytes - a.bytes)
    .map((c) => `${c.name} ${c.n} / ${mb(c.bytes)}`)
    .join(', ');
}

/**
 * Steps 1 and 2 (module doc): SAMPLE real turns, then their records repeated up
 * to MESSAGES, replies marked sent. Returns the mean turn time (ms). Everything
 * it builds is garbage when it returns: only the store keeps the records.
 */
async function fill(store: LowdbStore, services: Services, texts: string[], t0: number): Promise<number> {
  const userOf = (i: number) => `bench-user-${i % USERS}`;
  // 1. Real turns.
  const samples: { inbound: InboundEventRecord; reply?: OutboxItem; turn?: TurnLogEntry }[] = [];
  for (let i = 0; i < SAMPLE; i++) {
    const userId = userOf(i);
    const event: OaEvent = { kind: 'user_send_text', appId: 'bench', oaId: 'oa', timestamp: String(Date.now()), userId, msgId: randomUUID(), text: texts[i % texts.length]! };
    const key = `user_send_text:${userId}:${event.msgId}`;
    await store.tx((t) => t.insertInbound({ key, eventName: 'user_send_text', userId, event, receivedAt: new Date().toISOString(), status: 'pending', attempts: 0 }));
    await processInbound(services, key, userId);
    samples.push(
      await store.tx(async (t) => ({
        inbound: (await t.getInbound(key))!,
        reply: (await t.listOutbox({ userId, limit: 1 }))[0],
      })),
    );
  }
  const turns = await store.tx((t) => t.listTurnLog('0'));
  samples.forEach((s, i) => (s.turn = turns[i]));
  const turnMs = (performance.now() - t0) / SAMPLE;

  // 2. The rest: the sampled records again under new ids, 200 messages per transaction.
  for (let i = SAMPLE; i < MESSAGES; i += 200) {
    await store.tx(async (t) => {
      for (let j = i; j < Math.min(MESSAGES, i + 200); j++) {
        const s = samples[j % SAMPLE]!;
        const userId = userOf(j);
        const msgId = randomUUID();
        const key = `user_send_text:${userId}:${msgId}`;
        await t.putInbound({ ...s.inbound, key, userId, event: s.inbound.event === null ? null : { ...(s.inbound.event as object), userId, msgId } });
        if (s.reply) await t.addOutbox([{ ...s.reply, id: randomUUID(), dedupeKey: `reply:${key}`, userId, seq: await t.nextCounter('outbox_seq') }]);
        if (s.turn) await t.addTurnLog({ ...s.turn, userId });
      }
    });
  }
  // Replies delivered, as the outbox worker would record them.
  const nowIso = new Date().toISOString();
  const unsent = await store.tx((t) => t.listOutbox({ status: 'pending', limit: 1_000_000 }));
  for (let i = 0; i < unsent.length; i += 500) {
    await store.tx(async (t) => {
      for (const item of unsent.slice(i, i + 500)) {
        await t.putOutbox({ ...item, status: 'sent', sentParts: item.parts.length, sentAt: nowIso, attempts: 1, via: 'cs', oaMessageIds: item.parts.map(() => randomUUID()) });
      }
    });
  }
  return turnMs;
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'motcua-bench-lowdb-'));
  const store = await LowdbStore.open({ dataDir, backupIntervalMs: 0, compactIntervalMs: 0, compactBytes: 2 ** 40 });
  const config = loadConfig({ ZALO_APP_ID: 'bench', ZALO_OA_SECRET_KEY: 's', ZALO_ACCESS_TOKEN: 'at', LOG_LEVEL: 'silent' });
  const services = await createServices(config, { store, oa: new FakeOaSender(), log: createLogger({ level: 'silent' }), ...(await sharedCatalogAndNlu()) });
  (globalThis as { gc?: () => void }).gc?.();
  const rssBase = process.memoryUsage().rss; // catalog and NLU loaded, store empty
  const heapBase = process.memoryUsage().heapUsed;
  const t0 = performance.now();

  const turnMs = await fill(store, services, questions(), t0);
  await store.compact();
  const fillS = (performance.now() - t0) / 1000;
  const snapshotBytes = statSync(path.join(dataDir, 'motcua.json')).size;
  const composition = snapshotComposition(readFileSync(path.join(dataDir, 'motcua.json'), 'utf8'));
  const rssAfterFill = process.memoryUsage().rss;
  // What the store really holds: the heap after a full collection (run with --expose-gc), minus the empty store's.
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const heapFilled = process.memoryUsage().heapUsed;

  // 3. Compaction and backup under webhook-like writes.
  let acking = true;
  let acks = 0;
  let slowestAck = 0;
  const acker = (async () => {
    while (acking) {
      const a0 = performance.now();
      await store.tx((t) => t.insertInbound({ key: `ack:${randomUUID()}`, eventName: 'user_send_text', userId: 'ack', event: { text: 'xin chào' }, receivedAt: new Date().toISOString(), status: 'done', attempts: 0 }));
      slowestAck = Math.max(slowestAck, performance.now() - a0);
      acks++;
      await new Promise((r) => setTimeout(r, 5));
    }
  })();
  const loop = monitorEventLoopDelay({ resolution: 5 });
  loop.enable();
  const gaps = loopGaps();
  await new Promise((r) => setTimeout(r, 200));
  loop.reset();
  gaps.reset();
  const c0 = performance.now();
  await store.compact();
  const compactMs = performance.now() - c0;
  const compactBlock = gaps.max;
  const compactEld = loop.max / 1e6;
  loop.reset();
  gaps.reset();
  const b0 = performance.now();
  await store.housekeep();
  const backupMs = performance.now() - b0;
  const backupBlock = gaps.max;
  const backupEld = loop.max / 1e6;
  loop.disable();
  gaps.stop();
  acking = false;
  await acker;
  await store.close();

  const o0 = performance.now();
  const reopened = await LowdbStore.open({ dataDir, backupIntervalMs: 0, compactIntervalMs: 0 });
  const openMs = performance.now() - o0;
  await reopened.close();
  rmSync(dataDir, { recursive: true, force: true }); // hundreds of MB with the backups
  const peakRss = process.resourceUsage().maxRSS * 1024;

  console.log(`\nmachine: ${os.cpus().length} CPUs, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  console.log(`lowdb size bench: ${MESSAGES} messages from ${USERS} users (${SAMPLE} real turns, ${turnMs.toFixed(1)} ms each; filled in ${fillS.toFixed(0)} s)`);
  console.log('| snapshot | compaction: time / longest loop block | backup: time / longest loop block | slowest ack | RSS empty / filled / peak | open |');
  console.log('|---:|---:|---:|---:|---:|---:|');
  console.log(
    `| ${mb(snapshotBytes)} MB | ${compactMs.toFixed(0)} ms / ${compactBlock.toFixed(0)} ms | ${backupMs.toFixed(0)} ms / ${backupBlock.toFixed(0)} ms | ` +
      `${slowestAck.toFixed(0)} ms (${acks} acks) | ${mb(rssBase)} / ${mb(rssAfterFill)} / ${mb(peakRss)} MB | ${openMs.toFixed(0)} ms |`,
  );
  if (gc) console.log(`heap after a full GC: ${mb(heapBase)} MB empty, ${mb(heapFilled)} MB filled (the store: ${mb(heapFilled - heapBase)} MB)`);
  console.log(`(monitorEventLoopDelay max, for the record: compaction ${compactEld.toFixed(0)} ms, backup ${backupEld.toFixed(0)} ms)`);
  console.log(`snapshot by collection (records, MB): ${composition}`);
}

await main();
