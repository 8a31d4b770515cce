/**
 * The emulator's control surface over HTTP (/_emulator/*), so a test can drive an
 * emulator in another process. Mirrors OaEmulatorHandle.
 *
 *   POST   /_emulator/users/:id/says {text} | /taps {payload} | /media {media} | /follow | /unfollow
 *          | /submit-info {name, phone} | /last-interaction {at} | /follower {follows}
 *   GET    /_emulator/outbound?userId=      DELETE /_emulator/outbound
 *   POST   /_emulator/faults {InjectedFault} DELETE /_emulator/faults
 *   POST   /_emulator/expire-token           GET /_emulator/stats   GET /_emulator/tokens
 *   POST   /_emulator/webhook-url {url}
 *   POST   /_emulator/users/:id/received {msgId} | /seen {msgIds}
 *   POST   /_emulator/events {any event payload}   POST /_emulator/redeliver
 *   GET    /_emulator/zns (accepted ZNS + quota)  POST /_emulator/zns/quota {daily?, remaining?}
 *   POST   /_emulator/zns/templates/:id {status}  POST /_emulator/zns/delivered {trackingId}
 *   ZNS faults: POST /_emulator/faults {kind: 'api', endpoint: '/message/template', code: -144}
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { InjectedFault } from './emulator-handle.js';
import type { OaEmulator } from './oa-emulator.js';
import { isObject, readBody, sendJson, tryJson } from './http-io.js';
import type { EmulatedMedia } from './build-inbound-event.js';

const MEDIA = new Set(['image', 'sticker', 'file', 'location', 'gif', 'audio', 'video', 'link']);
const FAULT_KINDS = new Set(['api', 'http', 'timeout', 'reset']);

function isLoopback(addr: string | undefined): boolean {
  return addr === '127.0.0.1' || addr === '::1' || addr === '::ffff:127.0.0.1';
}

export async function handleControl(h: OaEmulator, req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> {
  const path = url.pathname;
  if (!path.startsWith('/_emulator/')) return false;
  const method = req.method ?? 'GET';
  const raw = method === 'POST' ? (await readBody(req)).toString('utf8') : '';
  const body = raw ? tryJson(raw) : {};
  if (!isObject(body)) return reply(res, 400, { error: 'body must be a JSON object' });

  const user = /^\/_emulator\/users\/([^/]+)\/([a-z-]+)$/.exec(path);
  if (user && method === 'POST') {
    const id = decodeURIComponent(user[1]);
    switch (user[2]) {
      case 'says':
        return typeof body.text === 'string' ? reply(res, 200, await h.userSays(id, body.text)) : reply(res, 400, { error: 'text required' });
      case 'taps':
        return typeof body.payload === 'string' ? reply(res, 200, await h.userTaps(id, body.payload)) : reply(res, 400, { error: 'payload required' });
      case 'media':
        return typeof body.media === 'string' && MEDIA.has(body.media)
          ? reply(res, 200, await h.userSendsMedia(id, body.media as EmulatedMedia))
          : reply(res, 400, { error: `media must be one of ${[...MEDIA].join(', ')}` });
      case 'follow':
        return reply(res, 200, await h.follow(id));
      case 'unfollow':
        return reply(res, 200, await h.unfollow(id));
      case 'submit-info':
        return typeof body.name === 'string' && typeof body.phone === 'string'
          ? reply(res, 200, await h.submitInfo(id, { name: body.name, phone: body.phone }))
          : reply(res, 400, { error: 'name and phone required' });
      case 'last-interaction': {
        const at = typeof body.at === 'string' ? new Date(body.at) : new Date(NaN);
        if (Number.isNaN(at.getTime())) return reply(res, 400, { error: 'at must be an ISO date' });
        h.setLastInteraction(id, at);
        return reply(res, 200, { ok: true });
      }
      case 'follower':
        h.setFollower(id, body.follows !== false);
        return reply(res, 200, { ok: true });
      case 'received':
        return typeof body.msgId === 'string' ? reply(res, 200, await h.userReceived(id, body.msgId)) : reply(res, 400, { error: 'msgId required' });
      case 'seen':
        return Array.isArray(body.msgIds) && body.msgIds.every((m) => typeof m === 'string')
          ? reply(res, 200, await h.userSeen(id, body.msgIds as string[]))
          : reply(res, 400, { error: 'msgIds (strings) required' });
    }
  }
  const tpl = /^\/_emulator\/zns\/templates\/([^/]+)$/.exec(path);
  if (tpl && method === 'POST') {
    if (typeof body.status !== 'string') return reply(res, 400, { error: 'status required' });
    try {
      h.setZnsTemplateStatus(decodeURIComponent(tpl[1]), body.status);
    } catch (err) {
      return reply(res, 404, { error: (err as Error).message });
    }
    return reply(res, 200, { ok: true });
  }
  const route = `${method} ${path}`;
  switch (route) {
    case 'GET /_emulator/outbound':
      return reply(res, 200, h.outbound(url.searchParams.get('userId') ?? undefined).map(({ accessToken: _t, ...rest }) => rest));
    case 'DELETE /_emulator/outbound':
      h.clearOutbound();
      return reply(res, 200, { ok: true });
    case 'POST /_emulator/faults':
      if (typeof body.kind !== 'string' || !FAULT_KINDS.has(body.kind)) return reply(res, 400, { error: 'kind must be api, http, timeout or reset' });
      h.injectFault(body as unknown as InjectedFault);
      return reply(res, 200, { ok: true });
    case 'DELETE /_emulator/faults':
      h.clearFaults();
      return reply(res, 200, { ok: true });
    case 'POST /_emulator/expire-token':
      h.expireAccessToken();
      return reply(res, 200, { ok: true });
    case 'POST /_emulator/webhook-url':
      if (typeof body.url !== 'string') return reply(res, 400, { error: 'url required' });
      h.setWebhookUrl(body.url);
      return reply(res, 200, { ok: true });
    case 'POST /_emulator/events':
      if (typeof body.event_name !== 'string') return reply(res, 400, { error: 'event_name required' });
      return reply(res, 200, await h.postEvent(body));
    case 'POST /_emulator/redeliver':
      return reply(res, 200, await h.redeliverLast());
    case 'GET /_emulator/zns':
      return reply(res, 200, { sent: h.znsSent(), quota: h.znsQuota() });
    case 'POST /_emulator/zns/quota':
      h.setZnsQuota(typeof body.daily === 'number' ? body.daily : undefined, typeof body.remaining === 'number' ? body.remaining : undefined);
      return reply(res, 200, { ok: true, quota: h.znsQuota() });
    case 'POST /_emulator/zns/delivered':
      if (typeof body.trackingId !== 'string') return reply(res, 400, { error: 'trackingId required' });
      return reply(res, 200, await h.znsDelivered(body.trackingId));
    case 'GET /_emulator/stats':
      return reply(res, 200, { refreshCount: h.refreshCount(), outboundCount: h.outbound().length });
    case 'GET /_emulator/tokens':
      // Emulator-issued test values only, and only to a loopback caller (the server binds 127.0.0.1).
      if (!isLoopback(req.socket.remoteAddress)) return reply(res, 403, { error: 'loopback only' });
      return reply(res, 200, { accessToken: h.currentAccessToken() });
  }
  return reply(res, 404, { error: `no emulator route ${route}` });
}

function reply(res: ServerResponse, status: number, body: unknown): true {
  sendJson(res, status, body);
  return true;
}
