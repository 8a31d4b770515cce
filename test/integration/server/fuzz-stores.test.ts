/**
 * A seeded fuzz of everything the bot takes from outside, on lowdb and on PostgreSQL:
 * signed webhook events with hostile texts and ids, unsigned and malformed webhook
 * bodies, the dossier feed and the admin API with junk paths, queries and bodies.
 * No answer may be a 5xx, none may hang, and a normal question afterwards is answered.
 * Bounded in time (about 20 s a store), the same inputs every run (fixed seed).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PgStore } from '../../../src/store/postgres/pg-store.js';
import type { Store } from '../../../src/store/port.js';
import { createTestDatabase, type TestDatabase } from '../../support/postgres-test-db.js';
import { startTestBot, TEST_ADMIN_TOKEN, TEST_INGEST_KEY, type TestBot } from '../../support/start-test-bot.js';
import { fuzzJson, fuzzString, pick, seededRng, type Rng } from '../../support/fuzz-values.js';
import { waitFor } from '../../support/wait-for.js';

const SEED = 20261202;
const BUDGET_MS = 20_000;
const MAX_REQUESTS = 1500;
const REQUEST_TIMEOUT_MS = 5_000;

const ADMIN_GETS = ['/api/admin/dossiers', '/api/admin/outbox', '/api/admin/handoffs', '/api/admin/feedback', '/api/admin/unanswered', '/api/admin/stats', '/api/admin/catalog/procedures', '/api/admin/satisfaction'];

const UNRESERVED = /[A-Za-z0-9\-._~]/;
function percentEncode(s: string): string {
  let out = '';
  for (const b of new TextEncoder().encode(s)) {
    const c = String.fromCharCode(b);
    out += b < 0x80 && UNRESERVED.test(c) ? c : `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

interface Outcome {
  what: string;
  status: number;
}

async function send(bot: TestBot, rng: Rng): Promise<Outcome> {
  const kind = rng();
  // Percent-encoded UTF-8 (a lone surrogate becomes U+FFFD here; raw "%ED%A0%80" pieces still reach the server), "%25" sometimes left bare.
  const enc = (s: string) => percentEncode(s.slice(0, 200)).replace(/%25/g, pick(rng, ['%', '%25']));
  const timeout = AbortSignal.timeout(REQUEST_TIMEOUT_MS);
  if (kind < 0.4) {
    // A correctly signed event, its fields hostile.
    const text = fuzzString(rng, 60);
    const userId = rng() < 0.2 ? pick(rng, ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) : `fuzz-${Math.floor(rng() * 50)}`;
    const payload: Record<string, unknown> = {
      event_name: rng() < 0.85 ? 'user_send_text' : fuzzString(rng, 3),
      sender: { id: rng() < 0.95 ? userId : fuzzJson(rng) },
      recipient: { id: '2979513920347201234' },
      message: rng() < 0.9 ? { text, msg_id: rng() < 0.9 ? `m${Math.floor(rng() * 1e9)}` : fuzzJson(rng) } : fuzzJson(rng),
      user_id_by_app: `app-${userId}`,
    };
    const r = await bot.emulator.postEvent(payload);
    return { what: `signed event ${JSON.stringify(payload).slice(0, 120)}`, status: r.status };
  }
  if (kind < 0.55) {
    // Unsigned or malformed webhook bodies.
    const body = rng() < 0.5 ? JSON.stringify(fuzzJson(rng)) : fuzzString(rng, 80);
    const headers: Record<string, string> = { 'content-type': pick(rng, ['application/json', 'text/plain', 'application/x-www-form-urlencoded']) };
    if (rng() < 0.5) headers['x-zevent-signature'] = `mac=${fuzzString(rng, 5)}`.replace(/[^\x20-\x7e]/g, 'x');
    const res = await fetch(`${bot.url}/webhooks/zalo`, { method: 'POST', body, headers, signal: timeout });
    await res.arrayBuffer();
    return { what: `webhook body ${body.slice(0, 80)}`, status: res.status };
  }
  if (kind < 0.8) {
    // The dossier feed: junk codes in the path, junk bodies, sometimes a plausible one.
    const code = rng() < 0.3 ? `000.00.12.H12-240315-${String(Math.floor(rng() * 1e4)).padStart(4, '0')}` : fuzzString(rng, 20);
    const plausible = { procedureCode: '1.001193', applicantName: fuzzString(rng, 10), phone: fuzzString(rng, 4), status: Math.floor(rng() * 12), note: fuzzString(rng, 20) };
    const body = JSON.stringify(rng() < 0.5 ? plausible : fuzzJson(rng));
    const path = `/api/v1/dossiers/${enc(code)}${rng() < 0.5 ? '/events' : ''}`;
    const res = await fetch(`${bot.url}${path}`, {
      method: path.endsWith('/events') ? 'POST' : 'PUT',
      body,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${rng() < 0.9 ? TEST_INGEST_KEY : 'wrong'}` },
      signal: timeout,
    });
    await res.arrayBuffer();
    return { what: `feed ${path.slice(0, 80)} ${body.slice(0, 80)}`, status: res.status };
  }
  // The admin API: searches and paths with junk.
  const path = rng() < 0.6 ? `${pick(rng, ADMIN_GETS)}?q=${enc(fuzzString(rng, 20))}&limit=${enc(fuzzString(rng, 2))}` : `/api/admin/dossiers/${enc(fuzzString(rng, 20))}`;
  const res = await fetch(`${bot.url}${path}`, { headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}` }, signal: timeout });
  await res.arrayBuffer();
  return { what: `admin ${path.slice(0, 100)}`, status: res.status };
}

function fuzzSuite(name: string, makeStore: () => Promise<{ store?: Store; lowdb?: boolean; cleanup(): Promise<void> }>) {
  describe(`fuzz: ${name}`, () => {
    let bot: TestBot;
    let cleanup: () => Promise<void> = async () => undefined;
    beforeAll(async () => {
      const s = await makeStore();
      cleanup = s.cleanup;
      bot = await startTestBot({ ...(s.store ? { store: s.store } : {}), lowdb: s.lowdb });
    }, 120_000);
    afterAll(async () => {
      await bot?.stop();
      await cleanup();
    });

    it('answers no request with a 5xx, none hangs, and a normal question is answered afterwards', async () => {
      const rng = seededRng(SEED);
      const started = Date.now();
      const failures: Outcome[] = [];
      let sent = 0;
      while (sent < MAX_REQUESTS && Date.now() - started < BUDGET_MS) {
        const batch = await Promise.all(Array.from({ length: 4 }, () => send(bot, rng)));
        sent += batch.length;
        failures.push(...batch.filter((o) => o.status >= 500 || o.status === 0));
      }
      expect(failures, JSON.stringify(failures.slice(0, 5))).toEqual([]);
      expect(sent).toBeGreaterThan(100);
      const health = await fetch(`${bot.url}/healthz`, { signal: AbortSignal.timeout(1000) });
      expect(health.status).toBe(200);
      await bot.emulator.userSays('fuzz-after', 'lệ phí đăng ký tạm trú bao nhiêu');
      const replies = await waitFor(
        () => {
          const out = bot.emulator.outbound('fuzz-after');
          return out.some((r) => JSON.stringify(r.message).includes('Mã thủ tục: 1.004194')) ? out : undefined;
        },
        { timeoutMs: 30_000, what: 'the answer to a normal question after the fuzz' },
      );
      expect(replies.length).toBeGreaterThan(0);
    }, 120_000);
  });
}

fuzzSuite('lowdb', async () => ({ lowdb: true, cleanup: async () => undefined }));

let db: TestDatabase | undefined;
fuzzSuite('PostgreSQL', async () => {
  db = await createTestDatabase('fuzz');
  const store = await PgStore.open({ connectionString: db.url, log: { warn: () => undefined } });
  return {
    store,
    cleanup: async () => {
      await db?.drop();
    },
  };
});
