/**
 * A ZNS whose call may have reached Zalo without its outcome being recorded
 * (a crash, or an answer lost in transit) is resolved by its delivery receipt
 * before it is sent again: resolve-interrupted-zns.ts, the worker applying it,
 * and the receipt closing a held-back item.
 */
import { describe, expect, it } from 'vitest';
import { OutboxWorker } from '../../../src/notify/outbox-worker.js';
import { notificationView } from '../../../src/notify/notification-view.js';
import { recordZnsDelivery } from '../../../src/notify/record-zns-delivery.js';
import { resolveInterruptedZns } from '../../../src/notify/resolve-interrupted-zns.js';
import type { ZnsMessage } from '../../../src/platform/zalo/messages.js';
import { OaApiError, OaNetworkError } from '../../../src/platform/zalo/oa-errors.js';
import type { OutboxItem } from '../../../src/store/records.js';
import { FakeOaSender, makeTestServices } from '../../support/make-test-services.js';

const NOW = new Date('2026-11-23T10:00:00.000Z');
const WAIT_S = 360;
const part: ZnsMessage = { kind: 'zns', templateKey: '9', templateId: '401009', phone: '84987111222', data: { ma_ho_so: 'HS-1' } };

/** Records ZNS calls by tracking id; throws the queued errors first. */
class ZnsSender extends FakeOaSender {
  readonly zns: string[] = [];
  readonly znsErrors: unknown[] = [];
  async sendZns(_m: ZnsMessage, trackingId: string) {
    const err = this.znsErrors.shift();
    if (err) throw err;
    this.zns.push(trackingId);
    return { msgId: `z${this.zns.length}` };
  }
}

const item = (over: Partial<OutboxItem> = {}): OutboxItem => ({
  id: 'zns-item-1',
  dedupeKey: 'zns:HS-1:ev1',
  kind: 'notification',
  userId: 'zns:HS-1',
  parts: [part],
  dossierCode: 'HS-1',
  status: 'pending',
  sentParts: 0,
  attempts: 0,
  nextAttemptAt: NOW.toISOString(),
  oaMessageIds: [],
  createdAt: NOW.toISOString(),
  seq: 1,
  ...over,
});

async function setup() {
  const oa = new ZnsSender();
  let now = NOW;
  const ctx = await makeTestServices({ now: NOW, oa, env: { ZNS_RECEIPT_WAIT_SECONDS: String(WAIT_S), NOTIFY_MAX_ATTEMPTS: '5' } });
  ctx.services.clock = () => now;
  const worker = new OutboxWorker(ctx.services, { random: () => 0.5 });
  const get = (id = 'zns-item-1') => ctx.store.tx((t) => t.getOutbox(id)) as Promise<OutboxItem>;
  const add = (i: OutboxItem) => ctx.store.tx((t) => t.addOutbox([i]));
  const at = (ms: number) => {
    now = new Date(NOW.getTime() + ms);
  };
  return { ...ctx, oa, worker, get, add, at };
}

describe('resolveInterruptedZns', () => {
  const started = new Date(NOW.getTime() - 10_000).toISOString();
  it('a receipt settles it, a send never started needs nothing, else wait until the window ends, then resend', () => {
    expect(resolveInterruptedZns(item({ znsSendStartedAt: started, deliveredAt: NOW.toISOString() }), NOW, 60_000)).toEqual({ sent: true });
    expect(resolveInterruptedZns(item(), NOW, 60_000)).toEqual({ sent: false, resend: false });
    expect(resolveInterruptedZns(item({ znsSendStartedAt: started }), NOW, 60_000)).toEqual({ waitUntil: new Date(NOW.getTime() + 50_000).toISOString() });
    expect(resolveInterruptedZns(item({ znsSendStartedAt: started }), new Date(NOW.getTime() + 50_000), 60_000)).toEqual({ sent: false, resend: true });
  });
});

describe('OutboxWorker with an interrupted ZNS', () => {
  it('holds it back until the receipt, which closes it as sent: no second call', async () => {
    const { worker, oa, add, get, store } = await setup();
    const startedAt = new Date(NOW.getTime() - 15_000).toISOString();
    // As a crashed worker leaves it: claimed, lease run out, "send started" written, no outcome.
    await add(item({ status: 'sending', claimedBy: 'dead', leaseUntil: new Date(NOW.getTime() - 1).toISOString(), znsSendStartedAt: startedAt }));
    expect(await worker.runOnce()).toBe(1);
    expect(oa.zns).toEqual([]);
    const held = await get();
    expect(held).toMatchObject({ status: 'pending', nextAttemptAt: new Date(Date.parse(startedAt) + WAIT_S * 1000).toISOString(), attempts: 0 });
    expect(held.lastError).toContain('chờ báo đã nhận');
    expect(notificationView(held, NOW).delivery).toBe('confirming');

    expect(await store.tx((t) => recordZnsDelivery(t, 'zns-item-1', NOW.toISOString()))).toBe(true);
    const closed = await get();
    expect(closed).toMatchObject({ status: 'sent', via: 'zns', sentParts: 1, deliveredAt: NOW.toISOString() });
    expect(closed.znsSendStartedAt).toBeUndefined();
    expect(notificationView(closed, NOW).delivery).toBe('delivered');
    expect(await worker.runOnce()).toBe(0);
    expect(oa.zns).toEqual([]);
  });

  it('a receipt recorded while the crashed worker still held it is found on the next claim', async () => {
    const { worker, oa, add, get, store, at } = await setup();
    await add(item({ status: 'sending', claimedBy: 'dead', leaseUntil: new Date(NOW.getTime() + 5_000).toISOString(), znsSendStartedAt: NOW.toISOString() }));
    await store.tx((t) => recordZnsDelivery(t, 'zns-item-1', NOW.toISOString()));
    expect(await get()).toMatchObject({ status: 'sending', deliveredAt: NOW.toISOString() }); // a live holder records the outcome
    at(10_000); // the lease ran out: the item is claimed again
    expect(await worker.runOnce()).toBe(1);
    expect(oa.zns).toEqual([]);
    expect(await get()).toMatchObject({ status: 'sent', sentParts: 1 });
  });

  it('without a receipt, sends it once more when the wait is over (never zero)', async () => {
    const { worker, oa, add, get, at } = await setup();
    await add(item({ znsSendStartedAt: NOW.toISOString() }));
    await worker.runOnce();
    expect(oa.zns).toEqual([]);
    at(WAIT_S * 1000);
    expect(await worker.runOnce()).toBe(1);
    expect(oa.zns).toEqual(['zns-item-1']);
    const sent = await get();
    expect(sent).toMatchObject({ status: 'sent', oaMessageIds: ['z1'] });
    expect(sent.znsSendStartedAt).toBeUndefined();
  });

  it('a lost answer (timeout) keeps the mark, so the retry waits for the receipt; a Zalo refusal clears it', async () => {
    const { worker, oa, add, get, at } = await setup();
    oa.znsErrors.push(new OaNetworkError('/message/template', new Error('timeout'), true));
    await add(item());
    await worker.runOnce();
    const afterTimeout = await get();
    expect(afterTimeout).toMatchObject({ status: 'pending', attempts: 1, znsSendStartedAt: NOW.toISOString() });
    at(60_000); // past the backoff, inside the receipt wait
    await worker.runOnce();
    expect(oa.zns).toEqual([]);
    expect((await get()).nextAttemptAt).toBe(new Date(NOW.getTime() + WAIT_S * 1000).toISOString());

    at(WAIT_S * 1000);
    oa.znsErrors.push(new OaApiError(-144, 'quota', '/message/template'));
    await worker.runOnce();
    const parked = await get();
    expect(parked.lastError).toContain('-144');
    expect(parked.znsSendStartedAt).toBeUndefined(); // Zalo answered: nothing is in doubt
  });
});

describe('an interrupted one-time code', () => {
  it('is sent again at once (the citizen is waiting and the code expires), unless its receipt came', async () => {
    const { worker, oa, add, get } = await setup();
    const otp: ZnsMessage = { ...part, templateKey: 'otp', templateId: '401100', data: { otp: '123456' } };
    await add(item({ parts: [otp], znsSendStartedAt: NOW.toISOString() }));
    await worker.runOnce();
    expect(oa.zns).toEqual(['zns-item-1']);
    expect(await get()).toMatchObject({ status: 'sent' });
  });
});
