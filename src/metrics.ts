/**
 * Prometheus metrics (prom-client), one registry for the process.
 * Increment these where the thing happens; /metrics serves the registry.
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export const registry = new Registry();
collectDefaultMetrics({ register: registry });

export const webhookRequests = new Counter({
  name: 'motcua_webhook_requests_total',
  help: 'Webhook requests by outcome (accepted, duplicate, bad_signature, stale, malformed, too_large, ignored)',
  labelNames: ['outcome'] as const,
  registers: [registry],
});

export const httpRejections = new Counter({
  name: 'motcua_http_rejections_total',
  help: 'Rejected webhook and API requests by source (webhook, admin, dossier-feed, simulator, http) and reason; all counted, logs are sampled',
  labelNames: ['source', 'reason'] as const,
  registers: [registry],
});

export const replyLatency = new Histogram({
  name: 'motcua_reply_latency_seconds',
  help: 'From webhook receipt to the OA accepting the reply',
  buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 5],
  registers: [registry],
});

export const intentsTotal = new Counter({
  name: 'motcua_intents_total',
  help: 'Handled turns by intent',
  labelNames: ['intent', 'answered'] as const,
  registers: [registry],
});

export const inboxParkedTotal = new Counter({
  name: 'motcua_inbox_parked_total',
  help: 'Inbox events given up on after their attempts (crashed, hung or threw every time); listed in the console',
  registers: [registry],
});

export const unansweredTotal = new Counter({
  name: 'motcua_unanswered_total',
  help: 'Questions the bot could not answer',
  labelNames: ['reason'] as const,
  registers: [registry],
});

export const oaApiErrors = new Counter({
  name: 'motcua_oa_api_errors_total',
  help: 'OA API errors by code (OA error code, http_<status>, or network)',
  labelNames: ['code'] as const,
  registers: [registry],
});

export const tokenRefreshes = new Counter({
  name: 'motcua_oa_token_refreshes_total',
  help: 'OA access token refreshes by result',
  labelNames: ['result'] as const,
  registers: [registry],
});

export const notificationsTotal = new Counter({
  name: 'motcua_notifications_total',
  help: 'Outbox deliveries by kind and result (sent, retried, failed, waiting)',
  labelNames: ['kind', 'result'] as const,
  registers: [registry],
});

/** Set by a collect callback from the store (see http/routes/metrics-routes.ts). */
export const outboxDepth = new Gauge({
  name: 'motcua_outbox_depth',
  help: 'Outbox items by status',
  labelNames: ['status'] as const,
  registers: [registry],
});

export const outboxOldestAge = new Gauge({
  name: 'motcua_outbox_oldest_unsent_age_seconds',
  help: 'Age of the oldest unsent outbox item',
  registers: [registry],
});
