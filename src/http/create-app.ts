/**
 * The express app: request ids, the webhook, health, and every feature router.
 * Routes only parse, authenticate and call one domain entry point.
 *
 * Usage: const app = createApp(services, { inbox, emulator }); app.listen(port);
 */
import { randomUUID } from 'node:crypto';
import express, { type ErrorRequestHandler, type Express, type RequestHandler } from 'express';
import type { Services } from '../services.js';
import type { RouteExtras } from './routes/route-extras.js';
import { createWebhookRouter, type WebhookDeps } from './routes/webhook-routes.js';
import { createHealthRouter, type HealthDeps } from './routes/health-routes.js';
import { createDossierFeedRouter } from './routes/dossier-feed-routes.js';
import { createAdminDossierRouter } from './routes/admin-dossier-routes.js';
import { createAdminZnsRouter } from './routes/admin-zns-routes.js';
import { createAdminDialogRouter } from './routes/admin-dialog-routes.js';
import { createSimulatorRouter } from './routes/simulator-routes.js';
import { createConsoleRouter } from './routes/console-routes.js';
import { createMetricsRouter } from './routes/metrics-routes.js';
import { RejectionLog } from './rejection-log.js';
import { officerPresence } from './officer-presence.js';

export interface AppExtras extends RouteExtras, HealthDeps {
  /** Where accepted webhook events go; default: handled in-process on the next tick. */
  inbox: WebhookDeps;
}

const REQUEST_ID = /^[\w.:-]{1,100}$/;

/**
 * A request id per request (the caller's X-Request-Id when sane), echoed back, put on
 * res.locals with a child logger (res.locals.log), and one debug line when the response is done.
 */
function requestIds(services: Services): RequestHandler {
  return (req, res, next) => {
    const given = req.get('x-request-id');
    const id = given && REQUEST_ID.test(given) ? given : randomUUID();
    const started = process.hrtime.bigint();
    res.locals.requestId = id;
    res.locals.log = services.log.child({ requestId: id });
    res.set('X-Request-Id', id);
    if (services.log.isLevelEnabled('debug')) {
      res.on('finish', () => {
        const ms = Number(process.hrtime.bigint() - started) / 1e6;
        res.locals.log.debug({ method: req.method, path: req.path, status: res.statusCode, ms, eventId: res.locals.eventId }, 'request');
      });
    }
    next();
  };
}

export function createApp(services: Services, appExtras: AppExtras): Express {
  const rejections = appExtras.rejections ?? new RejectionLog(services.log);
  const extras = { ...appExtras, rejections };
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.use(requestIds(services));

  app.use(createHealthRouter(services, extras));
  app.use(createWebhookRouter(services, extras.inbox, rejections));
  app.use(createDossierFeedRouter(services, extras));
  app.use('/api/admin', officerPresence(services));
  app.use(createAdminDossierRouter(services, extras));
  app.use(createAdminZnsRouter(services, extras));
  app.use(createAdminDialogRouter(services, extras));
  app.use(createSimulatorRouter(services, extras));
  app.use(createConsoleRouter(services, extras));
  app.use(createMetricsRouter(services, extras));

  app.use((_req, res) => {
    res.status(404).json({ error: 'not_found' });
  });

  // One exit for errors: a JSON answer without stack traces; 5xx are logged with the request id.
  const onError: ErrorRequestHandler = (err, req, res, _next) => {
    const e = err as { status?: number; statusCode?: number; expose?: boolean; type?: string; message?: string };
    const status = Number(e.status ?? e.statusCode ?? 500);
    const code = status >= 400 && status < 600 ? status : 500;
    if (code >= 500) {
      services.log.error({ err, requestId: res.locals.requestId, eventId: res.locals.eventId, method: req.method, path: req.path }, 'request failed');
    } else {
      // A body parser's refusal (413, bad JSON) on a route without its own handling.
      const reason = code === 413 ? 'too_large' : (e.type ?? 'bad_request');
      rejections.reject('http', reason, { status: code, method: req.method, path: req.path, ip: req.ip, requestId: res.locals.requestId }, `request refused (${code})`);
    }
    if (res.headersSent) return;
    const error = code === 413 ? 'too_large' : code >= 500 ? 'internal_error' : e.expose && e.type ? e.type : 'bad_request';
    res.status(code).json({ error, requestId: res.locals.requestId });
  };
  app.use(onError);
  return app;
}
