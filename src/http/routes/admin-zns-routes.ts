/**
 * Officer API for ZNS (bearer ADMIN_TOKEN):
 *   GET  /api/admin/zns             configured templates and the quota left today
 *   POST /api/admin/zns/test-send   {key, phone}: send one template with sample values
 */
import { Router } from 'express';
import type { Services } from '../../services.js';
import type { RouteExtras } from './route-extras.js';
import { requireBearer } from '../require-bearer.js';
import { jsonBodyParser } from './dossier-feed-routes.js';
import { testSendZns, znsOverview } from '../../notify/zns-test-send.js';

export function createAdminZnsRouter(services: Services, extras: RouteExtras): Router {
  const router = Router();
  const auth = requireBearer(() => services.config.ADMIN_TOKEN, 'admin', extras.rejections);
  const parseJsonBody = jsonBodyParser('admin', extras.rejections);
  router.get('/api/admin/zns', auth, (_req, res) => {
    res.json(znsOverview(services));
  });
  router.post('/api/admin/zns/test-send', auth, parseJsonBody, async (req, res) => {
    const body = (req.body ?? {}) as { key?: unknown; phone?: unknown };
    if (typeof body.key !== 'string' || typeof body.phone !== 'string') {
      return void res.status(400).json({ error: 'validation', problems: [{ path: '', message: 'key and phone (strings) required' }] });
    }
    const r = await testSendZns(services, body.key, body.phone);
    res.status(r.ok ? 200 : 422).json(r.ok ? r : { ...r, message: r.reason });
  });
  return router;
}
