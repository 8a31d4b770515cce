import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createOaEmulator, type OaEmulator } from '../../../src/platform/zalo/emulator/oa-emulator.js';

const AT = 'emu-test-access';
const RT = 'emu-test-refresh';
const SECRET = 'emu-test-app-secret';

describe('OA emulator: the OpenAPI and OAuth wire format', () => {
  let oa: OaEmulator;
  beforeEach(async () => {
    oa = await createOaEmulator({ accessToken: AT, refreshToken: RT, appSecretKey: SECRET });
    oa.setLastInteraction('u1', new Date());
  });
  afterEach(async () => oa.close());

  const cs = async (body: unknown, token = AT) => {
    const res = await fetch(`${oa.url}/v3.0/oa/message/cs`, { method: 'POST', headers: { 'content-type': 'application/json', access_token: token }, body: JSON.stringify(body) });
    return (await res.json()) as { error: number; message: string; data?: { message_id: string; user_id: string } };
  };
  const grant = async (refreshToken: string, secret = SECRET) => {
    const res = await fetch(`${oa.url}/v4/oa/access_token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', secret_key: secret },
      body: new URLSearchParams({ refresh_token: refreshToken, app_id: oa.appId, grant_type: 'refresh_token' }),
    });
    return (await res.json()) as Record<string, string | number>;
  };

  it('accepts a valid text and answers the success envelope', async () => {
    const r = await cs({ recipient: { user_id: 'u1' }, message: { text: 'Dạ' } });
    expect(r).toMatchObject({ error: 0, message: 'Success', data: { user_id: 'u1' } });
    expect(r.data?.message_id).toBe(oa.outbound('u1')[0].messageId);
  });

  it.each([
    ['no recipient', { message: { text: 'x' } }, -201],
    ['empty message', { recipient: { user_id: 'u1' }, message: {} }, -201],
    ['text not a string', { recipient: { user_id: 'u1' }, message: { text: 5 } }, -201],
    ['text over 2000', { recipient: { user_id: 'u1' }, message: { text: 'a'.repeat(2001) } }, -210],
    ['6 buttons', { recipient: { user_id: 'u1' }, message: { text: 'x', attachment: { type: 'template', payload: { buttons: Array.from({ length: 6 }, (_, i) => ({ title: `b${i}`, type: 'oa.query.show', payload: 'p' })) } } } }, -210],
    ['bad button type', { recipient: { user_id: 'u1' }, message: { text: 'x', attachment: { type: 'template', payload: { buttons: [{ title: 'b', type: 'oa.nope', payload: 'p' }] } } } }, -201],
    ['url button without url', { recipient: { user_id: 'u1' }, message: { text: 'x', attachment: { type: 'template', payload: { buttons: [{ title: 'b', type: 'oa.open.url', payload: 'p' }] } } } }, -201],
    ['request_user_info with 2 elements', { recipient: { user_id: 'u1' }, message: { attachment: { type: 'template', payload: { template_type: 'request_user_info', elements: [{ title: 'a', subtitle: 'b', image_url: 'c' }, { title: 'a', subtitle: 'b', image_url: 'c' }] } } } }, -201],
    ['unknown template', { recipient: { user_id: 'u1' }, message: { attachment: { type: 'template', payload: { template_type: 'carousel' } } } }, -233],
  ])('rejects %s', async (_name, body, code) => {
    expect((await cs(body)).error).toBe(code);
    expect(oa.outbound()).toHaveLength(0);
  });

  it('rejects a wrong token and an expired one with -216', async () => {
    expect((await cs({ recipient: { user_id: 'u1' }, message: { text: 'x' } }, 'nope')).error).toBe(-216);
    oa.expireAccessToken();
    expect((await cs({ recipient: { user_id: 'u1' }, message: { text: 'x' } })).error).toBe(-216);
  });

  it('refresh grants rotate the pair; the old refresh token is dead afterwards', async () => {
    oa.expireAccessToken();
    const first = await grant(RT);
    expect(typeof first.access_token).toBe('string');
    expect(first.expires_in).toBe('90000');
    expect(first.access_token).toBe(oa.currentAccessToken());
    expect(oa.refreshCount()).toBe(1);
    expect((await cs({ recipient: { user_id: 'u1' }, message: { text: 'x' } }, String(first.access_token))).error).toBe(0);
    expect((await cs({ recipient: { user_id: 'u1' }, message: { text: 'x' } }, AT)).error).toBe(-216);
    const reused = await grant(RT);
    expect(reused.access_token).toBeUndefined();
    expect(reused.error_name).toBe('invalid_grant');
    expect((await grant(String(first.refresh_token), 'wrong-secret')).access_token).toBeUndefined();
    expect(typeof (await grant(String(first.refresh_token))).access_token).toBe('string');
    expect(oa.refreshCount()).toBe(2);
  });

  it('emits outbound events and records the wire message', async () => {
    const seen: unknown[] = [];
    oa.events.on('outbound', (r) => seen.push(r));
    await cs({ recipient: { user_id: 'u1' }, message: { text: 'một' } });
    expect(seen).toEqual(oa.outbound());
    expect(oa.outbound()[0]).toMatchObject({ endpoint: '/v3.0/oa/message/cs', userId: 'u1', message: { text: 'một' }, accessToken: AT });
    oa.clearOutbound();
    expect(oa.outbound()).toEqual([]);
  });

  it('injected faults apply the given number of times, then clear', async () => {
    oa.injectFault({ kind: 'api', code: -32, times: 2 });
    expect((await cs({ recipient: { user_id: 'u1' }, message: { text: 'x' } })).error).toBe(-32);
    expect((await cs({ recipient: { user_id: 'u1' }, message: { text: 'x' } })).error).toBe(-32);
    expect((await cs({ recipient: { user_id: 'u1' }, message: { text: 'x' } })).error).toBe(0);
    oa.injectFault({ kind: 'http', status: 503, times: 5 });
    oa.clearFaults();
    expect((await cs({ recipient: { user_id: 'u1' }, message: { text: 'x' } })).error).toBe(0);
  });

  it('is driven over HTTP: faults, window, follower, outbound, stats, tokens', async () => {
    const post = (path: string, body: unknown = {}) => fetch(`${oa.url}/_emulator${path}`, { method: 'POST', body: JSON.stringify(body) });
    expect((await post('/faults', { kind: 'http', status: 500 })).status).toBe(200);
    const faulty = await fetch(`${oa.url}/v3.0/oa/message/cs`, { method: 'POST', headers: { access_token: AT }, body: JSON.stringify({ recipient: { user_id: 'u1' }, message: { text: 'x' } }) });
    expect(faulty.status).toBe(500);
    expect((await post('/faults', { kind: 'bogus' })).status).toBe(400);
    await post('/users/u7/last-interaction', { at: new Date(Date.now() - 10 * 86400_000).toISOString() });
    expect((await cs({ recipient: { user_id: 'u7' }, message: { text: 'x' } })).error).toBe(-230);
    await post('/users/u7/last-interaction', { at: new Date().toISOString() });
    expect((await cs({ recipient: { user_id: 'u7' }, message: { text: 'x' } })).error).toBe(0);
    const out = (await (await fetch(`${oa.url}/_emulator/outbound?userId=u7`)).json()) as Record<string, unknown>[];
    expect(out).toHaveLength(1);
    expect(out[0].accessToken).toBeUndefined();
    expect(JSON.stringify(out)).not.toContain(AT);
    const stats = (await (await fetch(`${oa.url}/_emulator/stats`)).json()) as Record<string, unknown>;
    expect(stats).toEqual({ refreshCount: 0, outboundCount: 1 });
    expect(JSON.stringify(stats)).not.toContain(AT);
    expect(await (await fetch(`${oa.url}/_emulator/tokens`)).json()).toEqual({ accessToken: AT });
    await post('/expire-token');
    expect((await cs({ recipient: { user_id: 'u7' }, message: { text: 'x' } })).error).toBe(-216);
    await fetch(`${oa.url}/_emulator/outbound`, { method: 'DELETE' });
    expect(oa.outbound()).toHaveLength(0);
    expect((await fetch(`${oa.url}/_emulator/nothing`)).status).toBe(404);
  });
});
