/**
 * GET /metrics: the process's Prometheus registry (src/metrics.ts). Gauges that
 * describe stored state (outbox depth by status, age of the oldest unsent item)
 * are read from the store just before each scrape.
 *
 * Served without a token, like most Prometheus targets: it holds counts only
 * (no user ids, phones or tokens). Keep it off the public internet at the
 * reverse proxy (docs/browser.md).
 */
import { Router } from 'express';
import type { Services } from '../../services.js';
import type { RouteExtras } from './route-extras.js';
import { outboxDepth, outboxOldestAge, registry } from '../../metrics.js';

const STATUSES = ['pending', 'sending', 'sent', 'waiting', 'failed'] as const;

export async function refreshStoreGauges(services: Services): Promise<void> {
  const stats = await services.store.tx((t) => t.outboxStats());
  for (const status of STATUSES) outboxDepth.set({ status }, stats[status]);
  const oldest = stats.oldestUnsentAt ? Date.parse(stats.oldestUnsentAt) : NaN;
  outboxOldestAge.set(Number.isNaN(oldest) ? 0 : Math.max(0, (services.clock().getTime() - oldest) / 1000));
}

export function createMetricsRouter(services: Services, _extras: RouteExtras): Router {
  const router = Router();
  router.get('/metrics', async (_req, res) => {
    try {
      await refreshStoreGauges(services);
    } catch (err) {
      // A scrape must still answer when the store is unhappy: the counters matter most then.
      services.log.warn({ err }, 'metrics: could not read outbox stats');
    }
    res.set('Content-Type', registry.contentType).send(await registry.metrics());
  });
  return router;
}
