import { afterEach, describe, expect, it } from 'vitest';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from '../../../src/http/create-app.js';
import type { Store } from '../../../src/store/port.js';
import { makeTestServices } from '../../support/make-test-services.js';

describe('health routes', () => {
  let server: Server | undefined;
  afterEach(() => new Promise<void>((r) => (server ? server.close(() => r()) : r())));

  async function start(opts: { store?: Store; shuttingDown?: boolean } = {}) {
    const { services } = await makeTestServices(opts.store ? { store: opts.store } : {});
    const app = createApp(services, { inbox: { enqueue() {} }, isShuttingDown: () => !!opts.shuttingDown });
    server = app.listen(0, '127.0.0.1');
    await new Promise((r) => server!.once('listening', r));
    return `http://127.0.0.1:${(server!.address() as AddressInfo).port}`;
  }

  it('GET /healthz is 200 {status: ok}; /readyz is 200 with a working store and a loaded catalog', async () => {
    const url = await start();
    const live = await fetch(`${url}/healthz`);
    expect(live.status).toBe(200);
    expect(await live.json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ready', checks: { store: 'ok', catalog: 'ok' } });
  });

  it('GET /readyz is 503 when the store fails, without leaking the error', async () => {
    const broken: Store = {
      kind: 'memory',
      tx: () => Promise.reject(new Error('disk on fire at /secret/path')),
      withLock: (_n, fn) => fn(),
      close: async () => {},
    };
    const url = await start({ store: broken });
    const res = await fetch(`${url}/readyz`);
    expect(res.status).toBe(503);
    const text = await res.text();
    expect(text).toContain('"store":"fail"');
    expect(text).not.toContain('secret');
  });

  it('GET /readyz is 503 while shutting down (load balancers stop sending first)', async () => {
    const url = await start({ shuttingDown: true });
    expect((await fetch(`${url}/readyz`)).status).toBe(503);
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
  });
});
