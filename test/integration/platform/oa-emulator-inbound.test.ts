import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createOaEmulator, type OaEmulator } from '../../../src/platform/zalo/emulator/oa-emulator.js';
import { startWebhookSink } from './webhook-sink.js';

describe('OA emulator: inbound events to a webhook', () => {
  let oa: OaEmulator;
  let sink: Awaited<ReturnType<typeof startWebhookSink>>;

  beforeEach(async () => {
    oa = await createOaEmulator({ oaSecretKey: 'oa-secret-test' });
    sink = await startWebhookSink('oa-secret-test');
    oa.setWebhookUrl(sink.url);
  });
  afterEach(async () => {
    await oa.close();
    await sink.close();
  });

  it('posts a signed user_send_text that parses to the typed event', async () => {
    const r = await oa.userSays('8150000000000000001', 'Xin chào');
    expect(r.status).toBe(200);
    const got = sink.received[0];
    expect(got.signatureOk).toBe(true);
    expect(got.event).toMatchObject({ kind: 'user_send_text', userId: '8150000000000000001', text: 'Xin chào', msgId: r.msgId, appId: oa.appId, oaId: oa.oaId });
    expect(got.json.timestamp).toMatch(/^\d{13}$/);
    expect(typeof got.json.user_id_by_app).toBe('string');
  });

  it('gives every message a unique msg_id', async () => {
    const a = await oa.userSays('u1', 'a');
    const b = await oa.userSays('u1', 'a');
    expect(a.msgId).not.toBe(b.msgId);
  });

  it('delivers a tap as user_send_text carrying the payload', async () => {
    await oa.userTaps('u1', 'MENU_TRA_CUU');
    expect(sink.received[0].event).toMatchObject({ kind: 'user_send_text', text: 'MENU_TRA_CUU' });
  });

  it('posts media, follow, unfollow and submit-info events', async () => {
    await oa.userSendsMedia('u2', 'location');
    await oa.follow('u2');
    await oa.unfollow('u2');
    await oa.submitInfo('u2', { name: 'Nguyễn Văn A', phone: '0912345678' });
    const kinds = sink.received.map((r) => r.event.kind);
    expect(kinds).toEqual(['user_send_media', 'follow', 'unfollow', 'user_submit_info']);
    expect(sink.received.every((r) => r.signatureOk)).toBe(true);
    expect(sink.received[0].event).toMatchObject({ media: 'location', eventName: 'user_send_location' });
    expect(sink.received[1].json).toMatchObject({ follower: { id: 'u2' }, oa_id: oa.oaId });
    expect(sink.received[1].json.sender).toBeUndefined();
    expect((sink.received[3].json.info as { phone: string }).phone).toBe('84912345678');
    expect(sink.received[3].event).toMatchObject({ name: 'Nguyễn Văn A', phone: '0912345678' });
  });

  it('reports the webhook status and a connection failure', async () => {
    const rejecting = await startWebhookSink('another-secret');
    oa.setWebhookUrl(rejecting.url);
    expect((await oa.userSays('u1', 'x')).status).toBe(401);
    await rejecting.close();
    const down = await oa.userSays('u1', 'x');
    expect(down.status).toBe(0);
    expect(down.error).toBeTruthy();
  });

  it('exposes the inbound side over HTTP', async () => {
    const res = await fetch(`${oa.url}/_emulator/users/u9/says`, { method: 'POST', body: JSON.stringify({ text: 'hỏi thủ tục' }) });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { status: number }).status).toBe(200);
    expect(sink.received[0].event).toMatchObject({ kind: 'user_send_text', userId: 'u9', text: 'hỏi thủ tục' });
  });

  it('posts delivery receipts, arbitrary events and byte-identical redeliveries', async () => {
    await oa.userReceived('u5', 'out-1');
    await oa.userSeen('u5', ['out-1', 'out-2']);
    await oa.postEvent({ event_name: 'oa_send_text', sender: { id: oa.oaId }, recipient: { id: 'u5' }, message: { msg_id: 'e1', text: 'echo' } });
    expect(sink.received.map((r) => r.event)).toMatchObject([
      { kind: 'user_received_message', userId: 'u5', msgId: 'out-1' },
      { kind: 'user_seen_message', userId: 'u5', msgIds: ['out-1', 'out-2'] },
      { kind: 'ignored', eventName: 'oa_send_text', userId: 'u5' },
    ]);
    expect(sink.received.every((r) => r.signatureOk)).toBe(true);
    await oa.userSays('u5', 'lặp lại');
    await oa.redeliverLast();
    const [first, again] = sink.received.slice(-2);
    expect(again.raw.equals(first.raw)).toBe(true);
    expect(again.signatureOk).toBe(true);
    expect(again.headers.num_retry).toBe('1');
    expect(first.headers.num_retry).toBeUndefined();
    const over = await fetch(`${oa.url}/_emulator/redeliver`, { method: 'POST' });
    expect(((await over.json()) as { status: number }).status).toBe(200);
    expect(sink.received[sink.received.length - 1].headers.num_retry).toBe('2');
  });
});
