/**
 * A local Zalo OA: a real HTTP server on 127.0.0.1 that speaks the documented wire
 * format (OpenAPI + OAuth on one server), and posts signed webhook events to the bot.
 *
 * Usage:
 *   const oa = await createOaEmulator({ webhookUrl: 'http://127.0.0.1:3000/webhooks/zalo' });
 *   config ZALO_OPENAPI_URL = ZALO_OAUTH_URL = oa.url; await oa.userSays('u1', 'xin chào');
 */
import { createServer, type Server } from 'node:http';
import { EventEmitter } from 'node:events';
import type { AddressInfo } from 'node:net';
import type { InjectedFault, OaEmulatorHandle, PostResult, RecordedOutbound } from './emulator-handle.js';
import { EmulatorState, randomToken } from './emulator-state.js';
import { handleOaApi, type ApiContext } from './handle-oa-api.js';
import { handleControl } from './handle-control.js';
import { sendJson } from './http-io.js';
import { postWebhook, WEBHOOK_RETRY_DELAYS_MS } from './post-webhook.js';
import {
  buildFollow,
  buildSubmitInfo,
  buildUserMedia,
  buildUserReceived,
  buildUserSeen,
  buildUserText,
  buildZnsReceived,
  newMsgId,
  type EmulatedMedia,
} from './build-inbound-event.js';
import { normalizeVnPhone } from '../normalize-phone.js';
import { loadEmulatedZnsTemplates, ZnsEmulatorState, type EmulatedZnsTemplate, type ZnsAccepted } from './zns-emulator.js';

export interface OaEmulatorOptions {
  /** 0 (default) = a random free port. */
  port?: number;
  appId?: string;
  oaId?: string;
  oaSecretKey?: string;
  appSecretKey?: string;
  accessToken?: string;
  refreshToken?: string;
  webhookUrl?: string;
  /** OA API calls allowed per minute before -32 (default 4000, the documented app limit). */
  rateLimitPerMinute?: number;
  now?: () => Date;
  /** ZNS templates as registered (default fixtures/zns-emulator-templates.json). */
  znsTemplates?: EmulatedZnsTemplate[];
  /** ZNS messages per Vietnam day (default 500). */
  znsDailyQuota?: number;
  /** Post a ZNS delivery receipt to the webhook after each accepted ZNS (default true). */
  znsDeliveryReceipts?: boolean;
  /** Delay between accepting a ZNS and posting its receipt (default 20 ms). */
  znsReceiptDelayMs?: number;
  /**
   * When a receipt cannot open a connection to the webhook (the bot is down), post it again
   * after these delays, with `num_retry`, as Zalo does (default 30 s, 5, 15, 30 and 60 min).
   */
  webhookRetryDelaysMs?: number[];
}

/** The handle plus extras for platform-level tests (kept off the shared interface so fakes need not grow). */
export type OaEmulator = OaEmulatorHandle & {
  setWebhookUrl(url: string): void;
  readonly oaId: string;
  /** Delivery receipts for OA messages (user_received_message / user_seen_message). */
  userReceived(userId: string, msgId: string): Promise<PostResult>;
  userSeen(userId: string, msgIds: string[]): Promise<PostResult>;
  /** Sign and post any payload (e.g. an oa_send_text echo); app_id/timestamp default to the emulator's. */
  postEvent(payload: Record<string, unknown>): Promise<PostResult>;
  /** The refresh token the emulator currently accepts (local mode wires it into the bot's config). */
  currentRefreshToken(): string;
  /** Post the last event again, byte for byte, with a num_retry header (a platform redelivery). */
  redeliverLast(): Promise<PostResult>;
  /** ZNS messages accepted so far (phone, template, data, rendered text, tracking id). */
  znsSent(): ZnsAccepted[];
  setZnsQuota(daily?: number, remaining?: number): void;
  znsQuota(): { dailyQuota: number; remainingQuota: number };
  /** e.g. 'DISABLE' to see the bot refuse to start or a send fail. */
  setZnsTemplateStatus(templateId: string, status: string): void;
  /** Post the (guessed) ZNS delivery receipt for an accepted ZNS, by its tracking id. */
  znsDelivered(trackingId: string): Promise<PostResult>;
};

export async function createOaEmulator(opts: OaEmulatorOptions = {}): Promise<OaEmulator> {
  const now = opts.now ?? (() => new Date());
  const state = new EmulatorState(
    opts.accessToken ?? randomToken('emu-at'),
    opts.refreshToken ?? randomToken('emu-rt'),
    opts.rateLimitPerMinute ?? 4000,
    now,
  );
  const appId = opts.appId ?? '1480529663187430000';
  const oaId = opts.oaId ?? '2979513920347201234';
  const oaSecretKey = opts.oaSecretKey ?? randomToken('emu-oa-secret');
  const appSecretKey = opts.appSecretKey ?? randomToken('emu-app-secret');
  let webhookUrl = opts.webhookUrl;
  const events = new EventEmitter();
  const zns = new ZnsEmulatorState(opts.znsTemplates ?? loadEmulatedZnsTemplates(), now);
  if (opts.znsDailyQuota !== undefined) zns.dailyQuota = opts.znsDailyQuota;
  const ctx: ApiContext = { state, events, appId, oaId, appSecretKey, zns, hanging: new Set() };

  let last: { payload: { app_id: string; timestamp: string }; msgId?: string; retries: number } | undefined;
  const post = async (userId: string, payload: { app_id: string; timestamp: string }, msgId?: string): Promise<PostResult> => {
    if (!webhookUrl) throw new Error(`OA emulator: no webhook URL set (setWebhookUrl) to deliver an event for ${userId}`);
    last = { payload, msgId, retries: 0 };
    return postWebhook(webhookUrl, payload, oaSecretKey, msgId);
  };
  const ids = () => ({ appId, oaId, now: now() });
  /** A user-initiated event opens (renews) the 7-day consultation window. */
  const interacted = (userId: string) => {
    state.user(userId).lastInteractionAt = now();
  };

  const handle: OaEmulator = {
    url: '',
    appId,
    oaId,
    oaSecretKey,
    appSecretKey,
    events,
    async userSays(userId, text) {
      const msgId = newMsgId();
      interacted(userId);
      state.logLine(userId, { messageId: msgId, fromUser: true, time: now().getTime(), type: 'text', text });
      return post(userId, buildUserText(ids(), userId, text, msgId), msgId);
    },
    async userTaps(userId, payload) {
      // [unconfirmed] a tapped oa.query.* button arrives as user_send_text with text = payload.
      return handle.userSays(userId, payload);
    },
    async userSendsMedia(userId, media) {
      const msgId = newMsgId();
      interacted(userId);
      state.logLine(userId, { messageId: msgId, fromUser: true, time: now().getTime(), type: media, text: '' });
      return post(userId, buildUserMedia(ids(), userId, media as EmulatedMedia, msgId), msgId);
    },
    async follow(userId) {
      // Whether a bare follow opens the window is unconfirmed: defensively it does not.
      state.user(userId).follower = true;
      return post(userId, buildFollow(ids(), userId, true));
    },
    async unfollow(userId) {
      state.user(userId).follower = false;
      return post(userId, buildFollow(ids(), userId, false));
    },
    async submitInfo(userId, info) {
      const u = state.user(userId);
      u.sharedName = info.name;
      u.sharedPhone = normalizeVnPhone(info.phone);
      interacted(userId);
      return post(userId, buildSubmitInfo(ids(), userId, info));
    },
    async userReceived(userId, msgId) {
      return post(userId, buildUserReceived(ids(), userId, msgId), msgId);
    },
    async userSeen(userId, msgIds) {
      return post(userId, buildUserSeen(ids(), userId, msgIds));
    },
    async postEvent(payload) {
      const p = { app_id: appId, timestamp: String(now().getTime()), ...payload } as { app_id: string; timestamp: string };
      return post('(raw event)', p);
    },
    async redeliverLast() {
      if (!last || !webhookUrl) throw new Error('OA emulator: nothing posted yet to redeliver');
      last.retries += 1;
      return postWebhook(webhookUrl, last.payload, oaSecretKey, last.msgId, last.retries);
    },
    outbound(userId?: string): RecordedOutbound[] {
      return state.outboundLog.filter((r) => userId === undefined || r.userId === userId);
    },
    clearOutbound() {
      state.outboundLog.length = 0;
    },
    injectFault(fault: InjectedFault) {
      state.addFault(fault);
    },
    clearFaults() {
      state.clearFaults();
    },
    setLastInteraction(userId, at) {
      state.user(userId).lastInteractionAt = at;
    },
    setFollower(userId, follows) {
      state.user(userId).follower = follows;
    },
    setWebhookUrl(url) {
      webhookUrl = url;
    },
    currentAccessToken: () => state.accessToken,
    currentRefreshToken: () => state.refreshToken,
    expireAccessToken() {
      state.accessExpired = true;
    },
    refreshCount: () => state.refreshes,
    znsSent: () => [...zns.sent],
    setZnsQuota: (daily, remaining) => zns.setQuota(daily, remaining),
    znsQuota: () => zns.quota(),
    setZnsTemplateStatus(templateId, status) {
      const t = zns.templates.get(templateId);
      if (!t) throw new Error(`OA emulator: no ZNS template ${templateId}`);
      t.status = status;
    },
    async znsDelivered(trackingId) {
      const rec = zns.sent.find((r) => r.trackingId === trackingId);
      if (!rec) throw new Error(`OA emulator: no ZNS with tracking id ${trackingId}`);
      return post('(zns)', buildZnsReceived(ids(), rec), rec.msgId);
    },
    close: async () => undefined,
  };

  // Only "could not open a connection" is redelivered (a reset or a slow answer is not: doc §1.5).
  const NO_CONNECTION = new Set(['ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
  const retryDelays = opts.webhookRetryDelaysMs ?? WEBHOOK_RETRY_DELAYS_MS;
  const receiptTimers = new Set<NodeJS.Timeout>();
  const later = (ms: number, fn: () => Promise<unknown>) => {
    const t = setTimeout(() => {
      receiptTimers.delete(t);
      void fn().catch(() => undefined);
    }, ms).unref();
    receiptTimers.add(t);
  };
  /** One receipt, redelivered on connection failures only (a slow or non-200 answer is not retried). */
  const postReceipt = async (payload: { app_id: string; timestamp: string }, msgId: string, retry: number): Promise<void> => {
    if (!webhookUrl) return;
    const r = await postWebhook(webhookUrl, payload, oaSecretKey, msgId, retry);
    if (r.status === 0 && NO_CONNECTION.has(r.error ?? '') && retry < retryDelays.length) later(retryDelays[retry], () => postReceipt(payload, msgId, retry + 1));
  };
  if (opts.znsDeliveryReceipts !== false) {
    events.on('zns', (rec: ZnsAccepted) => {
      if (!webhookUrl) return;
      later(opts.znsReceiptDelayMs ?? 20, () => postReceipt(buildZnsReceived(ids(), rec), rec.msgId, 0));
    });
  }

  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    (async () => {
      if (await handleOaApi(ctx, req, res, url)) return;
      if (await handleControl(handle, req, res, url)) return;
      sendJson(res, 404, { error: -201, message: `unknown path ${url.pathname}` });
    })().catch((err: Error) => {
      if (!res.headersSent) sendJson(res, 500, { message: err.message });
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  (handle as { url: string }).url = `http://127.0.0.1:${port}`;
  handle.close = () =>
    new Promise<void>((resolve) => {
      for (const t of [...ctx.hanging, ...receiptTimers]) clearTimeout(t);
      ctx.hanging.clear();
      receiptTimers.clear();
      server.close(() => resolve());
      server.closeAllConnections();
    });
  return handle;
}
