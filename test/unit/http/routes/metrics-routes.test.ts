import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterAll, describe, expect, it } from 'vitest';
import { createMetricsRouter } from '../../../../src/http/routes/metrics-routes.js';
import { webhookRequests } from '../../../../src/metrics.js';
import { makeTestServices } from '../../../support/make-test-services.js';

let server: Server | undefined;
afterAll(async () => {
  server?.closeAllConnections();
  await new Promise((r) => server?.close(r));
});

describe('GET /metrics', () => {
  it('serves the registry in Prometheus format with outbox gauges read from the store', async () => {
    const now = new Date('2026-11-23T03:00:00Z');
    const { services } = await makeTestServices({ now });
    await services.store.tx((t) =>
      t.addOutbox(
        (['pending', 'pending', 'failed', 'sent'] as const).map((status, i) => ({
          id: `o${i}`, dedupeKey: `o${i}`, kind: 'reply' as const, userId: `u${i}`, parts: [], status, sentParts: 0,
          attempts: 0, nextAttemptAt: now.toISOString(), oaMessageIds: [], seq: i,
          createdAt: new Date(now.getTime() - (i + 1) * 60_000).toISOString(),
        })),
      ),
    );
    webhookRequests.inc({ outcome: 'accepted' });
    const app = express();
    app.use(createMetricsRouter(services, {}));
    server = app.listen(0, '127.0.0.1');
    await new Promise((r) => server!.once('listening', r));
    const res = await fetch(`http://127.0.0.1:${(server!.address() as AddressInfo).port}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    const body = await res.text();
    expect(body).toContain('motcua_outbox_depth{status="pending"} 2');
    expect(body).toContain('motcua_outbox_depth{status="failed"} 1');
    expect(body).toContain('motcua_outbox_depth{status="sent"} 1');
    // Oldest unsent: the pending item created 2 minutes before now.
    expect(body).toContain('motcua_outbox_oldest_unsent_age_seconds 120');
    expect(body).toMatch(/motcua_webhook_requests_total\{outcome="accepted"\} [1-9]/);
    expect(body).toContain('# TYPE motcua_reply_latency_seconds histogram');
  });
});
