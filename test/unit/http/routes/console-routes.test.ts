import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createConsoleRouter } from '../../../../src/http/routes/console-routes.js';
import type { Services } from '../../../../src/services.js';
import type { OutboxItem } from '../../../../src/store/records.js';
import { makeTestServices } from '../../../support/make-test-services.js';

let server: Server | undefined;
let services: Services;
const NOW = new Date('2026-11-23T03:00:00Z'); // 10:00 in Hà Nội

beforeAll(async () => {
  ({ services } = await makeTestServices({ env: { ADMIN_TOKEN: 'adm-secret', ORG_NAME: 'UBND Xã Thử' }, now: NOW }));
  const outbox = (id: string, kind: OutboxItem['kind'], status: OutboxItem['status'], createdAt: string): OutboxItem => ({
    id, dedupeKey: id, kind, userId: 'u1', parts: [{ kind: 'text', text: 'x' }], status, sentParts: 0, attempts: 1,
    nextAttemptAt: createdAt, oaMessageIds: [], createdAt, seq: Number(id.slice(1)),
  });
  await services.store.tx(async (t) => {
    // Vietnam day boundaries: 2026-11-22T17:00Z is already the 23rd in Hà Nội.
    await t.addTurnLog({ at: '2026-11-22T16:59:00.000Z', userId: 'u1', intent: 'ask_fee', answered: true });
    await t.addTurnLog({ at: '2026-11-22T17:00:00.000Z', userId: 'u1', intent: 'dossier_challenge', answered: true });
    await t.addTurnLog({ at: '2026-11-23T02:00:00.000Z', userId: 'u2', intent: 'some_new_outcome', answered: false });
    await t.addTurnLog({ at: '2026-11-01T02:00:00.000Z', userId: 'u2', intent: 'old', answered: true });
    await t.addOutbox([
      outbox('o1', 'notification', 'sent', '2026-11-23T01:00:00.000Z'),
      outbox('o2', 'notification', 'failed', '2026-11-23T01:00:00.000Z'),
      outbox('o3', 'reply', 'sent', '2026-11-23T01:00:00.000Z'),
      outbox('o4', 'notification', 'waiting', '2026-11-22T01:00:00.000Z'),
    ]);
    await t.addSatisfaction({ code: 'A-1', userId: 'u1', score: 5, at: '2026-11-23T01:00:00.000Z' });
    await t.addSatisfaction({ code: 'A-2', userId: 'u2', score: 2, at: '2026-11-23T01:00:00.000Z' });
  });
});

afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((r) => server?.close(r));
  server = undefined;
});

async function start(svc: Services = services) {
  const app = express();
  app.use(createConsoleRouter(svc, {}));
  server = app.listen(0, '127.0.0.1');
  await new Promise((r) => server!.once('listening', r));
  return `http://127.0.0.1:${(server!.address() as AddressInfo).port}`;
}

const auth = { Authorization: 'Bearer adm-secret' };

describe('console routes', () => {
  it('serves the page without data or secrets, and a config that never shows a configured token', async () => {
    const base = await start();
    const page = await fetch(`${base}/console`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(await page.text()).not.toContain('adm-secret');
    const config = await (await fetch(`${base}/console/config.json`)).json();
    expect(config).toEqual({ orgName: 'UBND Xã Thử', simulator: false, notifyStatuses: [3, 5, 6, 8, 9, 10] });
    expect((await fetch(`${base}/console/assets/console.js`)).status).toBe(200);
  });

  it('tells the local-mode default token on the login page, and only that one', async () => {
    const local = { ...services, config: { ...services.config, localMode: true, HOST: '127.0.0.1', ADMIN_TOKEN: 'local-admin' } };
    const base = await start(local);
    expect((await (await fetch(`${base}/console/config.json`)).json()).localDefaultToken).toBe('local-admin');
  });

  it('never tells the default token when local mode listens beyond loopback, or outside local mode', async () => {
    for (const config of [
      { ...services.config, localMode: true, HOST: '0.0.0.0', ADMIN_TOKEN: 'local-admin' },
      { ...services.config, localMode: false, HOST: '127.0.0.1', ADMIN_TOKEN: 'local-admin' },
    ]) {
      const base = await start({ ...services, config });
      expect(await (await fetch(`${base}/console/config.json`)).json()).not.toHaveProperty('localDefaultToken');
      server?.closeAllConnections();
      await new Promise((r) => server?.close(r));
    }
  });

  it('computes stats per Vietnam day with intents, answers, notifications and satisfaction', async () => {
    const base = await start();
    expect((await fetch(`${base}/api/admin/stats`)).status).toBe(401);
    const stats = await (await fetch(`${base}/api/admin/stats?days=2`, { headers: auth })).json();
    expect(stats.messagesPerDay).toEqual([
      { date: '2026-11-22', total: 1, answered: 1 },
      { date: '2026-11-23', total: 2, answered: 1 },
    ]);
    // In Vietnamese, never the raw key; a key without a label is "Khác".
    expect(stats.intents).toEqual([
      { intent: 'ask_fee', label: 'Lệ phí', count: 1 },
      { intent: 'dossier_challenge', label: 'Xác minh chủ hồ sơ', count: 1 },
      { intent: 'some_new_outcome', label: 'Khác', count: 1 },
    ]);
    expect(stats.turns).toEqual({ total: 3, answered: 2 });
    expect(stats.notifications).toEqual({ sent: 1, failed: 1, waiting: 1, pending: 0 });
    expect(stats.outbox).toMatchObject({ sent: 2, failed: 1, waiting: 1 });
    expect(stats.satisfaction).toEqual({ count: 2, average: 3.5, byScore: { 1: 0, 2: 1, 3: 0, 4: 0, 5: 1 } });
    const outbox = await (await fetch(`${base}/api/admin/stats/outbox`, { headers: auth })).json();
    expect(outbox).toMatchObject({ sent: 2, failed: 1, waiting: 1, oldestUnsentAt: '2026-11-22T01:00:00.000Z' });
  });

  it('suggests procedures from the catalog for the test dossier form', async () => {
    const base = await start();
    const first = services.catalog.procedures[0];
    const { items } = await (await fetch(`${base}/api/admin/catalog/procedures?q=${encodeURIComponent(first.code)}`, { headers: auth })).json();
    expect(items[0]).toEqual({ code: first.code, name: first.name });
  });
});
