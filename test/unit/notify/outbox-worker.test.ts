import { describe, expect, it } from 'vitest';
import { OutboxWorker } from '../../../src/notify/outbox-worker.js';
import { OaApiError, OaHttpError, OaNetworkError } from '../../../src/platform/zalo/oa-errors.js';
import type { OutboxItem } from '../../../src/store/records.js';
import type { OutMessage, TransactionMessage } from '../../../src/platform/zalo/messages.js';
import { makeTestServices } from '../../support/make-test-services.js';

const NOW = new Date('2026-11-23T10:00:00.000Z');
const text = (t: string): OutMessage => ({ kind: 'text', text: t });
const tx: TransactionMessage = { kind: 'transaction', templateType: 'transaction_order', header: 'Kết quả', text: 'Hồ sơ đã có kết quả', table: [] };

let seq = 0;
function item(over: Partial<OutboxItem> = {}): OutboxItem {
  seq++;
  return {
    id: `o${seq}`,
    dedupeKey: `k${seq}`,
    kind: 'reply',
    userId: 'u1',
    parts: [text('Dạ, xin chào')],
    status: 'pending',
    sentParts: 0,
    attempts: 0,
    nextAttemptAt: NOW.toISOString(),
    oaMessageIds: [],
    createdAt: NOW.toISOString(),
    seq,
    ...over,
  };
}

async function setup(env: Record<string, string> = {}) {
  const ctx = await makeTestServices({ now: NOW, env: { NOTIFY_MAX_ATTEMPTS: '3', ...env } });
  const worker = new OutboxWorker(ctx.services, { random: () => 0.5 });
  const add = (...items: OutboxItem[]) => ctx.store.tx((t) => t.addOutbox(items));
  const get = (id: string) => ctx.store.tx((t) => t.getOutbox(id)) as Promise<OutboxItem>;
  return { ...ctx, worker, add, get };
}

describe('OutboxWorker', () => {
  it('sends a reply through consultation and records it as sent with the OA message id', async () => {
    const { worker, oa, add, get } = await setup();
    const it1 = item({ parts: [text('một'), text('hai')] });
    await add(it1);
    expect(await worker.runOnce()).toBe(1);
    expect(oa.sends.map((s) => [s.channel, (s.message as { text: string }).text])).toEqual([
      ['cs', 'một'],
      ['cs', 'hai'],
    ]);
    const saved = await get(it1.id);
    expect(saved).toMatchObject({ status: 'sent', sentParts: 2, oaMessageIds: ['m1', 'm2'], via: 'cs' });
    expect(saved.claimedBy).toBeUndefined();
  });

  it('splits a text over 2,000 characters into one part per OA message', async () => {
    const { worker, oa, add, get } = await setup();
    const long = Array.from({ length: 60 }, (_, i) => `Câu số ${i} nói về thủ tục hành chính một cửa.`).join('\n');
    const it1 = item({ parts: [{ kind: 'text', text: long, buttons: [{ type: 'oa.query.show', title: 'Menu', payload: 'menu' }] }] });
    await add(it1);
    await worker.runOnce();
    expect(oa.sends.length).toBeGreaterThan(1);
    for (const s of oa.sends) expect((s.message as { text: string }).text.length).toBeLessThanOrEqual(2000);
    expect((oa.sends.at(-1)!.message as { buttons?: unknown[] }).buttons).toHaveLength(1);
    expect((await get(it1.id)).sentParts).toBe(oa.sends.length);
  });

  it('retries a 5xx with backoff, then delivers exactly once', async () => {
    const { worker, oa, add, get, services } = await setup();
    oa.failNext(new OaHttpError(502, '/v3.0/oa/message/cs')).failNext(new OaHttpError(503, '/v3.0/oa/message/cs'));
    const it1 = item();
    await add(it1);
    await worker.runOnce();
    let saved = await get(it1.id);
    expect(saved).toMatchObject({ status: 'pending', attempts: 1 });
    // full jitter with random 0.5: 0.5 * base * 2^0
    expect(Date.parse(saved.nextAttemptAt) - NOW.getTime()).toBe(services.config.NOTIFY_BASE_DELAY_MS / 2);
    expect(await worker.runOnce()).toBe(0); // not due yet

    const later = new Date(NOW.getTime() + 60 * 60_000);
    services.clock = () => later;
    await worker.runOnce();
    expect((await get(it1.id)).attempts).toBe(2);
    services.clock = () => new Date(later.getTime() + 60 * 60_000);
    await worker.runOnce();
    saved = await get(it1.id);
    expect(saved.status).toBe('sent');
    expect(oa.sends).toHaveLength(1);
    expect(oa.attempts).toHaveLength(3);
  });

  it('fails at once on an error a retry cannot fix, keeping the code but no secret', async () => {
    const { worker, oa, add, get } = await setup();
    oa.failNext(new OaApiError(-201, 'user_id is invalid!', '/v3.0/oa/message/cs'));
    const it1 = item();
    await add(it1);
    await worker.runOnce();
    const saved = await get(it1.id);
    expect(saved.status).toBe('failed');
    expect(saved.lastError).toContain('-201');
    expect(saved.lastError).not.toContain('test-at');
  });

  it('gives up after NOTIFY_MAX_ATTEMPTS retryable failures', async () => {
    const { worker, oa, add, get, services } = await setup();
    for (let i = 0; i < 5; i++) oa.failNext(new OaNetworkError('/v3.0/oa/message/cs', new Error('ECONNRESET')));
    const it1 = item();
    await add(it1);
    for (let i = 0; i < 3; i++) {
      services.clock = () => new Date(NOW.getTime() + i * 3600_000);
      await worker.runOnce();
    }
    const saved = await get(it1.id);
    expect(saved).toMatchObject({ status: 'failed', attempts: 3 });
    expect(oa.sends).toHaveLength(0);
  });

  it('sends a notification as consultation inside the 7-day window', async () => {
    const { worker, oa, add, store } = await setup();
    await store.tx((t) => t.putProfile({ userId: 'u1', lastInteractionAt: new Date(NOW.getTime() - 6 * 86400_000).toISOString(), updatedAt: NOW.toISOString() }));
    await add(item({ kind: 'notification', fallback: [tx] }));
    await worker.runOnce();
    expect(oa.sends.map((s) => s.channel)).toEqual(['cs']);
  });

  it('uses the transaction fallback outside the window, and waits when there is none', async () => {
    const { worker, oa, add, get, store } = await setup();
    await store.tx((t) => t.putProfile({ userId: 'u1', lastInteractionAt: new Date(NOW.getTime() - 8 * 86400_000).toISOString(), updatedAt: NOW.toISOString() }));
    const withFallback = item({ kind: 'notification', fallback: [tx] });
    const without = item({ kind: 'notification', userId: 'u2' });
    await add(withFallback, without);
    await worker.runOnce();
    expect(oa.sends.map((s) => [s.channel, s.userId])).toEqual([['transaction', 'u1']]);
    expect(await get(withFallback.id)).toMatchObject({ status: 'sent', via: 'transaction' });
    expect((await get(without.id)).status).toBe('waiting');
  });

  it('falls back to the transaction message when the OA says outside window (-230)', async () => {
    const { worker, oa, add, get, store } = await setup();
    await store.tx((t) => t.putProfile({ userId: 'u1', lastInteractionAt: NOW.toISOString(), updatedAt: NOW.toISOString() }));
    oa.failNext(new OaApiError(-230, 'User has not interacted with the OA in the past 7 days', '/v3.0/oa/message/cs'));
    const n = item({ kind: 'notification', fallback: [tx] });
    await add(n);
    await worker.runOnce();
    expect(oa.sends.map((s) => s.channel)).toEqual(['transaction']);
    expect(await get(n.id)).toMatchObject({ status: 'sent', via: 'transaction' });
  });

  it('waits when the transaction is refused for a follower reason, and goes once released', async () => {
    const { worker, oa, add, get, store } = await setup();
    oa.failNext(new OaApiError(-230, 'outside', '/v3.0/oa/message/cs')).failNext(new OaApiError(-213, 'User has not followed OA', '/v3.0/oa/message/transaction'));
    const n = item({ kind: 'notification', fallback: [tx] });
    const next = item({ userId: 'u1' }); // a later item of the same user is not held back by a parked one
    await store.tx((t) => t.putProfile({ userId: 'u1', lastInteractionAt: NOW.toISOString(), updatedAt: NOW.toISOString() }));
    await add(n, next);
    await worker.runOnce();
    expect((await get(n.id)).status).toBe('waiting');
    await worker.runOnce();
    expect(await get(next.id)).toMatchObject({ status: 'sent' });
    expect(await worker.runOnce()).toBe(0); // the parked item stays parked until the citizen writes
    await store.tx((t) => t.releaseWaitingOutbox('u1', NOW.toISOString()));
    await worker.runOnce();
    expect(await get(n.id)).toMatchObject({ status: 'sent' });
  });

  it('after a crash mid-item, counts a part the OA already has instead of sending it again', async () => {
    const { worker, oa, add, get } = await setup({ NOTIFY_LEASE_MS: '1000' });
    const recent = [{ text: 'hai', from: 'oa', time: NOW.getTime(), type: 'text', messageId: 'already' }];
    (oa as unknown as { getRecentMessages: () => Promise<unknown[]> }).getRecentMessages = async () => recent;
    // part 0 recorded, part 1 accepted by the OA but the worker died before recording it
    const it1 = item({ parts: [text('một'), text('hai'), text('ba')], sentParts: 1, oaMessageIds: ['m0'], status: 'sending', claimedBy: 'dead', leaseUntil: new Date(NOW.getTime() - 1).toISOString(), createdAt: new Date(NOW.getTime() - 5000).toISOString() });
    await add(it1);
    await worker.runOnce();
    expect(oa.sends.map((s) => (s.message as { text: string }).text)).toEqual(['ba']);
    expect(await get(it1.id)).toMatchObject({ status: 'sent', sentParts: 3, oaMessageIds: ['m0', 'already', 'm1'] });
  });

  it('runs as a loop: kick() delivers promptly and stop() waits for in-flight sends', async () => {
    const { worker, oa, add } = await setup();
    worker.start();
    await add(item(), item({ userId: 'u2' }));
    worker.kick();
    for (let i = 0; i < 100 && oa.sends.length < 2; i++) await new Promise((r) => setTimeout(r, 10));
    await worker.stop();
    expect(oa.sends).toHaveLength(2);
  });
});
