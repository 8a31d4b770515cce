/**
 * Refused requests are all counted but logged sampled: the first N per source
 * and reason in a window, then one summary line with the number left out.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../../../src/http/create-app.js';
import { RejectionLog } from '../../../src/http/rejection-log.js';
import { createLogger } from '../../../src/logger.js';
import { httpRejections, webhookRequests } from '../../../src/metrics.js';
import { makeTestServices } from '../../support/make-test-services.js';
import { signEvent, userSendText } from '../../support/sign-event.js';
import { waitFor } from '../../support/wait-for.js';

function capture() {
  const lines: Record<string, unknown>[] = [];
  const raw: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, cb) {
      raw.push(String(chunk));
      lines.push(JSON.parse(String(chunk)) as Record<string, unknown>);
      cb();
    },
  });
  return { lines, raw, log: createLogger({ level: 'info', destination: stream }) };
}

async function counted(metric: typeof httpRejections | typeof webhookRequests, labels: Record<string, string>): Promise<number> {
  const { values } = await metric.get();
  const hit = values.find((v) => Object.entries(labels).every(([k, l]) => (v.labels as Record<string, unknown>)[k] === l));
  return hit?.value ?? 0;
}

const summaries = (lines: Record<string, unknown>[], source: string) => lines.filter((l) => l.source === source && 'suppressed' in l);
const full = (lines: Record<string, unknown>[], source: string, reason: string) =>
  lines.filter((l) => l.source === source && l.reason === reason && !('suppressed' in l));

describe('RejectionLog', () => {
  it('logs the first N per reason and window, then one summary; a new window logs again', async () => {
    const { lines, log } = capture();
    const rejections = new RejectionLog(log, { perWindow: 3, windowMs: 300 });
    const before = await counted(httpRejections, { source: 'unit', reason: 'a' });
    for (let i = 0; i < 12; i++) rejections.reject('unit', 'a', { n: i }, 'refused a');
    for (let i = 0; i < 2; i++) rejections.reject('unit', 'b', { n: i }, 'refused b');
    expect(full(lines, 'unit', 'a').map((l) => l.n)).toEqual([0, 1, 2]);
    expect(full(lines, 'unit', 'b')).toHaveLength(2);
    expect(await counted(httpRejections, { source: 'unit', reason: 'a' })).toBe(before + 12);

    const [summary] = await waitFor(() => (summaries(lines, 'unit').length ? summaries(lines, 'unit') : undefined));
    expect(summary).toMatchObject({ level: 'warn', reason: 'a', suppressed: 9, logged: 3 });
    expect(summaries(lines, 'unit')).toHaveLength(1); // nothing was left out for 'b'

    rejections.reject('unit', 'a', { n: 12 }, 'refused a');
    expect(full(lines, 'unit', 'a').at(-1)).toMatchObject({ n: 12 });
  });

  it('flush() writes the pending summaries at once (shutdown)', () => {
    const { lines, log } = capture();
    const rejections = new RejectionLog(log, { perWindow: 1, windowMs: 60_000 });
    for (let i = 0; i < 4; i++) rejections.reject('unit-flush', 'x', {}, 'refused');
    rejections.flush();
    expect(summaries(lines, 'unit-flush')).toEqual([expect.objectContaining({ suppressed: 3 })]);
  });
});

describe('refused requests over HTTP', () => {
  let server: Server | undefined;
  afterEach(() => new Promise<void>((r) => (server ? server.close(() => r()) : r())));

  it('a flood of forged webhooks, bad JSON and guessed tokens: every one counted, a few lines logged, no token in them', async () => {
    const { lines, raw, log } = capture();
    const { services } = await makeTestServices({ log, env: { ADMIN_TOKEN: 'adm-secret-token', INGEST_API_KEY: 'ingest-secret-key' } });
    // A window longer than the test: the counts below cannot depend on the machine's speed.
    const rejections = new RejectionLog(log, { perWindow: 3, windowMs: 600_000 });
    server = createApp(services, { inbox: { enqueue: () => undefined }, rejections }).listen(0, '127.0.0.1');
    await new Promise((r) => server!.once('listening', r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const before = {
      webhook: await counted(httpRejections, { source: 'webhook', reason: 'bad_signature' }),
      webhookOutcome: await counted(webhookRequests, { outcome: 'bad_signature' }),
      admin: await counted(httpRejections, { source: 'admin', reason: 'bad_token' }),
      feed: await counted(httpRejections, { source: 'dossier-feed', reason: 'bad_json' }),
      large: await counted(httpRejections, { source: 'webhook', reason: 'too_large' }),
    };

    const forged = signEvent(userSendText({ appId: 'test-app', userId: 'u1', text: 'xin chào' }), 'not-the-secret');
    for (let i = 0; i < 30; i++) {
      expect((await fetch(`${url}/webhooks/zalo`, { method: 'POST', body: forged.body, headers: forged.headers })).status).toBe(401);
    }
    for (let i = 0; i < 8; i++) {
      const res = await fetch(`${url}/api/admin/stats`, { headers: { Authorization: 'Bearer guessed-TOKEN-123' } });
      expect(res.status).toBe(401);
    }
    for (let i = 0; i < 6; i++) {
      const res = await fetch(`${url}/api/v1/dossiers/H01.01-260101-0001`, {
        method: 'PUT',
        headers: { Authorization: 'Bearer ingest-secret-key', 'Content-Type': 'application/json' },
        body: '{"status":',
      });
      expect(res.status).toBe(400);
    }
    const big = await fetch(`${url}/webhooks/zalo`, { method: 'POST', body: 'x'.repeat(300 * 1024) });
    expect(big.status).toBe(413);

    expect(await counted(httpRejections, { source: 'webhook', reason: 'bad_signature' })).toBe(before.webhook + 30);
    expect(await counted(webhookRequests, { outcome: 'bad_signature' })).toBe(before.webhookOutcome + 30);
    expect(await counted(httpRejections, { source: 'admin', reason: 'bad_token' })).toBe(before.admin + 8);
    expect(await counted(httpRejections, { source: 'dossier-feed', reason: 'bad_json' })).toBe(before.feed + 6);
    expect(await counted(httpRejections, { source: 'webhook', reason: 'too_large' })).toBe(before.large + 1);

    expect(full(lines, 'webhook', 'bad_signature')).toHaveLength(3);
    expect(full(lines, 'webhook', 'bad_signature')[0]).toMatchObject({ level: 'warn', status: 401, msg: expect.stringContaining('ZALO_OA_SECRET_KEY') });
    expect(full(lines, 'admin', 'bad_token')).toHaveLength(3);
    expect(full(lines, 'admin', 'bad_token')[0]).toMatchObject({ status: 401, path: '/api/admin/stats' });
    expect(full(lines, 'dossier-feed', 'bad_json')).toHaveLength(3);
    expect(full(lines, 'webhook', 'too_large')).toHaveLength(1);

    expect(summaries(lines, 'webhook')).toHaveLength(0);
    rejections.flush();
    expect(summaries(lines, 'webhook')).toEqual([expect.objectContaining({ reason: 'bad_signature', suppressed: 27 })]);
    expect(summaries(lines, 'admin')).toEqual([expect.objectContaining({ reason: 'bad_token', suppressed: 5 })]);
    expect(summaries(lines, 'dossier-feed')).toEqual([expect.objectContaining({ reason: 'bad_json', suppressed: 3 })]);
    const text = raw.join('');
    for (const secret of ['guessed-TOKEN-123', 'ingest-secret-key', 'adm-secret-token']) expect(text).not.toContain(secret);
  });
});
