import { EventEmitter } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createSimulatorRouter } from '../../../../src/http/routes/simulator-routes.js';
import type { OaEmulatorHandle, PostResult, RecordedOutbound } from '../../../../src/platform/zalo/emulator/emulator-handle.js';
import type { Services } from '../../../../src/services.js';
import { makeTestServices } from '../../../support/make-test-services.js';

/** Records what the simulator asked the emulator to do; replies like a bot would. */
class RecordingEmulator {
  readonly events = new EventEmitter();
  readonly calls: [string, ...unknown[]][] = [];
  readonly log: RecordedOutbound[] = [];
  webhookStatus = 200;
  private n = 0;
  private act(name: string, ...args: unknown[]): Promise<PostResult> {
    this.calls.push([name, ...args]);
    return Promise.resolve({ status: this.webhookStatus });
  }
  userSays = (u: string, t: string) => this.act('userSays', u, t);
  userTaps = (u: string, p: string) => this.act('userTaps', u, p);
  userSendsMedia = (u: string, m: string) => this.act('userSendsMedia', u, m);
  follow = (u: string) => this.act('follow', u);
  unfollow = (u: string) => this.act('unfollow', u);
  submitInfo = (u: string, i: unknown) => this.act('submitInfo', u, i);
  outbound = (u?: string) => this.log.filter((r) => !u || r.userId === u);
  /** The bot "sends" a message: recorded and emitted like the real emulator. */
  botSends(userId: string, message: Record<string, unknown>): RecordedOutbound {
    const rec: RecordedOutbound = {
      id: `rec-${++this.n}`,
      messageId: `m${this.n}`,
      at: new Date(Date.now() + this.n).toISOString(),
      endpoint: '/v3.0/oa/message/cs',
      userId,
      message,
      accessToken: 'SECRET-ACCESS-TOKEN',
    };
    this.log.push(rec);
    this.events.emit('outbound', rec);
    return rec;
  }
}

let server: Server | undefined;
let services: Services;
beforeAll(async () => {
  ({ services } = await makeTestServices({ env: { ADMIN_TOKEN: 'adm-secret', ORG_NAME: 'UBND Phường Thử' } }));
});
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((r) => server?.close(r));
  server = undefined;
});

async function start(opts: { emulator?: RecordingEmulator; localMode?: boolean; host?: string } = {}) {
  const svc = opts.localMode ? { ...services, config: { ...services.config, localMode: true, HOST: opts.host ?? '127.0.0.1' } } : services;
  const app = express();
  app.use(createSimulatorRouter(svc, { emulator: opts.emulator as unknown as OaEmulatorHandle | undefined }));
  server = app.listen(0, '127.0.0.1');
  await new Promise((r) => server!.once('listening', r));
  return `http://127.0.0.1:${(server!.address() as AddressInfo).port}`;
}

const auth = { Authorization: 'Bearer adm-secret', 'Content-Type': 'application/json' };

describe('simulator routes', () => {
  it('without an emulator answers 404 with a Vietnamese explanation, for the page and the API', async () => {
    const base = await start();
    const page = await fetch(`${base}/simulator`);
    expect(page.status).toBe(404);
    expect(await page.text()).toContain('chế độ thử nghiệm');
    const api = await fetch(`${base}/simulator/api/info`, { headers: auth });
    expect(api.status).toBe(404);
    expect((await api.json()).error).toBe('simulator_unavailable');
  });

  it('serves the page and its modules with a strict content security policy', async () => {
    const base = await start({ emulator: new RecordingEmulator() });
    const page = await fetch(`${base}/simulator`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await page.text();
    expect(html).toContain('/simulator/assets/simulator.js');
    expect(html).not.toContain('adm-secret');
    const js = await fetch(`${base}/simulator/assets/render-message.js`);
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toMatch(/javascript/);
    expect((await fetch(`${base}/simulator/assets/%2e%2e/server/simulator-transcript.ts`)).status).toBe(404);
  });

  it('outside local mode the API wants ADMIN_TOKEN', async () => {
    const base = await start({ emulator: new RecordingEmulator() });
    expect((await fetch(`${base}/simulator/api/info`)).status).toBe(401);
    const ok = await fetch(`${base}/simulator/api/info`, { headers: auth });
    expect(await ok.json()).toMatchObject({ oaName: 'UBND Phường Thử', localMode: false });
  });

  it('in local mode on a public HOST the API wants ADMIN_TOKEN too', async () => {
    const base = await start({ emulator: new RecordingEmulator(), localMode: true, host: '0.0.0.0' });
    expect((await fetch(`${base}/simulator/api/info`)).status).toBe(401);
    const post = await fetch(`${base}/simulator/api/users/u-1/actions`, { method: 'POST', body: JSON.stringify({ type: 'say', text: 'xin chào' }) });
    expect(post.status).toBe(401);
    expect((await fetch(`${base}/simulator/api/info`, { headers: auth })).status).toBe(200);
  });

  it('in local mode on loopback the API needs no token', async () => {
    const base = await start({ emulator: new RecordingEmulator(), localMode: true });
    const info = await fetch(`${base}/simulator/api/info`);
    expect(info.status).toBe(200);
    // A configured ADMIN_TOKEN is never shown, not even in local mode.
    expect((await info.json()).localDefaultToken).toBeNull();
  });

  it('plays each action through the emulator and records it in the chat', async () => {
    const emulator = new RecordingEmulator();
    const base = await start({ emulator });
    const post = (body: unknown) => fetch(`${base}/simulator/api/users/u-1/actions`, { method: 'POST', headers: auth, body: JSON.stringify(body) });
    expect((await post({ type: 'say', text: '  lệ phí bao nhiêu ' })).status).toBe(200);
    await post({ type: 'tap', payload: '#chi-tiet 1', title: 'Chi tiết', hidden: true });
    await post({ type: 'media', media: 'sticker' });
    await post({ type: 'follow' });
    await post({ type: 'unfollow' });
    await post({ type: 'submit_info', name: 'Trần Bình', phone: '0987654321' });
    expect(emulator.calls).toEqual([
      ['userSays', 'u-1', 'lệ phí bao nhiêu'],
      ['userTaps', 'u-1', '#chi-tiet 1'],
      ['userSendsMedia', 'u-1', 'sticker'],
      ['follow', 'u-1'],
      ['unfollow', 'u-1'],
      ['submitInfo', 'u-1', { name: 'Trần Bình', phone: '0987654321' }],
    ]);
    emulator.botSends('u-1', { text: 'Dạ, em chào anh/chị.' });
    emulator.botSends('u-2', { text: 'someone else' });
    const { items } = await (await fetch(`${base}/simulator/api/users/u-1/messages`, { headers: auth })).json();
    expect(items.map((i: { from: string; text?: string }) => i.text ?? i.from)).toEqual([
      'lệ phí bao nhiêu',
      'Đã chọn: Chi tiết',
      'Nhãn dán',
      'Đã quan tâm Official Account',
      'Đã bỏ quan tâm Official Account',
      'Đã chia sẻ thông tin: Trần Bình',
      'oa',
    ]);
    expect(JSON.stringify(items)).not.toContain('SECRET-ACCESS-TOKEN');
  });

  it('rejects bad actions and user ids, and reports a failing webhook as 502', async () => {
    const emulator = new RecordingEmulator();
    const base = await start({ emulator });
    const post = (user: string, body: unknown) => fetch(`${base}/simulator/api/users/${user}/actions`, { method: 'POST', headers: auth, body: JSON.stringify(body) });
    expect((await post('u-1', { type: 'say', text: '   ' })).status).toBe(400);
    expect((await post('u-1', { type: 'submit_info', name: 'A', phone: '12' })).status).toBe(400);
    expect((await post('u-1', { type: 'media', media: 'virus' })).status).toBe(400);
    expect((await post('a%20b', { type: 'follow' })).status).toBe(400);
    expect(emulator.calls).toEqual([]);
    emulator.webhookStatus = 401;
    const res = await post('u-1', { type: 'say', text: 'alo' });
    expect(res.status).toBe(502);
    expect((await res.json()).item.status).toBe(401);
  });

  it('streams this citizen’s chat items live over server-sent events, without tokens', async () => {
    const emulator = new RecordingEmulator();
    const base = await start({ emulator });
    const ctrl = new AbortController();
    const res = await fetch(`${base}/simulator/api/users/u-1/stream`, { headers: auth, signal: ctrl.signal });
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
    let text = '';
    const readUntil = async (needle: string) => {
      while (!text.includes(needle)) text += (await reader.read()).value ?? '';
    };
    await readUntil(': ok');
    emulator.botSends('u-2', { text: 'not for u-1' });
    emulator.botSends('u-1', { text: 'Dạ, hồ sơ đã có kết quả.' });
    await readUntil('hồ sơ đã có kết quả');
    ctrl.abort();
    expect(text).toContain('event: item');
    expect(text).not.toContain('not for u-1');
    expect(text).not.toContain('SECRET-ACCESS-TOKEN');
  });
});
