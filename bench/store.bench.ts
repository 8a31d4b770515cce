/**
 * `npm run bench:store`: webhook acknowledgement throughput (signed events,
 * autocannon) and notification throughput (status events → delivered by the
 * OA emulator) on lowdb, PostgreSQL with one instance, PostgreSQL with two.
 * PostgreSQL: BENCH_DATABASE_URL (admin URL of a server) or a throwaway cluster
 * with fsync on (a fair comparison: lowdb fsyncs too). Prints numbers; asserts nothing.
 */
import autocannon from 'autocannon';
import { randomBytes } from 'node:crypto';
import { startPostgresCluster, type PostgresCluster } from '../test/support/postgres-cluster.js';
import { createDatabase } from '../test/support/postgres-database.js';
import { signEvent, userSendText } from '../test/support/sign-event.js';
import * as traffic from '../test/integration/store/two-instance-traffic.js';
import { INGEST, startSetup, type BenchSetup } from './store-bench-setup.js';
import { rawThroughput } from './store-raw.js';
import { LowdbStore } from '../src/store/lowdb/lowdb-store.js';
import { PgStore } from '../src/store/postgres/pg-store.js';
import type { Store } from '../src/store/port.js';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const DOSSIERS = Number(process.env.BENCH_DOSSIERS ?? 400);
const CHAT_USERS = 200;
const WEBHOOK_SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const CONNECTIONS = 20;

interface Row {
  label: string;
  webhookPerSec: number;
  webhookP99: number;
  notifyPerSec: number;
  rawInbox: number;
  rawTurn: number;
}

async function webhookThroughput(s: BenchSetup): Promise<{ perSec: number; p99: number }> {
  const ids = { appId: s.em.appId, oaSecretKey: s.em.oaSecretKey };
  const runs = s.bots.map((bot) =>
    autocannon({
      url: bot.url,
      connections: CONNECTIONS / s.bots.length,
      duration: WEBHOOK_SECONDS,
      requests: [
        {
          method: 'POST',
          path: '/webhooks/zalo',
          setupRequest: (req) => {
            // A new msg_id per request: each is a new event (a repeated one would only hit the dedupe).
            const userId = traffic.chatUserId(Math.floor(Math.random() * CHAT_USERS));
            const ev = userSendText({ appId: ids.appId, userId, text: 'xin chào', msgId: randomBytes(10).toString('hex') });
            const { body, headers } = signEvent(ev, ids.oaSecretKey);
            return { ...req, body, headers };
          },
        },
      ],
    }),
  );
  const results = await Promise.all(runs);
  const ok = results.reduce((n, r) => n + r['2xx'], 0);
  return { perSec: ok / WEBHOOK_SECONDS, p99: Math.max(...results.map((r) => r.latency.p99)) };
}

async function waitQuiet(s: BenchSetup, count: () => number, target?: number): Promise<void> {
  let last = -1;
  for (;;) {
    await new Promise((r) => setTimeout(r, target === undefined ? 2000 : 50));
    const n = count();
    if (target !== undefined ? n >= target : n === last) return;
    last = n;
  }
}

async function notifyThroughput(s: BenchSetup): Promise<number> {
  const codes = [...Array(DOSSIERS).keys()];
  await traffic.inParallel(codes, 16, async (i) => {
    await traffic.feed(s.bots[i % s.bots.length]!.url, INGEST, 'PUT', traffic.dossierCode(i), traffic.dossierBody());
  });
  const subscribers = new Set(codes.map(traffic.subscriberId));
  const delivered = () => s.em.outbound().filter((o) => subscribers.has(o.userId)).length;
  const t0 = performance.now();
  await traffic.inParallel(codes, 16, async (i) => {
    const [e1] = traffic.dossierEvents(i);
    await traffic.feed(s.bots[i % s.bots.length]!.url, INGEST, 'POST', `${traffic.dossierCode(i)}/events`, e1);
  });
  await waitQuiet(s, delivered, DOSSIERS);
  return DOSSIERS / ((performance.now() - t0) / 1000);
}

/** The store alone, in this process: one store, or two on one database (two instances). */
async function measureRaw(instances: 1 | 2, databaseUrl?: string) {
  const quiet = { warn: () => undefined };
  const stores: Store[] = [];
  for (let i = 0; i < instances; i++) {
    stores.push(
      databaseUrl
        ? await PgStore.open({ connectionString: databaseUrl, log: quiet })
        : await LowdbStore.open({ dataDir: mkdtempSync(path.join(os.tmpdir(), 'motcua-bench-raw-')), backupIntervalMs: 0 }),
    );
  }
  try {
    return await rawThroughput(stores);
  } finally {
    for (const s of stores) await s.close();
  }
}

async function measure(label: string, instances: 1 | 2, databaseUrl?: string): Promise<Row> {
  const raw = await measureRaw(instances, databaseUrl);
  const s = await startSetup({ label, instances, databaseUrl, dossiers: DOSSIERS, chatUsers: CHAT_USERS });
  try {
    const web = await webhookThroughput(s);
    await waitQuiet(s, () => s.em.outbound().length); // let the replies drain before the next phase
    const notifyPerSec = await notifyThroughput(s);
    return { label, webhookPerSec: web.perSec, webhookP99: web.p99, notifyPerSec, rawInbox: raw.inbox, rawTurn: raw.turn };
  } finally {
    await s.stop();
  }
}

async function main(): Promise<void> {
  let cluster: PostgresCluster | undefined;
  const adminUrl = process.env.BENCH_DATABASE_URL ?? (cluster = await startPostgresCluster({ durable: true })).url;
  try {
    const rows: Row[] = [];
    rows.push(await measure('lowdb, 1 instance', 1));
    rows.push(await measure('PostgreSQL, 1 instance', 1, (await createDatabase(adminUrl, 'bench1')).url));
    rows.push(await measure('PostgreSQL, 2 instances', 2, (await createDatabase(adminUrl, 'bench2')).url));
    const base = rows[0]!;
    console.log(`\nmachine: ${os.cpus().length} CPUs, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
    console.log(`store bench: ${WEBHOOK_SECONDS}s of signed webhooks (${CONNECTIONS} connections), ${DOSSIERS} status events → notifications`);
    console.log('| setup | webhook acks/s | webhook p99 ms | ratio | notifications/s | ratio | store alone: inbox tx/s | turn tx/s |');
    console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
    for (const r of rows) {
      console.log(
        `| ${r.label} | ${r.webhookPerSec.toFixed(0)} | ${r.webhookP99.toFixed(0)} | ${(r.webhookPerSec / base.webhookPerSec).toFixed(2)} | ` +
          `${r.notifyPerSec.toFixed(0)} | ${(r.notifyPerSec / base.notifyPerSec).toFixed(2)} | ${r.rawInbox.toFixed(0)} | ${r.rawTurn.toFixed(0)} |`,
      );
    }
  } finally {
    await cluster?.stop();
  }
}

await main();
