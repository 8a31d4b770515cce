/**
 * The Done-when points of the webhook, against an independent fake OA (plain
 * node:http, not our emulator) and an independent client (fetch + our own signing).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBot, type RunningBot } from '../../../src/start-bot.js';
import { MemoryStore } from '../../../src/store/memory-store.js';
import { startFakeOa, type FakeOa } from '../../support/fake-oa-server.js';
import { followEvent, genericEvent, newMsgId, signEvent, userSendText } from '../../support/sign-event.js';
import { sharedCatalogAndNlu } from '../../support/shared-catalog.js';
import { settle, waitFor } from '../../support/wait-for.js';

const APP_ID = '4455667788990011223';
const SECRET = 'oa-secret-for-tests';
const CS = '/v3.0/oa/message/cs';

describe('POST /webhooks/zalo against an independent fake OA', () => {
  let oa: FakeOa;
  let bot: RunningBot;
  const store = new MemoryStore();

  beforeAll(async () => {
    oa = await startFakeOa();
    bot = await startBot({
      env: {
        PORT: '0',
        HOST: '127.0.0.1',
        LOG_LEVEL: 'silent',
        ZALO_APP_ID: APP_ID,
        ZALO_OA_SECRET_KEY: SECRET,
        ZALO_APP_SECRET_KEY: 'app-secret-for-tests',
        ZALO_ACCESS_TOKEN: 'initial-access-token',
        ZALO_REFRESH_TOKEN: 'initial-refresh-token',
        ZALO_OPENAPI_URL: oa.url,
        ZALO_OAUTH_URL: oa.url,
        NOTIFY_BASE_DELAY_MS: '20',
      },
      store,
      ...(await sharedCatalogAndNlu()),
    });
  });
  afterAll(async () => {
    await bot?.stop();
    await oa?.close();
  });

  const post = (body: string, headers: Record<string, string> = {}) =>
    fetch(`${bot.url}/webhooks/zalo`, { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers } });
  const postSigned = (event: Record<string, unknown>, secret = SECRET) => {
    const s = signEvent(event, secret);
    return post(s.body, s.headers);
  };
  const sendsTo = (userId: string) => oa.requestsTo(CS).filter((r) => r.body?.recipient?.user_id === userId);

  it('a signed user_send_text leads to one consultation send with the access_token header', async () => {
    const res = await postSigned(userSendText({ appId: APP_ID, userId: 'u-text', text: 'Cho tôi hỏi về thủ tục' }));
    expect(res.status).toBe(200);
    const [send] = await waitFor(() => (sendsTo('u-text').length ? sendsTo('u-text') : undefined));
    expect(send.method).toBe('POST');
    expect(send.headers['access_token']).toBe('initial-access-token');
    expect(send.body.recipient).toEqual({ user_id: 'u-text' });
    expect(typeof send.body.message.text).toBe('string');
    expect(send.body.message.text.length).toBeGreaterThan(0);
    await settle(200);
    expect(sendsTo('u-text')).toHaveLength(1);
  });

  it('rejects a wrong or missing signature with 401 and sends nothing', async () => {
    const wrong = await postSigned(userSendText({ appId: APP_ID, userId: 'u-bad', text: 'xin chào' }), 'not-the-secret');
    expect(wrong.status).toBe(401);
    const unsigned = await post(JSON.stringify(userSendText({ appId: APP_ID, userId: 'u-bad', text: 'xin chào' })));
    expect(unsigned.status).toBe(401);
    const s = signEvent(userSendText({ appId: APP_ID, userId: 'u-bad', text: 'xin chào' }), SECRET);
    const tampered = await post(s.body.replace('xin chào', 'tạm biệt'), s.headers);
    expect(tampered.status).toBe(401);
    await settle(300);
    expect(sendsTo('u-bad')).toHaveLength(0);
    const inbox = await store.tx((t) => t.listPendingInbound('9999', 100));
    expect(inbox.filter((r) => r.userId === 'u-bad')).toHaveLength(0);
  });

  it('rejects an event for another app even when signed with our secret', async () => {
    const res = await postSigned(userSendText({ appId: '1111', userId: 'u-other-app', text: 'xin chào' }));
    expect(res.status).toBe(401);
  });

  it('rejects stale and future timestamps but admits the platform retry schedule (up to 1 h late)', async () => {
    const hour = 3600_000;
    expect((await postSigned(userSendText({ appId: APP_ID, userId: 'u-ts', text: 'a', at: Date.now() - 4 * hour }))).status).toBe(401);
    expect((await postSigned(userSendText({ appId: APP_ID, userId: 'u-ts', text: 'b', at: Date.now() + 10 * 60_000 }))).status).toBe(401);
    expect((await postSigned(userSendText({ appId: APP_ID, userId: 'u-ts', text: 'c', at: Date.now() - 61 * 60_000 }))).status).toBe(200);
  });

  it('the same msg_id delivered twice gets one reply', async () => {
    const event = userSendText({ appId: APP_ID, userId: 'u-dup', text: 'xin chào', msgId: newMsgId() });
    expect((await postSigned(event)).status).toBe(200);
    await waitFor(() => sendsTo('u-dup').length === 1);
    // A platform retry repeats the body verbatim.
    expect((await postSigned(event)).status).toBe(200);
    expect((await postSigned(event)).status).toBe(200);
    await settle(300);
    expect(sendsTo('u-dup')).toHaveLength(1);
  });

  it('two citizens whose events share a msg_id are both answered; each one’s retry is still one reply', async () => {
    const msgId = newMsgId();
    const a = userSendText({ appId: APP_ID, userId: 'u-same-a', text: 'xin chào', msgId });
    const b = userSendText({ appId: APP_ID, userId: 'u-same-b', text: 'xin chào', msgId });
    expect((await postSigned(a)).status).toBe(200);
    expect((await postSigned(b)).status).toBe(200);
    await waitFor(() => sendsTo('u-same-a').length === 1 && sendsTo('u-same-b').length === 1);
    expect((await postSigned(a)).status).toBe(200);
    expect((await postSigned(b)).status).toBe(200);
    await settle(300);
    expect(sendsTo('u-same-a')).toHaveLength(1);
    expect(sendsTo('u-same-b')).toHaveLength(1);
  });

  it('an event recorded by an older version (key without the sender) is not answered again when redelivered', async () => {
    const msgId = newMsgId();
    await store.tx((t) =>
      t.insertInbound({ key: `user_send_text:${msgId}`, eventName: 'user_send_text', userId: 'u-upgrade', event: null, receivedAt: new Date().toISOString(), status: 'done', attempts: 1 }),
    );
    expect((await postSigned(userSendText({ appId: APP_ID, userId: 'u-upgrade', text: 'xin chào', msgId }))).status).toBe(200);
    await settle(300);
    expect(sendsTo('u-upgrade')).toHaveLength(0);
  });

  it('a follower whose user id is a JavaScript property name (constructor, __proto__, …) is welcomed and answered', async () => {
    for (const userId of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      expect((await postSigned(followEvent({ appId: APP_ID, userId }))).status).toBe(200);
      await waitFor(() => sendsTo(userId).length === 1);
      expect((await postSigned(userSendText({ appId: APP_ID, userId, text: 'Làm căn cước công dân cần giấy tờ gì?' }))).status).toBe(200);
      const sends = await waitFor(() => (sendsTo(userId).length === 2 ? sendsTo(userId) : undefined));
      expect(sends[1].body.message.text).toContain('Dạ');
    }
    const inbox = await store.tx((t) => t.listPendingInbound('9999', 100));
    expect(inbox.filter((r) => r.userId === 'constructor')).toEqual([]);
  });

  it('answers 400 to malformed JSON or a known event missing fields, 413 to an oversize body', async () => {
    expect((await post('{"app_id": "1", "event_name": ')).status).toBe(400);
    expect((await post('[1,2,3]')).status).toBe(400);
    const missing = { app_id: APP_ID, event_name: 'user_send_text', timestamp: String(Date.now()), sender: { id: 'u-x' } };
    expect((await postSigned(missing)).status).toBe(400);
    const big = userSendText({ appId: APP_ID, userId: 'u-big', text: 'x'.repeat(300 * 1024) });
    const res = await postSigned(big);
    expect(res.status).toBe(413);
  });

  it('acknowledges an unknown event with 200 and does nothing', async () => {
    const res = await postSigned(genericEvent({ appId: APP_ID, userId: 'u-unknown', eventName: 'user_reacted_message' }));
    expect(res.status).toBe(200);
    await settle(200);
    expect(sendsTo('u-unknown')).toHaveLength(0);
  });

  it('answers a follow with a welcome carrying menu buttons', async () => {
    expect((await postSigned(followEvent({ appId: APP_ID, userId: 'u-follow' }))).status).toBe(200);
    const [send] = await waitFor(() => (sendsTo('u-follow').length ? sendsTo('u-follow') : undefined));
    const buttons = send.body.message.attachment?.payload?.buttons ?? [];
    expect(buttons.length).toBeGreaterThanOrEqual(2);
    expect(buttons[0]).toMatchObject({ type: expect.stringMatching(/^oa\./), title: expect.any(String) });
  });

  it('on an expired token: one refresh, the send is retried and succeeds, the new pair is stored', async () => {
    oa.respond(CS, { body: { error: -216, message: 'Access token is invalid' } });
    const before = oa.refreshes().length;
    await postSigned(userSendText({ appId: APP_ID, userId: 'u-token', text: 'xin chào' }));
    await waitFor(() => sendsTo('u-token').length === 2);
    expect(oa.refreshes().length - before).toBe(1);
    const grant = oa.refreshes().at(-1)!;
    expect(grant.body).toMatchObject({ grant_type: 'refresh_token', refresh_token: 'initial-refresh-token', app_id: APP_ID });
    expect(grant.headers['secret_key']).toBe('app-secret-for-tests');
    const [first, second] = sendsTo('u-token');
    expect(first.headers['access_token']).toBe('initial-access-token');
    expect(second.headers['access_token']).toBe('fake-at-1');
    const stored = await store.tx((t) => t.getTokens());
    expect(stored).toMatchObject({ accessToken: 'fake-at-1', refreshToken: 'fake-rt-1' });
    await settle(200);
    expect(sendsTo('u-token')).toHaveLength(2);
  });

  it('after two 5xx answers the reply is delivered exactly once', async () => {
    oa.respond(CS, { status: 502, body: { message: 'bad gateway' } }, { status: 503, body: { message: 'unavailable' } });
    await postSigned(userSendText({ appId: APP_ID, userId: 'u-5xx', text: 'xin chào' }));
    await waitFor(() => sendsTo('u-5xx').length === 3, { timeoutMs: 10_000 });
    await settle(500);
    expect(sendsTo('u-5xx')).toHaveLength(3); // 2 refused + 1 accepted, no further resend
    const items = await store.tx((t) => t.listOutbox({ userId: 'u-5xx' }));
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ status: 'sent', sentParts: 1 });
  });
});
