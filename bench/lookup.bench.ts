/**
 * `npm run bench:lookup`: does the chat lookup's reply time tell whether a dossier
 * code exists? A real store holds BENCH_SUBSCRIPTIONS subscriptions (default
 * 100,000: a quarter as many dossiers, 4 subscribers each). Then, alternately, a
 * new citizen asks "Tra cứu hồ sơ <code>" for a real code (not theirs: the bot asks
 * the challenge) and for an unknown code (the same challenge). Each turn runs end
 * to end through processInbound: NLU, the user's transaction, the reply written to
 * the outbox, the durable commit. lowdb always; PostgreSQL too (a throwaway
 * cluster, or BENCH_DATABASE_URL) unless BENCH_PG=0. Prints mean/p50/p99 per kind
 * and the differences; asserts nothing.
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/config/load-config.js';
import { createServices } from '../src/create-services.js';
import { processInbound } from '../src/dialog/process-inbound.js';
import { createLogger } from '../src/logger.js';
import type { UserSendText } from '../src/platform/zalo/events.js';
import type { Services } from '../src/services.js';
import { LowdbStore } from '../src/store/lowdb/lowdb-store.js';
import { PgStore } from '../src/store/postgres/pg-store.js';
import type { Store } from '../src/store/port.js';
import type { Dossier } from '../src/store/records.js';
import { FakeOaSender } from '../test/support/make-test-services.js';
import { startPostgresCluster, type PostgresCluster } from '../test/support/postgres-cluster.js';
import { createDatabase } from '../test/support/postgres-database.js';
import { sharedCatalogAndNlu } from '../test/support/shared-catalog.js';

const SUBSCRIPTIONS = Number(process.env.BENCH_SUBSCRIPTIONS ?? 100_000);
const PER_DOSSIER = 4;
const DOSSIERS = Math.ceil(SUBSCRIPTIONS / PER_DOSSIER);
const LOOKUPS = Number(process.env.BENCH_LOOKUPS ?? 1000);
const WARMUP = 40;
const BATCH = 2_500;

const knownCode = (i: number) => `000.00.12.H12-250601-${String(i).padStart(6, '0')}`;
/** Same shape as the real ones, never stored. */
const unknownCode = (i: number) => `000.00.12.H12-250602-${String(i).padStart(6, '0')}`;

function dossierAt(i: number, now: string): Dossier {
  const ev = (n: number, status: 2 | 4) => ({ eventId: `e${n}`, status, at: now, recordedAt: now, applied: true });
  return {
    code: knownCode(i),
    procedureCode: '1.001193',
    applicant: { fullName: 'Nguyễn Văn An', phone: `09${String(i).padStart(8, '0')}`, idNumber: `0010900${String(i).padStart(5, '0')}` },
    agency: 'UBND phường Ba Đình',
    channel: 'truc_tiep',
    receivedAt: now,
    appointmentDate: '2030-01-10',
    status: 4,
    state: 'processing',
    statusAt: now,
    history: [ev(1, 2), ev(2, 4)],
    createdAt: now,
    updatedAt: now,
  };
}

/** Through the port, a few batches at a time (PostgreSQL runs them on separate connections). */
async function seed(store: Store): Promise<void> {
  const now = new Date().toISOString();
  const starts = Array.from({ length: Math.ceil(DOSSIERS / BATCH) }, (_, b) => b * BATCH);
  const worker = async () => {
    for (let from = starts.shift(); from !== undefined; from = starts.shift()) {
      await store.tx(async (t) => {
        for (let i = from; i < Math.min(DOSSIERS, from + BATCH); i++) {
          await t.putDossier(dossierAt(i, now));
          for (let k = 0; k < PER_DOSSIER; k++) await t.addSubscription({ code: knownCode(i), userId: `subscriber-${i}-${k}`, createdAt: now });
        }
      });
    }
  };
  await Promise.all([worker(), worker(), worker(), worker()]);
}

async function servicesFor(store: Store): Promise<Services> {
  const config = loadConfig({ ZALO_APP_ID: 'bench-app', ZALO_OA_SECRET_KEY: 'bench-secret', ZALO_ACCESS_TOKEN: 'bench-at', LOG_LEVEL: 'silent' });
  return createServices(config, { store, oa: new FakeOaSender(), log: createLogger({ level: 'silent' }), ...(await sharedCatalogAndNlu()) });
}

let turn = 0;
/** One citizen's first message, handled the way the webhook hands it over; returns ms and the reply text. */
async function lookup(services: Services, code: string): Promise<{ ms: number; reply: string }> {
  const n = ++turn;
  const userId = `bench-citizen-${n}`;
  const event: UserSendText = {
    kind: 'user_send_text', appId: 'bench-app', oaId: 'oa', userId, timestamp: String(Date.now()), msgId: `m${n}`, text: `Tra cứu hồ sơ ${code}`,
  };
  const key = `user_send_text:${event.msgId}`;
  await services.store.tx((t) =>
    t.insertInbound({ key, eventName: event.kind, userId, event, receivedAt: new Date().toISOString(), status: 'pending', attempts: 0 }),
  );
  const t0 = performance.now();
  await processInbound(services, key, userId);
  const ms = performance.now() - t0;
  const item = (await services.store.tx((t) => t.listOutbox({ userId, limit: 1 })))[0];
  const first = item?.parts[0];
  return { ms, reply: first && 'text' in first ? first.text.replace(code, '<code>') : '' };
}

interface Stats {
  mean: number;
  p50: number;
  p99: number;
}

function stats(xs: number[]): Stats {
  const s = [...xs].sort((a, b) => a - b);
  const at = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))]!;
  return { mean: s.reduce((a, b) => a + b, 0) / s.length, p50: at(0.5), p99: at(0.99) };
}

/** Half-width of the 95% confidence interval of the mean (normal approximation; n is large). */
function ci95(xs: number[]): number {
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  const variance = xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (xs.length - 1);
  return 1.96 * Math.sqrt(variance / xs.length);
}

async function measure(label: string, store: Store): Promise<void> {
  const t0 = performance.now();
  await seed(store);
  const seeded = (performance.now() - t0) / 1000;
  const services = await servicesFor(store);
  const known: number[] = [];
  const unknown: number[] = [];
  const replies = new Set<string>();
  for (let i = 0; i < WARMUP + LOOKUPS; i++) {
    // Alternate, so both kinds see the same machine, journal size and GC.
    const pair = i % 2 === 0 ? ['k', 'u'] : ['u', 'k'];
    for (const kind of pair) {
      const r = await lookup(services, kind === 'k' ? knownCode((i * 7919) % DOSSIERS) : unknownCode(i));
      replies.add(r.reply);
      if (i >= WARMUP) (kind === 'k' ? known : unknown).push(r.ms);
    }
  }
  const k = stats(known);
  const u = stats(unknown);
  const f = (x: number) => x.toFixed(2);
  console.log(`\n${label}: ${SUBSCRIPTIONS.toLocaleString('en')} subscriptions on ${DOSSIERS.toLocaleString('en')} dossiers (seeded in ${seeded.toFixed(0)} s), ${LOOKUPS} lookups of each kind`);
  console.log(`replies: ${replies.size === 1 ? 'identical for both kinds (the challenge)' : `DIFFER: ${[...replies].join(' | ')}`}`);
  console.log('| code looked up | mean ms | p50 ms | p99 ms |');
  console.log('|---|---:|---:|---:|');
  console.log(`| real (not the citizen's) | ${f(k.mean)} | ${f(k.p50)} | ${f(k.p99)} |`);
  console.log(`| unknown | ${f(u.mean)} | ${f(u.p50)} | ${f(u.p99)} |`);
  console.log(`| difference (real − unknown) | ${f(k.mean - u.mean)} | ${f(k.p50 - u.p50)} | ${f(k.p99 - u.p99)} |`);
  // Each real lookup ran next to an unknown one: the paired differences cancel most of the machine's drift.
  const paired = known.map((x, i) => x - unknown[i]!);
  console.log(`paired difference (real − unknown, same round): mean ${f(stats(paired).mean)} ms ± ${f(ci95(paired))} (95% CI), median ${f(stats(paired).p50)} ms`);
}

async function main(): Promise<void> {
  console.log(`machine: ${os.cpus().length} CPUs, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  const lowdb = await LowdbStore.open({ dataDir: mkdtempSync(path.join(os.tmpdir(), 'motcua-bench-lookup-')), backupIntervalMs: 0 });
  try {
    await measure('lowdb', lowdb);
  } finally {
    await lowdb.close();
  }
  if (process.env.BENCH_PG === '0') return;
  let cluster: PostgresCluster | undefined;
  try {
    const adminUrl = process.env.BENCH_DATABASE_URL ?? (cluster = await startPostgresCluster({ durable: true })).url;
    const db = await createDatabase(adminUrl, 'lookup');
    const pg = await PgStore.open({ connectionString: db.url, log: { warn: () => undefined } });
    try {
      await measure('PostgreSQL', pg);
    } finally {
      await pg.close();
      await db.drop();
    }
  } finally {
    await cluster?.stop();
  }
}

await main();
