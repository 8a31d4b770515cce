/**
 * Notification load harness (bench/notify.bench.ts and the crash test): a bot
 * as a child process on lowdb, the OA emulator in this process failing a share
 * of sends, status events posted through the feed, optional SIGKILL + restart
 * of the bot during the run. Counts what reached the OA per (user, dossier, status).
 */
import { emulatorEnv } from '../src/platform/zalo/emulator/emulator-env.js';
import type { RecordedOutbound } from '../src/platform/zalo/emulator/emulator-handle.js';
import { createOaEmulator, type OaEmulator } from '../src/platform/zalo/emulator/oa-emulator.js';
import { createStore } from '../src/store/create-store.js';
import { freePort, spawnBot, type SpawnedBot } from '../test/support/spawn-bot.js';
import { REPO_ROOT } from '../src/catalog/repo-paths.js';
import path from 'node:path';

export interface NotifyLoadOptions {
  dataDir: string;
  dossiers: number;
  /** Share of OA send calls that fail (5xx, timeouts, -32 rate limits). */
  faultRate: number;
  /** SIGKILL + restart the bot this many times, spread over the deliveries. */
  kills: number;
  /** Parallel feed clients (each posts one dossier's events in order). */
  feedConcurrency?: number;
  drainTimeoutMs?: number;
  /** Short timeout faults: the emulator hangs this long, then drops the connection. */
  hangMs?: number;
  /**
   * Share of dossiers (0–1) whose applicant consented to ZNS and never chatted: no
   * subscriber, told by ZNS (received at creation, documents, result) through the
   * emulator's ZNS host with fixtures/zns-templates.example.json. Default 0.
   */
  znsShare?: number;
  log?: (line: string) => void;
}

export interface NotifyLoadReport {
  events: number;
  redeliveredEvents: number;
  expected: number;
  /** Of which ZNS (to phones) and OA (to subscribers). */
  expectedZns: number;
  deliveredZns: number;
  delivered: number;
  sends: number;
  failedCalls: number;
  outboxAttempts: number;
  lost: number;
  duplicates: number;
  duplicateKeys: string[];
  unexpected: number;
  kills: number;
  drainMs: number;
  feedRetries: number;
}

const INGEST_KEY = 'bench-ingest-key';
/** Per dossier: 5 events (processing, documents requested, processing, progress, result); 5 and 9 notify. */
const PLAN = [4, 5, 4, 4, 9] as const;
const NOTIFYING = new Set([5, 9]);

const codeOf = (i: number) => `000.00.12.H12-261123-${String(i + 1).padStart(5, '0')}`;
const userOf = (i: number) => `bench-user-${i + 1}`;
/** A distinct phone per dossier; the emulator records a ZNS to a phone nobody shared as user `zns:84…`. */
const phoneOf = (i: number) => `09${String(10_000_000 + i).slice(-8)}`;
const znsUserOf = (i: number) => `zns:84${phoneOf(i).slice(1)}`;
/** Every k-th dossier is a ZNS one, k from the share (0 = none). */
const isZnsDossier = (i: number, share: number) => share > 0 && i % Math.round(1 / share) === 0;

/** Which notification an OA message is: user|code|status (null when not one of ours). */
export function notificationKey(rec: RecordedOutbound): string | null {
  const text = JSON.stringify(rec.message);
  const code = /(\d{3}\.\d{2}\.\d{2}\.H12-\d{6}-\d{5})/.exec(text)?.[1];
  if (!code) return null;
  const status = /cần bổ sung/.test(text) ? 5 : /nghĩa vụ tài chính/.test(text) ? 6 : /đã có kết quả/.test(text) ? 9 : /đã tiếp nhận hồ sơ/.test(text) ? 2 : 0;
  return `${rec.userId}|${code}|${status}`;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function runNotifyLoad(opts: NotifyLoadOptions): Promise<NotifyLoadReport> {
  const log = opts.log ?? (() => {});
  const share = opts.znsShare ?? 0;
  // ZNS delivery receipts on (redelivered after 30 s while the bot is down, as Zalo does): an
  // interrupted ZNS is resolved by its receipt instead of being sent again. A receipt reports
  // delivery to the phone, so it comes a moment after the acceptance, not 20 ms after [guess: 1 s].
  const emulator = await createOaEmulator({ port: 0, rateLimitPerMinute: 1_000_000_000, znsDailyQuota: 1_000_000_000, znsReceiptDelayMs: 1000 });
  const now = new Date();
  for (let i = 0; i < opts.dossiers; i++) emulator.setLastInteraction(userOf(i), now);
  await seedSubscribers(opts.dataDir, opts.dossiers, now, (i) => !isZnsDossier(i, share));

  const port = await freePort();
  const env = { ...botEnv(emulator, opts.dataDir, port), ...(share > 0 ? { ZNS_TEMPLATES_FILE: path.join(REPO_ROOT, 'fixtures', 'zns-templates.example.json') } : {}) };
  let bot: SpawnedBot = await spawnBot({ env });
  emulator.setWebhookUrl(`${bot.url}/webhooks/zalo`);

  const counts = new Map<string, number>();
  let sends = 0;
  let failedCalls = 0;
  const faultKinds = [
    { kind: 'http' as const, status: 500 },
    { kind: 'http' as const, status: 503 },
    { kind: 'timeout' as const, hangMs: opts.hangMs ?? 300 },
    { kind: 'api' as const, code: -32 },
  ];
  // Each accepted send queues a fault with probability r/(1-r): about r of all calls fail.
  const pFault = opts.faultRate / (1 - opts.faultRate);
  emulator.events.on('outbound', (rec: RecordedOutbound) => {
    sends++;
    const key = notificationKey(rec);
    if (key) counts.set(key, (counts.get(key) ?? 0) + 1);
    if (Math.random() < pFault) {
      failedCalls++;
      emulator.injectFault({ ...faultKinds[Math.floor(Math.random() * faultKinds.length)], times: 1 });
    }
  });

  const expectedKeys = new Set<string>();
  const znsKeys = new Set<string>();
  for (let i = 0; i < opts.dossiers; i++) {
    if (isZnsDossier(i, share)) {
      // Received at creation (template '2'), documents (5) and result (9), each by ZNS.
      for (const s of [2, 5, 9]) znsKeys.add(`${znsUserOf(i)}|${codeOf(i)}|${s}`);
    } else for (const s of PLAN) if (NOTIFYING.has(s)) expectedKeys.add(`${userOf(i)}|${codeOf(i)}|${s}`);
  }
  for (const k of znsKeys) expectedKeys.add(k);
  const deliveredCount = () => [...expectedKeys].filter((k) => counts.has(k)).length;

  const started = Date.now();
  let feedRetries = 0;
  let redelivered = 0;
  const post = async (method: string, path: string, body: unknown) => {
    for (;;) {
      try {
        const res = await fetch(`http://127.0.0.1:${port}${path}`, {
          method,
          headers: { 'content-type': 'application/json', authorization: `Bearer ${INGEST_KEY}` },
          body: JSON.stringify(body),
        });
        if (res.ok) return (await res.json()) as { duplicate?: boolean };
        if (res.status < 500) throw new Error(`${method} ${path}: HTTP ${res.status} ${await res.text()}`);
      } catch (err) {
        if ((err as Error).message.startsWith(method)) throw err;
      }
      feedRetries++; // bot down (killed) or overloaded: the one-stop system retries
      await sleep(100);
    }
  };

  let next = 0;
  const feedWorker = async () => {
    for (let i = next++; i < opts.dossiers; i = next++) {
      const code = codeOf(i);
      await post('PUT', `/api/v1/dossiers/${code}`, {
        procedureCode: '1.001193',
        applicant: { fullName: 'Trần Thị Bình', phone: phoneOf(i) },
        ...(isZnsDossier(i, share) ? { consent: { zns: true } } : {}),
        receivedAt: '2026-11-23T08:00:00+07:00',
        appointmentDate: '2026-11-27',
      });
      for (let k = 0; k < PLAN.length; k++) {
        const ev = { eventId: `${code}:${k}`, status: PLAN[k], at: new Date(Date.parse('2026-11-23T09:00:00+07:00') + k * 60_000).toISOString(), note: `Ghi chú ${k}` };
        const r = await post('POST', `/api/v1/dossiers/${code}/events`, ev);
        if (r.duplicate) redelivered++;
        // Every 20th event is delivered twice, as a one-stop system retrying would.
        if ((i * PLAN.length + k) % 20 === 0) {
          const again = await post('POST', `/api/v1/dossiers/${code}/events`, ev);
          if (again.duplicate) redelivered++;
        }
      }
    }
  };
  const feeding = Promise.all(Array.from({ length: opts.feedConcurrency ?? 48 }, feedWorker)).then(() =>
    log(`  all events posted after ${Date.now() - started} ms (${deliveredCount()} delivered by then)`),
  );

  let kills = 0;
  const deadline = started + (opts.drainTimeoutMs ?? 300_000);
  let lastReport = Date.now();
  while (deliveredCount() < expectedKeys.size && Date.now() < deadline) {
    if (Date.now() - lastReport > 15_000) {
      lastReport = Date.now();
      log(`  … ${Math.round((Date.now() - started) / 1000)} s: ${Math.min(next, opts.dossiers)}/${opts.dossiers} dossiers fed, ${deliveredCount()}/${expectedKeys.size} delivered`);
    }
    if (kills < opts.kills && deliveredCount() >= (expectedKeys.size * (kills + 1)) / (opts.kills + 1) - expectedKeys.size * 0.15) {
      kills++;
      log(`  SIGKILL #${kills} at ${deliveredCount()}/${expectedKeys.size} delivered`);
      await bot.kill();
      bot = await spawnBot({ env });
      log(`  restarted (${Date.now() - started} ms into the run)`);
    }
    await sleep(50);
  }
  const drainMs = Date.now() - started;
  await feeding;
  await sleep(1500); // anything still in flight shows up as a duplicate
  await bot.stop();
  await emulator.close();

  const outboxAttempts = await sumAttempts(opts.dataDir);
  const duplicateKeys = [...counts].filter(([k, n]) => expectedKeys.has(k) && n > 1).map(([k]) => k);
  return {
    events: opts.dossiers * PLAN.length,
    redeliveredEvents: redelivered,
    expected: expectedKeys.size,
    expectedZns: znsKeys.size,
    deliveredZns: [...znsKeys].filter((k) => counts.has(k)).length,
    delivered: deliveredCount(),
    sends,
    failedCalls,
    outboxAttempts,
    lost: expectedKeys.size - deliveredCount(),
    duplicates: [...counts].reduce((s, [k, n]) => s + (expectedKeys.has(k) ? n - 1 : 0), 0),
    duplicateKeys,
    unexpected: [...counts.keys()].filter((k) => !expectedKeys.has(k)).length,
    kills,
    drainMs,
    feedRetries,
  };
}

function botEnv(emulator: OaEmulator, dataDir: string, port: number): Record<string, string> {
  return {
    PORT: String(port),
    DATA_DIR: dataDir,
    LOG_LEVEL: 'error',
    ...emulatorEnv(emulator),
    INGEST_API_KEY: INGEST_KEY,
    ADMIN_TOKEN: 'bench-admin',
    NOTIFY_BASE_DELAY_MS: '100',
    NOTIFY_MAX_ATTEMPTS: '12',
    NOTIFY_LEASE_MS: '10000',
    // Long enough for the receipt redelivered 30 s after a crash; the default (360 s) also covers the 5-min one.
    ZNS_RECEIPT_WAIT_SECONDS: '60',
  };
}

/** Profiles inside the window and one subscriber per dossier, written before the bot starts. */
async function seedSubscribers(dataDir: string, dossiers: number, now: Date, subscribed: (i: number) => boolean): Promise<void> {
  const store = await createStore({ dataDir, DATABASE_URL: undefined, DATABASE_POOL_MAX: 1 });
  try {
    await store.tx(async (t) => {
      for (let i = 0; i < dossiers; i++) {
        if (!subscribed(i)) continue;
        const at = now.toISOString();
        await t.putProfile({ userId: userOf(i), lastInteractionAt: at, follower: true, updatedAt: at });
        await t.addSubscription({ code: codeOf(i), userId: userOf(i), createdAt: at });
      }
    });
  } finally {
    await store.close();
  }
}

async function sumAttempts(dataDir: string): Promise<number> {
  const store = await createStore({ dataDir, DATABASE_URL: undefined, DATABASE_POOL_MAX: 1 });
  try {
    const items = await store.tx((t) => t.listOutbox({ limit: 1_000_000 }));
    return items.reduce((s, i) => s + i.attempts, 0);
  } finally {
    await store.close();
  }
}
