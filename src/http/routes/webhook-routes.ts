/**
 * POST /webhooks/zalo — the only door for OA events. Transport only:
 * size limit (413) → JSON (400) → signature over the raw bytes (401) →
 * timestamp window (401) → typed event (400) → inbox write → 200.
 * The event is durable in the inbox BEFORE the 200, and handled after it
 * (never lean on the platform's redelivery as a queue). A redelivery hits the
 * inbox's unique key: 200 and nothing else.
 */
import express, { Router, type ErrorRequestHandler, type Request, type Response } from 'express';
import type { Services } from '../../services.js';
import { verifySignature } from '../../platform/zalo/verify-signature.js';
import { dedupeKeys, eventNameOf, OaEventParseError, parseOaEvent } from '../../platform/zalo/parse-oa-event.js';
import { webhookRequests } from '../../metrics.js';
import type { OaEvent } from '../../platform/zalo/events.js';
import type { Logger } from 'pino';
import type { RejectionLog } from '../rejection-log.js';

export const WEBHOOK_PATH = '/webhooks/zalo';
export const WEBHOOK_BODY_LIMIT = '256kb';

export interface WebhookDeps {
  /** Hand a recorded event to the inbox processor (called after the response). */
  enqueue(key: string, userId: string, event: OaEvent): void;
}

type Outcome = 'accepted' | 'duplicate' | 'bad_signature' | 'stale' | 'malformed' | 'too_large' | 'ignored';

/** Refusals (a forged, replayed or broken event, a misconfigured secret): logged sampled. */
const REJECTED = new Set<Outcome>(['bad_signature', 'stale', 'too_large', 'malformed']);

const REMEDY: Partial<Record<Outcome, string>> = {
  bad_signature: ' (check ZALO_APP_ID / ZALO_OA_SECRET_KEY if this repeats)',
  stale: ' (check the server clock if this repeats)',
};

/** Answer the platform; count every outcome, sample-log the refusals. */
function answerWith(rejections: RejectionLog | undefined) {
  return (res: Response, outcome: Outcome, status: number, error?: string): void => {
    webhookRequests.inc({ outcome });
    if (REJECTED.has(outcome)) {
      const req = res.req;
      const fields = { status, error, ip: req.ip, requestId: res.locals.requestId };
      rejections?.reject('webhook', outcome, fields, `webhook event rejected${REMEDY[outcome] ?? ''}`);
    } else {
      (res.locals.log as Logger | undefined)?.debug({ outcome, status, eventId: res.locals.eventId }, 'webhook event');
    }
    res.status(status).json(error ? { error } : { ok: true });
  };
}

/** `timestamp` as the signature saw it: the body's string, or a number's digits. */
function rawField(v: unknown): string | undefined {
  return typeof v === 'string' ? v : typeof v === 'number' && Number.isSafeInteger(v) ? String(v) : undefined;
}

export function createWebhookRouter(services: Services, deps: WebhookDeps, rejections?: RejectionLog): Router {
  const { config, store, clock } = services;
  const router = Router();
  const answer = answerWith(rejections);

  router.post(WEBHOOK_PATH, express.raw({ type: () => true, limit: WEBHOOK_BODY_LIMIT }), async (req: Request, res: Response) => {
    const raw: Buffer = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    let json: unknown;
    try {
      json = JSON.parse(raw.toString('utf8'));
    } catch {
      return answer(res, 'malformed', 400, 'malformed_json');
    }
    if (typeof json !== 'object' || json === null || Array.isArray(json)) return answer(res, 'malformed', 400, 'not_an_object');

    const body = json as Record<string, unknown>;
    const appId = rawField(body.app_id);
    const timestamp = rawField(body.timestamp);
    const secret = config.ZALO_OA_SECRET_KEY ?? '';
    if (appId !== config.ZALO_APP_ID || !verifySignature(req.get('x-zevent-signature'), raw, appId, timestamp, secret)) {
      return answer(res, 'bad_signature', 401, 'bad_signature');
    }

    // Old enough to be a replay, yet the platform's last retry (1 h) must still pass.
    const sentAt = Number(timestamp);
    const now = clock().getTime();
    if (
      !Number.isFinite(sentAt) ||
      now - sentAt > config.WEBHOOK_MAX_AGE_SECONDS * 1000 ||
      sentAt - now > config.WEBHOOK_MAX_FUTURE_SECONDS * 1000
    ) {
      return answer(res, 'stale', 401, 'stale');
    }

    let event;
    try {
      event = parseOaEvent(body);
    } catch (err) {
      if (err instanceof OaEventParseError) return answer(res, 'malformed', 400, 'malformed_event');
      throw err;
    }
    if (event.kind === 'ignored') return answer(res, 'ignored', 200);

    const { key, legacy } = dedupeKeys(event, raw);
    const inserted = await store.tx((t) =>
      t.insertInbound(
        {
          key,
          eventName: eventNameOf(event),
          userId: event.userId,
          event,
          receivedAt: new Date(now).toISOString(),
          status: 'pending',
          attempts: 0,
        },
        legacy,
      ),
    );
    res.locals.eventId = key;
    if (!inserted) return answer(res, 'duplicate', 200);
    answer(res, 'accepted', 200);
    deps.enqueue(key, event.userId, event);
  });

  // Errors of the body reader for this route (size, encoding): the client's fault.
  const bodyErrors: ErrorRequestHandler = (err, req, res, next) => {
    if (req.path !== WEBHOOK_PATH || res.headersSent) return next(err);
    const e = err as { type?: string; status?: number };
    if (e.type === 'entity.too.large' || e.status === 413) return answer(res, 'too_large', 413, 'too_large');
    if (typeof e.status === 'number' && e.status >= 400 && e.status < 500) return answer(res, 'malformed', 400, 'bad_body');
    next(err);
  };
  router.use(bodyErrors);
  return router;
}
