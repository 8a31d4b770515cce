/**
 * The unanswered-questions to-do list (bearer ADMIN_TOKEN), mounted by admin-dialog-routes.ts:
 *   GET    /api/admin/unanswered?limit=           → {items, groups, handled, taught, referrals}
 *   POST   /api/admin/unanswered/teach {alias, code, questions}  → 201 {alias}  ("this means procedure …")
 *   POST   /api/admin/unanswered/refer {sample, note, questions} → 201 {referral} ("not our procedure")
 *   GET    /api/admin/taught-aliases               → {items}
 *   GET    /api/admin/taught-aliases/export        → taught-aliases.json (the aliases.json format)
 *   DELETE /api/admin/taught-aliases/:key          → 204 (untaught) | 404
 *   GET    /api/admin/referrals                    → {items}
 *   DELETE /api/admin/referrals/:key               → 204 | 404
 * The route parses and calls src/dialog/unanswered; no logic here.
 */
import express, { Router, type Response } from 'express';
import { z } from 'zod';
import type { Services } from '../../services.js';
import type { RequestHandler } from 'express';
import { isRealQuestion } from '../../dialog/unanswered/question-key.js';
import {
  exportTaughtAliases,
  listTodo,
  referQuestion,
  removeReferral,
  teachAlias,
  TeachError,
  untaughtAlias,
} from '../../dialog/unanswered/unanswered-todo.js';

const Questions = z.array(z.string().max(300)).max(200).default([]);
const TeachBody = z.object({ alias: z.string().trim().min(2).max(200), code: z.string().regex(/^\d\.\d{6}$/), questions: Questions });
const ReferBody = z.object({ sample: z.string().trim().min(1).max(500), note: z.string().trim().min(5).max(1000), questions: Questions });
const KeyParam = z.string().min(1).max(300);
const limitOf = (v: unknown) => Math.min(500, Math.max(1, Math.trunc(Number(v)) || 100));

function sendTeachError(res: Response, err: unknown): void {
  if (!(err instanceof TeachError)) throw err;
  const status = err.code === 'not_found' ? 404 : 400;
  res.status(status).json({ error: err.code, message: err.message });
}

export function createAdminUnansweredRouter(services: Services, auth: RequestHandler): Router {
  const router = Router();
  const json = express.json({ limit: '64kb' });

  router.get('/api/admin/unanswered', auth, async (req, res) => {
    const limit = limitOf(req.query.limit);
    const [raw, todo] = await Promise.all([services.store.tx((t) => t.listUnanswered(limit)), listTodo(services)]);
    res.json({ items: raw.filter((q) => isRealQuestion(q.sample)), groups: todo.open, handled: todo.handled, taught: todo.taught, referrals: todo.referrals });
  });

  router.post('/api/admin/unanswered/teach', auth, json, async (req, res) => {
    const body = TeachBody.safeParse(req.body);
    if (!body.success) return void res.status(400).json({ error: 'bad_request', detail: 'alias: 2–200 characters; code: N.NNNNNN' });
    try {
      res.status(201).json({ alias: await teachAlias(services, { ...body.data, by: 'admin' }) });
    } catch (err) {
      sendTeachError(res, err);
    }
  });

  router.post('/api/admin/unanswered/refer', auth, json, async (req, res) => {
    const body = ReferBody.safeParse(req.body);
    if (!body.success) return void res.status(400).json({ error: 'bad_request', detail: 'sample: 1–500 characters; note: 5–1000 characters' });
    try {
      res.status(201).json({ referral: await referQuestion(services, { ...body.data, by: 'admin' }) });
    } catch (err) {
      sendTeachError(res, err);
    }
  });

  router.get('/api/admin/taught-aliases', auth, async (_req, res) => {
    res.json({ items: (await listTodo(services)).taught });
  });

  router.get('/api/admin/taught-aliases/export', auth, async (_req, res) => {
    res.set('Content-Disposition', 'attachment; filename="taught-aliases.json"');
    res.type('application/json').send(`${JSON.stringify(await exportTaughtAliases(services), null, 2)}\n`);
  });

  router.delete('/api/admin/taught-aliases/:key', auth, async (req, res) => {
    const key = KeyParam.safeParse(req.params.key);
    if (!key.success) return void res.status(400).json({ error: 'bad_request' });
    try {
      await untaughtAlias(services, key.data);
      res.status(204).end();
    } catch (err) {
      sendTeachError(res, err);
    }
  });

  router.get('/api/admin/referrals', auth, async (_req, res) => {
    res.json({ items: await services.store.tx((t) => t.listReferrals()) });
  });

  router.delete('/api/admin/referrals/:key', auth, async (req, res) => {
    const key = KeyParam.safeParse(req.params.key);
    if (!key.success) return void res.status(400).json({ error: 'bad_request' });
    try {
      await removeReferral(services, key.data);
      res.status(204).end();
    } catch (err) {
      sendTeachError(res, err);
    }
  });

  return router;
}
