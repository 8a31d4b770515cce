/**
 * Officer API for dossiers, notifications and satisfaction (bearer ADMIN_TOKEN).
 * Writes reuse the feed's domain calls so the ingest key never reaches a browser.
 */
import { Router } from 'express';
import type { Services } from '../../services.js';
import type { RouteExtras } from './route-extras.js';
import type { OutboxStatus } from '../../store/records.js';
import { requireBearer } from '../require-bearer.js';
import { dossierWriteHandlers, jsonBodyParser } from './dossier-feed-routes.js';
import { dossierDetail, dossierListItem } from '../../dossiers/officer-view.js';
import { normaliseDossierCode } from '../../dossiers/dossier-code.js';
import { retryOutboxItem } from '../../notify/retry-outbox-item.js';
import { notificationView, redactOutboxItem } from '../../notify/notification-view.js';

const OUTBOX_STATUSES: OutboxStatus[] = ['pending', 'sending', 'sent', 'waiting', 'failed'];

const intParam = (v: unknown, def: number, max: number) => {
  const n = Number(v);
  return Number.isInteger(n) && n >= 0 ? Math.min(n, max) : def;
};

export function createAdminDossierRouter(services: Services, extras: RouteExtras): Router {
  const router = Router();
  const auth = requireBearer(() => services.config.ADMIN_TOKEN, 'admin', extras.rejections);
  const parseJsonBody = jsonBodyParser('admin', extras.rejections);
  const h = dossierWriteHandlers(services);
  const { store } = services;

  router.get('/api/admin/dossiers', auth, async (req, res) => {
    const status = Number(req.query.status);
    const { items, total } = await store.tx((t) =>
      t.searchDossiers({
        q: typeof req.query.q === 'string' && req.query.q.trim() ? req.query.q.trim() : undefined,
        status: Number.isInteger(status) && status >= 1 && status <= 10 ? status : undefined,
        limit: intParam(req.query.limit, 50, 500),
        offset: intParam(req.query.offset, 0, 1_000_000),
      }),
    );
    res.json({ items: items.map((d) => dossierListItem(services, d)), total });
  });

  router.get('/api/admin/dossiers/:code', auth, async (req, res) => {
    const code = normaliseDossierCode(String(req.params.code));
    const found = await store.tx(async (t) => {
      const dossier = await t.getDossier(code);
      if (!dossier) return null;
      const [subs, outbox] = await Promise.all([t.listSubscribers(code), t.listOutbox({ dossierCode: code, limit: 200 })]);
      return { dossier, subscribers: subs.length, outbox };
    });
    if (!found) return void res.status(404).json({ error: 'not_found', code });
    const now = services.clock();
    res.json({
      dossier: dossierDetail(services, found.dossier),
      subscribers: found.subscribers,
      notifications: found.outbox.map((i) => notificationView(i, now)),
      outbox: found.outbox.map(redactOutboxItem),
    });
  });

  router.put('/api/admin/dossiers/:code', auth, parseJsonBody, h.put);
  router.post('/api/admin/dossiers/:code/events', auth, parseJsonBody, h.event);

  router.get('/api/admin/outbox', auth, async (req, res) => {
    const status = OUTBOX_STATUSES.find((s) => s === req.query.status);
    if (req.query.status !== undefined && !status) {
      return void res.status(400).json({ error: 'validation', problems: [{ path: 'status', message: `one of ${OUTBOX_STATUSES.join(', ')}` }] });
    }
    const items = await store.tx((t) => t.listOutbox({ status, limit: intParam(req.query.limit, 200, 1000) }));
    res.json({ items: items.map(redactOutboxItem) });
  });

  router.post('/api/admin/outbox/:id/retry', auth, async (req, res) => {
    const r = await retryOutboxItem(services, String(req.params.id));
    if (r.ok) return void res.json({ item: redactOutboxItem(r.item) });
    if (r.reason === 'not_found') return void res.status(404).json({ error: 'not_found' });
    res.status(409).json({ error: 'not_retryable', status: r.item?.status });
  });

  router.get('/api/admin/subscriptions/count', auth, async (_req, res) => {
    res.json({ count: await store.tx((t) => t.countSubscriptions()) });
  });

  router.get('/api/admin/satisfaction', auth, async (req, res) => {
    const items = await store.tx((t) => t.listSatisfaction(intParam(req.query.limit, 1000, 10_000)));
    const average = items.length ? Math.round((items.reduce((s, i) => s + i.score, 0) / items.length) * 100) / 100 : null;
    res.json({ items, count: items.length, average });
  });

  return router;
}
