/**
 * GET /healthz — liveness: the process answers.
 * GET /readyz — readiness: the store answers, the catalog is loaded, and we
 * are not shutting down (a load balancer stops sending before we stop).
 */
import { Router } from 'express';
import type { Services } from '../../services.js';

export interface HealthDeps {
  /** True once graceful shutdown began. */
  isShuttingDown?: () => boolean;
}

const STORE_TIMEOUT_MS = 2000;

export function createHealthRouter(services: Services, deps: HealthDeps = {}): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    const checks: Record<string, 'ok' | 'fail'> = { store: 'ok', catalog: 'ok' };
    if (deps.isShuttingDown?.()) checks.shutdown = 'fail';
    if (!Array.isArray(services.catalog?.procedures)) checks.catalog = 'fail';
    try {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('store timeout')), STORE_TIMEOUT_MS);
      });
      await Promise.race([services.store.tx((t) => t.getTokens()), timeout]).finally(() => clearTimeout(timer));
    } catch (err) {
      checks.store = 'fail';
      services.log.warn({ err }, 'readiness: store check failed');
    }
    const ready = Object.values(checks).every((v) => v === 'ok');
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'not_ready', checks, procedures: services.catalog?.procedures?.length ?? 0 });
  });
  return router;
}
