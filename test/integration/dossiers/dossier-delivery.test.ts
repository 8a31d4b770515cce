/** Notification delivery through the OA emulator: faults, the transaction fallback, waiting, parking and retry. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBot, TEST_ADMIN_TOKEN, TEST_INGEST_KEY, type TestBot } from '../../support/start-test-bot.js';
import { settle, waitFor } from '../../support/wait-for.js';
import { feedClient, messageText, sampleDossier, type FeedClient } from './feed-client.js';

let bot: TestBot;
let feed: FeedClient;

beforeAll(async () => {
  bot = await startTestBot({ env: { NOTIFY_MAX_ATTEMPTS: '4' } });
  feed = feedClient(bot.url, TEST_INGEST_KEY, TEST_ADMIN_TOKEN);
});
afterAll(() => bot?.stop());

const notifications = (userId: string) =>
  bot.emulator.outbound(userId).filter((o) => messageText(o.message).includes('xin thông báo về hồ sơ') || o.endpoint.endsWith('/transaction'));

/** A dossier with one subscriber who talked to the OA just now (inside the window). */
async function setUp(code: string, userId: string): Promise<void> {
  expect((await feed.put(code, sampleDossier())).status).toBe(200);
  await bot.emulator.userSays(userId, 'xin chào');
  // Every reply out (a follow's welcome too), so none is left waiting in front of the notification.
  await waitFor(async () => {
    const items = await bot.services.store.tx((t) => t.listOutbox({ userId }));
    return items.length > 0 && items.every((i) => i.status === 'sent');
  }, { what: `replies to ${userId} sent` });
  await bot.services.store.tx((t) => t.addSubscription({ code, userId, createdAt: new Date().toISOString() }));
}

const outboxOf = (code: string) => bot.services.store.tx((t) => t.listOutbox({ dossierCode: code }));

describe('notification delivery', () => {
  it('arrives exactly once when the OA fails the first two sends', async () => {
    const code = 'DLV-261120-0001';
    await setUp(code, 'flaky-user');
    bot.emulator.injectFault({ endpoint: '/v3.0/oa/message/cs', kind: 'http', status: 500, times: 2 });
    const res = await feed.event(code, { eventId: 'ev-9', status: 9, at: '2026-11-24T09:00:00+07:00' });
    expect(res.body.notifications).toBe(1);
    await waitFor(() => notifications('flaky-user').length >= 1, { what: 'the notification' });
    await settle(800);
    expect(notifications('flaky-user')).toHaveLength(1);
    const item = await waitFor(async () => (await outboxOf(code)).find((i) => i.status === 'sent'), { what: 'the item recorded as sent' });
    expect(item).toMatchObject({ status: 'sent', via: 'cs', sentParts: 1 });
  });

  it('uses the transaction fallback for a follower outside the 7-day window', async () => {
    const code = 'DLV-261120-0002';
    await bot.emulator.follow('quiet-user');
    await setUp(code, 'quiet-user');
    const longAgo = new Date(Date.now() - 8 * 24 * 3600_000);
    bot.emulator.setLastInteraction('quiet-user', longAgo);
    await bot.services.store.tx(async (t) => {
      const p = await t.getProfile('quiet-user');
      await t.putProfile({ ...p!, lastInteractionAt: longAgo.toISOString() });
    });
    await feed.event(code, { eventId: 'ev-5', status: 5, at: '2026-11-21T09:00:00+07:00', note: 'Bản sao Giấy chứng sinh' });
    const [sent] = await waitFor(() => (notifications('quiet-user').length ? notifications('quiet-user') : undefined));
    expect(sent.endpoint).toBe('/v3.0/oa/message/transaction');
    expect(JSON.stringify(sent.message)).toContain('Bản sao Giấy chứng sinh');
    // The emulator records the send before the bot records it: wait for the outbox to catch up.
    const item = await waitFor(async () => (await outboxOf(code)).find((i) => i.status === 'sent'), { what: 'the item recorded as sent' });
    expect(item).toMatchObject({ status: 'sent', via: 'transaction' });
  });

  it('waits for a non-follower outside the window and delivers when the citizen writes again', async () => {
    const code = 'DLV-261120-0003';
    await setUp(code, 'away-user');
    const longAgo = new Date(Date.now() - 8 * 24 * 3600_000);
    bot.emulator.setLastInteraction('away-user', longAgo);
    await bot.services.store.tx(async (t) => {
      const p = await t.getProfile('away-user');
      await t.putProfile({ ...p!, lastInteractionAt: longAgo.toISOString() });
    });
    await feed.event(code, { eventId: 'ev-6', status: 6, at: '2026-11-21T09:00:00+07:00', note: 'Lệ phí 8.000 đồng' });
    await waitFor(async () => (await outboxOf(code))[0]?.status === 'waiting', { what: 'a waiting item' });
    expect(notifications('away-user')).toHaveLength(0);
    await bot.emulator.userSays('away-user', 'cảm ơn');
    await waitFor(() => notifications('away-user').length === 1, { what: 'the released notification' });
    expect(messageText(notifications('away-user')[0].message)).toContain('Lệ phí 8.000 đồng');
  });

  it('parks a refused notification as failed, lists it, and delivers it after an officer retries', async () => {
    const code = 'DLV-261120-0004';
    await setUp(code, 'refused-user');
    bot.emulator.injectFault({ endpoint: '/v3.0/oa/message/cs', kind: 'api', code: -201, times: 1 });
    await feed.event(code, { eventId: 'ev-8', status: 8, at: '2026-11-22T09:00:00+07:00', note: 'Không đủ điều kiện' });
    const failed = await waitFor(async () => {
      const r = await feed.admin('/api/admin/outbox?status=failed');
      return r.body.items.find((i: { dossierCode?: string }) => i.dossierCode === code);
    }, { what: 'a failed item' });
    expect(failed.lastError).toBeTruthy();
    const retried = await feed.admin(`/api/admin/outbox/${failed.id}/retry`, { method: 'POST' });
    expect(retried.status).toBe(200);
    expect(retried.body.item).toMatchObject({ status: 'pending', attempts: 0 });
    await waitFor(() => notifications('refused-user').length === 1, { what: 'the retried notification' });
    expect((await feed.admin(`/api/admin/outbox/${failed.id}/retry`, { method: 'POST' })).status).toBe(409);
  });

  it('asks for a 1–5 rating when the result is returned and stores the answer', async () => {
    const code = 'DLV-261120-0005';
    await setUp(code, 'rating-user');
    await feed.event(code, { eventId: 'ev-10', status: 10, at: '2026-11-25T09:00:00+07:00' });
    const [note] = await waitFor(() => (notifications('rating-user').length ? notifications('rating-user') : undefined));
    const buttons = (note.message as { attachment: { payload: { buttons: { title: string; payload: string }[] } } }).attachment.payload.buttons;
    expect(buttons.map((b) => b.title)).toEqual(['1', '2', '3', '4', '5']);
    const before = bot.emulator.outbound('rating-user').length;
    await bot.emulator.userTaps('rating-user', buttons[3].payload);
    await bot.waitForOutbound('rating-user', before + 1);
    const stats = await feed.admin('/api/admin/satisfaction');
    expect(stats.body.items).toEqual([expect.objectContaining({ code, userId: 'rating-user', score: 4 })]);
    expect(stats.body.average).toBe(4);
    expect((await feed.admin('/api/admin/subscriptions/count')).body.count).toBeGreaterThanOrEqual(5);
  });
});
