/**
 * Two bot processes on one PostgreSQL database, one OA emulator: webhook events
 * spread across both (the same msg_id to both at once), 1,000 status events
 * split across both (with redeliveries to the other one), the access token
 * expiring once. Every reply once, every notification once, one token refresh.
 */
import { emulatorEnv } from '../../../src/platform/zalo/emulator/emulator-env.js';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOaEmulator } from '../../../src/platform/zalo/emulator/oa-emulator.js';
import type { OaEmulatorHandle } from '../../../src/platform/zalo/emulator/emulator-handle.js';
import { PgStore } from '../../../src/store/postgres/pg-store.js';
import type { OutboxItem } from '../../../src/store/records.js';
import { createTestDatabase, type TestDatabase } from '../../support/postgres-test-db.js';
import { spawnBot, type SpawnedBot } from '../../support/spawn-bot.js';
import { newMsgId } from '../../support/sign-event.js';
import * as traffic from './two-instance-traffic.js';

const DOSSIERS = 500; // × 2 events = 1,000 status events
const CHAT_USERS = 30;
const INGEST = 'ingest-two-instances';

let db: TestDatabase;
let em: OaEmulatorHandle;
let store: PgStore;
const bots: SpawnedBot[] = [];

beforeAll(async () => {
  db = await createTestDatabase('two_instances');
  em = await createOaEmulator({ port: 0, accessToken: 'at-initial', refreshToken: 'rt-initial', rateLimitPerMinute: 1_000_000 });
  store = await PgStore.open({ connectionString: db.url, poolMax: 4, log: { warn: () => undefined } });
  const now = new Date().toISOString();
  // Subscribers who talked to the OA recently (consultation window open on both sides).
  for (let i = 0; i < DOSSIERS; i++) em.setLastInteraction(traffic.subscriberId(i), new Date());
  for (let i = 0; i < CHAT_USERS; i++) em.setLastInteraction(traffic.chatUserId(i), new Date());
  const env = {
    DATABASE_URL: db.url,
    DATABASE_POOL_MAX: '8',
    DATA_DIR: mkdtempSync(path.join(os.tmpdir(), 'motcua-two-')),
    ...emulatorEnv(em),
    ZALO_ACCESS_TOKEN: 'at-initial',
    ZALO_REFRESH_TOKEN: 'rt-initial',
    INGEST_API_KEY: INGEST,
    ADMIN_TOKEN: 'admin-two-instances',
    NOTIFY_BASE_DELAY_MS: '100',
  };
  bots.push(await spawnBot({ env: { ...env, INSTANCE_ID: 'bot-a' }, readyTimeoutMs: 150_000 }));
  bots.push(await spawnBot({ env: { ...env, INSTANCE_ID: 'bot-b' }, readyTimeoutMs: 150_000 }));
  await store.tx(async (t) => {
    for (let i = 0; i < DOSSIERS; i++) {
      await t.putProfile({ userId: traffic.subscriberId(i), lastInteractionAt: now, follower: true, updatedAt: now });
    }
  });
}, 330_000);

afterAll(async () => {
  await Promise.all(bots.map((b) => b.stop()));
  await store?.close();
  await em?.close();
  await db?.drop();
});

const url = (i: number) => bots[i % 2]!.url;

async function waitForOutboxDrained(expectItems: number): Promise<OutboxItem[]> {
  const deadline = Date.now() + 240_000;
  for (;;) {
    const items = await store.tx((t) => t.listOutbox({ limit: 100_000 }));
    const open = items.filter((i) => i.status !== 'sent' && i.status !== 'failed');
    if (items.length >= expectItems && open.length === 0) return items;
    if (Date.now() > deadline) {
      throw new Error(`outbox not drained: ${items.length} items, ${open.length} open\n${bots.map((b) => b.output().slice(-3000)).join('\n---\n')}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}

describe('two bot instances on one PostgreSQL', () => {
  it('sends every reply once, every notification once, and refreshes the OA token once', async () => {
    // Dossiers and subscriptions.
    await traffic.inParallel([...Array(DOSSIERS).keys()], 16, async (i) => {
      expect(await traffic.feed(url(i), INGEST, 'PUT', traffic.dossierCode(i), traffic.dossierBody())).toBe(200);
    });
    await store.tx(async (t) => {
      for (let i = 0; i < DOSSIERS; i++) {
        await t.addSubscription({ code: traffic.dossierCode(i), userId: traffic.subscriberId(i), createdAt: new Date().toISOString() });
      }
    });

    // Chat: each user sends one message to BOTH instances at once (same msg_id), then two more, one per instance.
    const sent = new Map<string, number>();
    await traffic.inParallel([...Array(CHAT_USERS).keys()], 10, async (i) => {
      const user = traffic.chatUserId(i);
      const msgId = newMsgId();
      const both = await Promise.all([0, 1].map((b) => traffic.postText(url(b), em, user, 'xin chào', msgId)));
      expect(both).toEqual([200, 200]);
      for (const [k, text] of ['thủ tục đăng ký khai sinh', 'cảm ơn'].entries()) {
        expect(await traffic.postText(url(i + k), em, user, text, newMsgId())).toBe(200);
      }
      sent.set(user, 3);
    });

    // Status events: the first of each dossier, 1 in 5 redelivered to the other instance at the same time.
    const events = [...Array(DOSSIERS).keys()].map((i) => ({ i, events: traffic.dossierEvents(i) }));
    await traffic.inParallel(events, 24, async ({ i, events: [e1] }) => {
      const path = `${traffic.dossierCode(i)}/events`;
      const targets = i % 5 === 0 ? [0, 1] : [i];
      const codes = await Promise.all(targets.map((b) => traffic.feed(url(b), INGEST, 'POST', path, e1)));
      for (const c of codes) expect(c).toBe(200);
    });
    em.expireAccessToken(); // mid-stream: both instances see -216
    await traffic.inParallel(events, 24, async ({ i, events: [, e2] }) => {
      const path = `${traffic.dossierCode(i)}/events`;
      const targets = i % 5 === 1 ? [0, 1] : [i + 1];
      const codes = await Promise.all(targets.map((b) => traffic.feed(url(b), INGEST, 'POST', path, e2)));
      for (const c of codes) expect(c).toBe(200);
    });

    const items = await waitForOutboxDrained(2 * DOSSIERS + 3 * CHAT_USERS);
    const outbound = em.outbound();

    // Notifications: exactly two per dossier, all sent.
    const notifications = items.filter((i) => i.kind === 'notification');
    expect(notifications).toHaveLength(2 * DOSSIERS);
    expect(notifications.every((n) => n.status === 'sent')).toBe(true);
    // Replies: one outbox item per distinct message (the duplicate msg_id made one), all sent.
    const replies = items.filter((i) => i.kind === 'reply');
    for (const [user, n] of sent) expect(replies.filter((r) => r.userId === user)).toHaveLength(n);
    expect(replies.every((r) => r.status === 'sent')).toBe(true);

    // Every OA message the emulator accepted is recorded by exactly one outbox item, and vice versa: nothing doubled.
    const recorded = items.flatMap((i) => i.oaMessageIds);
    expect(new Set(recorded).size).toBe(recorded.length);
    expect(outbound.map((o) => o.messageId).sort()).toEqual([...recorded].sort());
    for (let i = 0; i < DOSSIERS; i++) {
      expect(outbound.filter((o) => o.userId === traffic.subscriberId(i))).toHaveLength(2);
    }

    // Per-user order: each chat user's messages went out in outbox seq order.
    for (const user of sent.keys()) {
      const bySeq = replies.filter((r) => r.userId === user).sort((a, b) => a.seq - b.seq).flatMap((r) => r.oaMessageIds);
      expect(outbound.filter((o) => o.userId === user).map((o) => o.messageId)).toEqual(bySeq);
    }

    // The token: refreshed exactly once, both instances used the stored new pair.
    expect(em.refreshCount()).toBe(1);
    const tokens = await store.tx((t) => t.getTokens());
    expect(tokens?.accessToken).toBe(em.currentAccessToken());
    expect(new Set(outbound.map((o) => o.accessToken)).size).toBe(2); // the initial one, then the refreshed one
  }, 420_000);
});
