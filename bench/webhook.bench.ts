/**
 * `npm run bench:webhook`: acknowledgement throughput and latency of the bot's
 * signed webhook against a bare Express handler, in the same run, with
 * autocannon (100 connections, ~10 s each, after a short warm-up).
 *
 * Every request is a correctly signed user_send_text with its own msg_id, so it
 * takes the real path: raw body, JSON, signature, timestamp window, parsing,
 * inbox write (the default store: lowdb in a temp DATA_DIR, fsynced), then
 * processing, NLU and a reply through the outbox to the in-process OA emulator
 * (rate limit lifted so the replies drain instead of piling up).
 *
 * Env: BENCH_SECONDS (default 10), BENCH_CONNECTIONS (default 100), BENCH_USERS (default 500),
 * BENCH_STORE=memory to take the store's writes out of the picture (diagnosis only; the figures to
 * quote use the default store).
 */
import { emulatorEnv } from '../src/platform/zalo/emulator/emulator-env.js';
import { createHash, randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import express from 'express';
import { startBot } from '../src/start-bot.js';
import { createOaEmulator } from '../src/platform/zalo/emulator/oa-emulator.js';
import { MemoryStore } from '../src/store/memory-store.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 100);
const USERS = Number(process.env.BENCH_USERS ?? 500);

interface Figures {
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
  total: number;
}

function signedRequestFactory(appId: string, secret: string) {
  let n = 0;
  return () => {
    n++;
    const body = JSON.stringify({
      app_id: appId,
      user_id_by_app: `bench-app-${n % USERS}`,
      event_name: 'user_send_text',
      timestamp: String(Date.now()),
      sender: { id: `bench-user-${n % USERS}` },
      recipient: { id: '2979513920347201234' },
      message: { text: n % 2 ? 'xin chào' : 'làm căn cước công dân cần giấy tờ gì', msg_id: `${randomBytes(8).toString('hex')}${n}` },
    });
    const ts = JSON.parse(body).timestamp as string;
    const signature = `mac=${createHash('sha256').update(appId + body + ts + secret).digest('hex')}`;
    return { body, headers: { 'content-type': 'application/json', 'x-zevent-signature': signature } };
  };
}

async function run(url: string, seconds: number, makeRequest: () => { body: string; headers: Record<string, string> }): Promise<Figures> {
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: seconds,
    requests: [
      {
        method: 'POST',
        path: '/webhooks/zalo',
        setupRequest: (req) => ({ ...req, ...makeRequest() }),
      },
    ],
  });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    total: result.requests.total,
  };
}

async function startBare(): Promise<{ url: string; server: Server }> {
  const app = express();
  app.post('/webhooks/zalo', express.raw({ type: () => true, limit: '256kb' }), (_req, res) => {
    res.status(200).json({ ok: true });
  });
  const server = createServer(app);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

const fmt = (f: Figures) =>
  `${f.rps.toFixed(0).padStart(7)} req/s   p50 ${String(f.p50).padStart(4)} ms   p99 ${String(f.p99).padStart(4)} ms   (${f.total} requests, non-2xx ${f.non2xx}, errors ${f.errors})`;

async function main() {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'motcua-bench-'));
  const emulator = await createOaEmulator({ port: 0, rateLimitPerMinute: 1e9 });
  const bot = await startBot({
    env: {
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'error',
      DATA_DIR: dataDir,
      ...emulatorEnv(emulator),
    },
    emulator,
    ...(process.env.BENCH_STORE === 'memory' ? { store: new MemoryStore() } : {}),
  });
  // The bench posts events itself (not through emulator.userSays), so tell the emulator
  // these users wrote recently: it refuses consultation messages otherwise (-230).
  for (let u = 0; u < USERS; u++) emulator.setLastInteraction(`bench-user-${u}`, new Date());
  const bare = await startBare();
  const makeRequest = signedRequestFactory(emulator.appId, emulator.oaSecretKey);
  try {
    process.stdout.write(`webhook benchmark: ${CONNECTIONS} connections, ${SECONDS} s each, store ${bot.services.store.kind}, node ${process.version}\n`);
    await run(bare.url, 2, makeRequest); // warm-up
    const bareFig = await run(bare.url, SECONDS, makeRequest);
    const warm = await run(bot.url, 2, makeRequest); // warm-up (its events are handled too)
    const botFig = await run(bot.url, SECONDS, makeRequest);
    const accepted = warm.total + botFig.total;
    // Let the handling catch up, to report the whole path and check nothing piles up.
    const drainStart = Date.now();
    let stats = await bot.services.store.tx((t) => t.outboxStats());
    while ((stats.pending > 0 || stats.sending > 0 || bot.inbox.busy > 0) && Date.now() - drainStart < 120_000) {
      await new Promise((r) => setTimeout(r, 250));
      stats = await bot.services.store.tx((t) => t.outboxStats());
    }
    const drainMs = Date.now() - drainStart;
    const replies = emulator.outbound().length;
    const inboxPending = (await bot.services.store.tx((t) => t.listPendingInbound('9999', 100_000))).length;

    process.stdout.write(`\n  bare express handler   ${fmt(bareFig)}\n`);
    process.stdout.write(`  bot /webhooks/zalo     ${fmt(botFig)}\n\n`);
    const ratio = botFig.rps / bareFig.rps;
    process.stdout.write(`  throughput ratio bot/bare: ${ratio.toFixed(3)}  (target >= 0.50: ${ratio >= 0.5 ? 'met' : 'NOT met'})\n`);
    process.stdout.write(`  bot p99: ${botFig.p99} ms  (target < 50 ms: ${botFig.p99 < 50 ? 'met' : 'NOT met'})\n`);
    process.stdout.write(
      `  after the runs: ${replies} OA messages sent for ${accepted} events acknowledged (warm-up included); outbox drained in ${(drainMs / 1000).toFixed(1)} s ` +
        `(outbox pending ${stats.pending}, sending ${stats.sending}, failed ${stats.failed}, sent ${stats.sent}; inbox events not yet handled ${inboxPending})\n`,
    );
  } finally {
    await new Promise<void>((r) => bare.server.close(() => r()));
    await bot.stop();
    await emulator.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

await main();
