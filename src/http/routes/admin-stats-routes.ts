/**
 * Read-only admin endpoints the console needs beyond the dossier and dialog
 * APIs (bearer ADMIN_TOKEN): GET /api/admin/stats?days=, GET /api/admin/stats/outbox,
 * GET /api/admin/catalog/procedures?q= (suggestions for the test dossier form).
 * Mounted by console-routes.ts.
 */
import { Router } from 'express';
import type { Services } from '../../services.js';
import { requireBearer } from '../require-bearer.js';
import type { RejectionLog } from '../rejection-log.js';
import { computeAdminStats } from '../../web/server/compute-admin-stats.js';
import { loadOutcomeLabels } from '../../web/server/outcome-labels.js';

const fold = (s: string) =>
  s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase();

export function createAdminStatsRouter(services: Services, rejections?: RejectionLog): Router {
  const router = Router();
  const auth = requireBearer(() => services.config.ADMIN_TOKEN, 'admin', rejections);
  const labels = loadOutcomeLabels();

  router.get('/api/admin/stats/outbox', auth, async (_req, res) => {
    res.json(await services.store.tx((t) => t.outboxStats()));
  });

  router.get('/api/admin/stats', auth, async (req, res) => {
    const days = Math.min(90, Math.max(1, Math.trunc(Number(req.query.days)) || 14));
    const now = services.clock();
    res.json(await services.store.tx((t) => computeAdminStats(t, now, days, labels)));
  });

  router.get('/api/admin/catalog/procedures', auth, (req, res) => {
    const q = fold(String(req.query.q ?? '').trim());
    const items = services.catalog.procedures
      .filter((p) => !q || p.code.startsWith(q) || fold(p.name).includes(q))
      .slice(0, 20)
      .map((p) => ({ code: p.code, name: p.name }));
    res.json({ items });
  });

  return router;
}
