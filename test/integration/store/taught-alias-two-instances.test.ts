/**
 * "This means procedure …" across instances: two bots on one PostgreSQL database
 * and one OA (emulator), each with its own pool and its own taught-alias cache.
 * A question neither could answer is taught on A from the admin API: A answers it
 * right on the next try at once, B as soon as its cache has re-read the store.
 * Untaught on B, both answer honestly again.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PgStore } from '../../../src/store/postgres/pg-store.js';
import { NOT_IN_CATALOG_LEAD } from '../../../src/dialog/fallback.js';
import { createTestDatabase, type TestDatabase } from '../../support/postgres-test-db.js';
import { startTestBot, TEST_ADMIN_TOKEN, type TestBot } from '../../support/start-test-bot.js';
import { waitFor } from '../../support/wait-for.js';
import { readWireMessage } from '../conversations/wire-message.js';

const KHAI_SINH = '1.001193';
const QUESTION = 'làm giấy tờ cho đứa nhỏ mới chào đời';
const quiet = { warn: () => undefined };

let db: TestDatabase;
const bots: TestBot[] = [];

beforeAll(async () => {
  db = await createTestDatabase('taught_aliases');
  for (const instance of ['bot-a', 'bot-b']) {
    const store = await PgStore.open({ connectionString: db.url, poolMax: 4, log: quiet });
    // One OA: either instance's outbox worker may deliver any reply (the outbox is shared).
    const env = { INSTANCE_ID: instance, TAUGHT_REFRESH_MS: '300', LOG_LEVEL: process.env.DEBUG_LOG ?? 'silent' };
    bots.push(await startTestBot({ store, env, emulator: bots[0]?.emulator }));
  }
}, 120_000);

afterAll(async () => {
  // B first: A owns the emulator and closes it.
  for (const b of [...bots].reverse()) await b.stop();
  await db?.drop();
});

/** The citizen writes to this bot; resolves with the text of the reply (all its parts). */
async function ask(bot: TestBot, userId: string, text: string, expected: string): Promise<string> {
  const before = bot.emulator.outbound(userId).length;
  // The load balancer sends this webhook call to `bot`.
  bot.emulator.setWebhookUrl(`${bot.url}/webhooks/zalo`);
  await bot.emulator.userSays(userId, text);
  return waitFor(
    () => {
      const reply = bot.emulator.outbound(userId).slice(before).map((m) => readWireMessage(m).text).join('\n');
      return reply.includes(expected) || reply.includes(NOT_IN_CATALOG_LEAD) ? reply : undefined;
    },
    { timeoutMs: 15_000, what: `a reply to "${text}"` },
  );
}

async function admin(bot: TestBot, method: string, path: string, body?: unknown): Promise<{ status: number; json: any }> {
  const res = await fetch(`${bot.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, json: res.status === 204 ? null : await res.json() };
}

describe('a procedure name taught from the console, two instances on PostgreSQL', { timeout: 90_000 }, () => {
  it('is answered right on the next try by both instances, and can be taken back', async () => {
    const [a, b] = bots as [TestBot, TestBot];
    expect(await ask(a, 'citizen-a', QUESTION, `Mã thủ tục: ${KHAI_SINH}`)).toContain(NOT_IN_CATALOG_LEAD);
    expect(await ask(b, 'citizen-b', QUESTION, `Mã thủ tục: ${KHAI_SINH}`)).toContain(NOT_IN_CATALOG_LEAD);

    // Both instances logged the question in the shared store: one group, asked twice.
    const list = await admin(a, 'GET', '/api/admin/unanswered');
    expect(list.json.groups).toHaveLength(1);
    expect(list.json.groups[0]).toMatchObject({ sample: QUESTION, count: 2 });
    const taught = await admin(a, 'POST', '/api/admin/unanswered/teach', { alias: 'đứa nhỏ mới chào đời', code: KHAI_SINH, questions: list.json.groups[0].questions });
    expect(taught.status).toBe(201);

    // A: at once.
    expect(await ask(a, 'citizen-a', QUESTION, `Mã thủ tục: ${KHAI_SINH}`)).toContain(`Mã thủ tục: ${KHAI_SINH}`);
    // B: once its cache has re-read the store (TAUGHT_REFRESH_MS), the first try is right.
    await waitFor(() => b.services.taught.current().length === 1, { timeoutMs: 5_000, what: 'B to read the taught name' });
    const onB = await ask(b, 'citizen-b', 'đứa nhỏ mới chào đời thì cần giấy tờ gì', `Mã thủ tục: ${KHAI_SINH}`);
    expect(onB).toContain(`Mã thủ tục: ${KHAI_SINH}`);
    expect(onB).not.toContain(NOT_IN_CATALOG_LEAD);

    // Visible from either instance; the group left the to-do list.
    const fromB = await admin(b, 'GET', '/api/admin/unanswered');
    expect(fromB.json.groups).toEqual([]);
    expect(fromB.json.taught.map((t: { alias: string }) => t.alias)).toEqual(['đứa nhỏ mới chào đời']);

    // Untaught on B: both answer honestly again.
    const key = encodeURIComponent(fromB.json.taught[0].key);
    expect((await admin(b, 'DELETE', `/api/admin/taught-aliases/${key}`)).status).toBe(204);
    await waitFor(() => a.services.taught.current().length === 0, { timeoutMs: 5_000, what: 'A to drop the taught name' });
    expect(await ask(a, 'citizen-a', QUESTION, `Mã thủ tục: ${KHAI_SINH}`)).toContain(NOT_IN_CATALOG_LEAD);
    expect(await ask(b, 'citizen-b', QUESTION, `Mã thủ tục: ${KHAI_SINH}`)).toContain(NOT_IN_CATALOG_LEAD);
  });
});
