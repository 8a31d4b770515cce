/**
 * Officer and catalog-owner endpoints for the conversation side (bearer ADMIN_TOKEN):
 *   GET  /api/admin/handoffs?status=open|released|expired → {items} (with citizen names, waitingSince, the turns before)
 *   POST /api/admin/handoffs/:userId/reply {text}        → 202 {queued: true}
 *   POST /api/admin/handoffs/:userId/release             → {handoff}
 *   GET  /api/admin/feedback?limit=&status=              → {items} (replies with their delivery status)
 *   POST /api/admin/feedback/:number/reply {text}        → {ticket} (answered; the text goes to the citizen)
 *   POST /api/admin/feedback/:number/status {status}     → {ticket}
 *   /api/admin/unanswered…, taught-aliases…, referrals…   → admin-unanswered-routes.ts
 *   POST /api/admin/presence                             → 204 (the console's heartbeat: an officer is on duty)
 *   GET  /api/admin/inbox/failed?limit=                  → {items} (parked inbox events, newest first)
 * The route parses and calls src/dialog; no logic here.
 */
import express, { Router } from 'express';
import { z } from 'zod';
import type { Services } from '../../services.js';
import type { RouteExtras } from './route-extras.js';
import { requireBearer } from '../require-bearer.js';
import { HandoffNotFoundError, releaseHandoff, replyAsOfficer } from '../../dialog/handoff-service.js';
import { handoffQueue } from '../../dialog/handoff-queue.js';
import { MAX_TEXT_LENGTH } from '../../platform/zalo/messages.js';
import { createAdminUnansweredRouter } from './admin-unanswered-routes.js';
import { FeedbackNotFoundError, feedbackList, replyToFeedback, setFeedbackStatus } from '../../dialog/feedback-officer.js';
import { FEEDBACK_STATUSES } from '../../dialog/feedback-status.js';
import { listFailedInbound } from '../../dialog/failed-inbound-view.js';

const StatusQuery = z.enum(['open', 'released', 'expired']).optional();
const ReplyBody = z.object({ text: z.string().trim().min(1).max(MAX_TEXT_LENGTH) });
const UserIdParam = z.string().regex(/^[\w.-]{1,64}$/);
const TicketParam = z.string().regex(/^[\w.-]{1,64}$/);
const FeedbackStatusValue = z.enum(FEEDBACK_STATUSES as [string, ...string[]]).transform((s) => s as (typeof FEEDBACK_STATUSES)[number]);
const FeedbackStatusBody = z.object({ status: FeedbackStatusValue });
const limitOf = (v: unknown) => Math.min(500, Math.max(1, Math.trunc(Number(v)) || 100));

export function createAdminDialogRouter(services: Services, extras: RouteExtras): Router {
  const router = Router();
  const auth = requireBearer(() => services.config.ADMIN_TOKEN, 'admin', extras.rejections);
  const json = express.json({ limit: '32kb' });

  router.get('/api/admin/handoffs', auth, async (req, res) => {
    const status = StatusQuery.safeParse(req.query.status || undefined);
    if (!status.success) return void res.status(400).json({ error: 'bad_request', detail: 'status: open, released or expired' });
    res.json({ items: await handoffQueue(services, status.data) });
  });

  router.post('/api/admin/handoffs/:userId/reply', auth, json, async (req, res) => {
    const userId = UserIdParam.safeParse(req.params.userId);
    const body = ReplyBody.safeParse(req.body);
    if (!userId.success || !body.success) return void res.status(400).json({ error: 'bad_request', detail: 'text: 1–2000 characters' });
    try {
      await replyAsOfficer(services, userId.data, body.data.text);
      res.status(202).json({ queued: true });
    } catch (err) {
      if (err instanceof HandoffNotFoundError) return void res.status(404).json({ error: 'not_found' });
      throw err;
    }
  });

  router.post('/api/admin/handoffs/:userId/release', auth, async (req, res) => {
    const userId = UserIdParam.safeParse(req.params.userId);
    if (!userId.success) return void res.status(400).json({ error: 'bad_request' });
    try {
      res.json({ handoff: await releaseHandoff(services, userId.data, 'admin') });
    } catch (err) {
      if (err instanceof HandoffNotFoundError) return void res.status(404).json({ error: 'not_found' });
      throw err;
    }
  });

  router.get('/api/admin/feedback', auth, async (req, res) => {
    const limit = limitOf(req.query.limit);
    const status = FeedbackStatusValue.optional().safeParse(req.query.status || undefined);
    if (!status.success) return void res.status(400).json({ error: 'bad_request', detail: `status: ${FEEDBACK_STATUSES.join(', ')}` });
    res.json({ items: await feedbackList(services, limit, status.data) });
  });

  router.post('/api/admin/feedback/:number/reply', auth, json, async (req, res) => {
    const number = TicketParam.safeParse(req.params.number);
    const body = ReplyBody.safeParse(req.body);
    if (!number.success || !body.success) return void res.status(400).json({ error: 'bad_request', detail: 'text: 1–2000 characters' });
    try {
      res.json({ ticket: await replyToFeedback(services, number.data, body.data.text) });
    } catch (err) {
      if (err instanceof FeedbackNotFoundError) return void res.status(404).json({ error: 'not_found' });
      throw err;
    }
  });

  router.post('/api/admin/feedback/:number/status', auth, json, async (req, res) => {
    const number = TicketParam.safeParse(req.params.number);
    const body = FeedbackStatusBody.safeParse(req.body);
    if (!number.success || !body.success) return void res.status(400).json({ error: 'bad_request', detail: `status: ${FEEDBACK_STATUSES.join(', ')}` });
    try {
      res.json({ ticket: await setFeedbackStatus(services, number.data, body.data.status) });
    } catch (err) {
      if (err instanceof FeedbackNotFoundError) return void res.status(404).json({ error: 'not_found' });
      throw err;
    }
  });

  router.use(createAdminUnansweredRouter(services, auth));

  // Nothing to do here: officerPresence (create-app.ts) records every authenticated call, this one included.
  router.post('/api/admin/presence', auth, (_req, res) => void res.status(204).end());

  router.get('/api/admin/inbox/failed', auth, async (req, res) => {
    res.json({ items: await listFailedInbound(services, limitOf(req.query.limit)) });
  });

  return router;
}
