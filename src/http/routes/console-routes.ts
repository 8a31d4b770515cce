/**
 * /console: the officer console page (static HTML + small ES modules) and the
 * extra admin endpoints it reads (admin-stats-routes.ts). The page itself is
 * public and holds no data or secrets; every data call carries the officer's
 * ADMIN_TOKEN as a bearer header.
 */
import { Router } from 'express';
import type { Services } from '../../services.js';
import type { RouteExtras } from './route-extras.js';
import { createAdminStatsRouter } from './admin-stats-routes.js';
import { sendPage, serveWebAssets } from '../../web/server/serve-web-assets.js';
import { localDefaultToken } from '../../web/server/local-default-token.js';
import { NOTIFY_STATUSES } from '../../dossiers/dossier-status.js';

export function createConsoleRouter(services: Services, extras: RouteExtras): Router {
  const router = Router();
  const { config } = services;

  router.use(createAdminStatsRouter(services, extras.rejections));

  router.get('/console/config.json', (_req, res) => {
    res.set('Cache-Control', 'no-store').json({
      orgName: config.ORG_NAME,
      simulator: Boolean(extras.emulator),
      // Only the documented local-mode default is ever shown, never a configured token.
      localDefaultToken: localDefaultToken(config),
      // The status form asks the officer to confirm a change that notifies the citizen.
      notifyStatuses: [...NOTIFY_STATUSES].sort((a, b) => a - b),
    });
  });
  router.use('/console/assets', serveWebAssets('console'));
  router.get('/console', (_req, res) => sendPage(res, 'console'));
  return router;
}
