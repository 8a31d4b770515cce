/**
 * Status feed from the one-stop system (bearer INGEST_API_KEY):
 *   PUT  /api/v1/dossiers/:code          create or update a dossier
 *   POST /api/v1/dossiers/:code/events   record a status event
 * Parse, authenticate, call one domain entry point; answers follow the commit.
 */
import express, { Router, type RequestHandler, type Response } from 'express';
import type { Services } from '../../services.js';
import type { RouteExtras } from './route-extras.js';
import type { Dossier } from '../../store/records.js';
import { requireBearer } from '../require-bearer.js';
import type { RejectionLog } from '../rejection-log.js';
import { upsertDossier } from '../../dossiers/upsert-dossier.js';
import { recordDossierEvent } from '../../dossiers/record-dossier-event.js';
import { FeedValidationError } from '../../dossiers/feed-schemas.js';
import { DossierNotFoundError } from '../../dossiers/dossier-errors.js';
import { isFinalStatus } from '../../dossiers/dossier-status.js';

const jsonParser = express.json({ limit: '256kb', type: () => true });

/** JSON body parser that answers a malformed body with the feed's 400 shape instead of throwing. */
export const jsonBodyParser = (source: string, rejections?: RejectionLog): RequestHandler => (req, res, next) => {
  jsonParser(req, res, (err?: unknown) => {
    if (!err) return next();
    const status = (err as { status?: number }).status === 413 ? 413 : 400;
    rejections?.reject(source, status === 413 ? 'too_large' : 'bad_json', { status, method: req.method, path: req.baseUrl + req.path, ip: req.ip, requestId: res.locals.requestId }, `request refused (${status})`);
    res.status(status).json(
      status === 413
        ? { error: 'too_large' }
        : { error: 'validation', problems: [{ path: '', message: 'body must be valid JSON' }] },
    );
  });
};

/** Summary for feed answers: no applicant data. */
export const dossierSummary = (d: Dossier) => ({
  code: d.code,
  status: d.status,
  state: d.state,
  statusAt: d.statusAt,
  appointmentDate: d.appointmentDate,
  historyLength: d.history.length,
  historyDropped: d.historyDropped ?? 0,
  final: isFinalStatus(d.status),
});

/** Map domain errors to HTTP answers. */
export function sendDomainError(services: Services, res: Response, err: unknown): void {
  if (err instanceof FeedValidationError) {
    res.status(400).json({ error: 'validation', problems: err.problems });
  } else if (err instanceof DossierNotFoundError) {
    res.status(404).json({ error: 'not_found', code: err.code });
  } else {
    services.log.error({ err }, 'dossier request failed');
    res.status(500).json({ error: 'internal' });
  }
}

export function dossierWriteHandlers(services: Services) {
  const put: RequestHandler = async (req, res) => {
    try {
      const r = await upsertDossier(services, String(req.params.code), req.body);
      res.status(200).json({ ok: true, created: r.created, statusIgnored: r.statusIgnored, dossier: dossierSummary(r.dossier) });
    } catch (err) {
      sendDomainError(services, res, err);
    }
  };
  const event: RequestHandler = async (req, res) => {
    try {
      const r = await recordDossierEvent(services, String(req.params.code), req.body);
      res.status(200).json({
        ok: true,
        duplicate: r.duplicate,
        applied: r.applied,
        afterFinal: r.afterFinal,
        notifications: r.notifications,
        dossier: dossierSummary(r.dossier),
      });
    } catch (err) {
      sendDomainError(services, res, err);
    }
  };
  return { put, event };
}

export function createDossierFeedRouter(services: Services, extras: RouteExtras): Router {
  const router = Router();
  // An unset key outside local mode leaves getToken() undefined: every request is refused.
  const auth = requireBearer(() => services.config.INGEST_API_KEY, 'dossier-feed', extras.rejections);
  const parseJsonBody = jsonBodyParser('dossier-feed', extras.rejections);
  const h = dossierWriteHandlers(services);
  router.put('/api/v1/dossiers/:code', auth, parseJsonBody, h.put);
  router.post('/api/v1/dossiers/:code/events', auth, parseJsonBody, h.event);
  return router;
}
