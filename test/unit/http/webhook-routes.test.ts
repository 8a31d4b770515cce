import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from '../../../src/http/create-app.js';
import type { Services } from '../../../src/services.js';
import { makeTestServices } from '../../support/make-test-services.js';
import { followEvent, genericEvent, signEvent, userSendText } from '../../support/sign-event.js';

const APP = 'test-app';
const SECRET = 'test-oa-secret';

describe('webhook route (no processing)', () => {
  let server: Server;
  let url: string;
  let services: Services;
  let enqueued: { key: string; userId: string; recordedBefore: boolean }[];

  beforeEach(async () => {
    ({ services } = await makeTestServices());
    enqueued = [];
    const app = createApp(services, {
      inbox: {
        enqueue: (key, userId) => {
          // The record must already be durable when the processor is handed the key.
          void services.store.tx((t) => t.getInbound(key)).then((rec) => enqueued.push({ key, userId, recordedBefore: !!rec }));
        },
      },
    });
    server = app.listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterEach(() => new Promise<void>((r) => server.close(() => r())));

  const post = (event: Record<string, unknown> | string, headers?: Record<string, string>) => {
    const s = signEvent(event, SECRET);
    return fetch(`${url}/webhooks/zalo`, { method: 'POST', body: s.body, headers: { ...s.headers, ...headers } });
  };

  it('records the event in the inbox before answering 200, keyed by event name, sender and msg_id', async () => {
    const res = await post(userSendText({ appId: APP, userId: 'u1', text: 'xin chào', msgId: 'abc123' }));
    expect(res.status).toBe(200);
    const rec = await services.store.tx((t) => t.getInbound('user_send_text:u1:abc123'));
    expect(rec).toMatchObject({ status: 'pending', userId: 'u1', eventName: 'user_send_text', attempts: 0 });
    expect((rec!.event as { kind: string }).kind).toBe('user_send_text');
    await new Promise((r) => setTimeout(r, 20));
    expect(enqueued).toEqual([{ key: 'user_send_text:u1:abc123', userId: 'u1', recordedBefore: true }]);
  });

  it('two users’ events with the same msg_id are two events', async () => {
    await post(userSendText({ appId: APP, userId: 'ua', text: 'a', msgId: 'same' }));
    await post(userSendText({ appId: APP, userId: 'ub', text: 'b', msgId: 'same' }));
    await new Promise((r) => setTimeout(r, 20));
    expect(enqueued.map((e) => e.key)).toEqual(['user_send_text:ua:same', 'user_send_text:ub:same']);
  });

  it('a redelivery of an event recorded under the old key (event_name:msg_id) by the same user is a duplicate', async () => {
    const old = { key: 'user_send_text:old1', eventName: 'user_send_text', event: null, receivedAt: '2026-01-01T00:00:00.000Z', status: 'done' as const, attempts: 1 };
    await services.store.tx((t) => t.insertInbound({ ...old, userId: 'u1' }));
    expect((await post(userSendText({ appId: APP, userId: 'u1', text: 'a', msgId: 'old1' }))).status).toBe(200);
    // Another user's event with that msg_id is new.
    expect((await post(userSendText({ appId: APP, userId: 'u2', text: 'b', msgId: 'old1' }))).status).toBe(200);
    await new Promise((r) => setTimeout(r, 20));
    expect(enqueued.map((e) => e.key)).toEqual(['user_send_text:u2:old1']);
  });

  it('hands a duplicate to nobody', async () => {
    const event = userSendText({ appId: APP, userId: 'u1', text: 'a', msgId: 'dup1' });
    await post(event);
    expect((await post(event)).status).toBe(200);
    await new Promise((r) => setTimeout(r, 20));
    expect(enqueued).toHaveLength(1);
  });

  it('keys an event without msg_id by a digest of the body', async () => {
    await post(followEvent({ appId: APP, userId: 'u9' }));
    await new Promise((r) => setTimeout(r, 20));
    expect(enqueued[0].key).toMatch(/^follow:u9:[0-9a-f]{64}$/);
  });

  it('acknowledges ignored events without recording them', async () => {
    expect((await post(genericEvent({ appId: APP, userId: 'u1', eventName: 'oa_send_text' }))).status).toBe(200);
    expect(await services.store.tx((t) => t.listPendingInbound('9999', 10))).toHaveLength(0);
    expect(enqueued).toHaveLength(0);
  });

  it('accepts a bare hex signature (one integration omits "mac=") and a body without content-type', async () => {
    const s = signEvent(userSendText({ appId: APP, userId: 'u2', text: 'x' }), SECRET);
    const res = await fetch(`${url}/webhooks/zalo`, { method: 'POST', body: s.body, headers: { 'x-zevent-signature': s.signature.slice(4) } });
    expect(res.status).toBe(200);
  });

  it('answers 400 to an empty body and 401 to a signature over different bytes', async () => {
    expect((await fetch(`${url}/webhooks/zalo`, { method: 'POST' })).status).toBe(400);
    const s = signEvent(userSendText({ appId: APP, userId: 'u3', text: 'x' }), SECRET);
    const reformatted = JSON.stringify(JSON.parse(s.body), null, 2); // same JSON, other bytes
    expect((await fetch(`${url}/webhooks/zalo`, { method: 'POST', body: reformatted, headers: s.headers })).status).toBe(401);
  });

  it('gives every response a request id and answers unknown paths with JSON 404', async () => {
    const res = await fetch(`${url}/nope`, { headers: { 'x-request-id': 'req-42' } });
    expect(res.status).toBe(404);
    expect(res.headers.get('x-request-id')).toBe('req-42');
    expect(await res.json()).toEqual({ error: 'not_found' });
    const other = await fetch(`${url}/healthz`, { headers: { 'x-request-id': 'bad id with spaces' } });
    expect(other.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});
