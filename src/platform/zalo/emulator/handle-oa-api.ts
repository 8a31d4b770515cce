/**
 * The emulated OpenAPI and OAuth endpoints: faults, rate limit, token check,
 * body validation, consultation window, follower check, recording.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EventEmitter } from 'node:events';
import { randomUUID } from 'node:crypto';
import type { RecordedOutbound } from './emulator-handle.js';
import { type EmulatorState } from './emulator-state.js';
import { isObject, readBody, sendJson, tryJson } from './http-io.js';
import { oaErrorText } from './oa-error-texts.js';
import { validateConsultation, validateTransaction, type OaFailure } from './validate-outbound.js';
import { answerConversation, answerUserDetail } from './answer-queries.js';
import { answerTokenGrant } from './answer-token-grant.js';
import { ZNS_PATHS, type ZnsEmulatorState } from './zns-emulator.js';

export const OA_PATHS = {
  cs: '/v3.0/oa/message/cs',
  transaction: '/v3.0/oa/message/transaction',
  userDetail: '/v3.0/oa/user/detail',
  conversation: '/v2.0/oa/conversation',
  token: '/v4/oa/access_token',
} as const;

const KNOWN = new Set<string>([...Object.values(OA_PATHS), ...Object.values(ZNS_PATHS)]);

export interface ApiContext {
  state: EmulatorState;
  events: EventEmitter;
  appId: string;
  oaId: string;
  appSecretKey: string;
  zns: ZnsEmulatorState;
  /** Sockets left hanging by 'timeout' faults, destroyed on close. */
  hanging: Set<NodeJS.Timeout>;
}

/** True when the request was for an OA path (answered here). */
export async function handleOaApi(ctx: ApiContext, req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> {
  const path = url.pathname;
  if (!KNOWN.has(path)) return false;
  const { state } = ctx;
  const fault = state.takeFault(path);
  const rate = state.countCall();
  const headers: Record<string, string> = {
    'x-ratelimit-limit': String(state.rateLimitPerMinute),
    'x-ratelimit-remain': String(rate.remaining),
  };
  // Tests learn that a faulty call is in flight (e.g. to kill the bot while it hangs).
  if (fault) ctx.events.emit('fault', { path, kind: fault.kind });
  if (fault?.kind === 'timeout') {
    const t = setTimeout(() => {
      ctx.hanging.delete(t);
      req.socket.destroy();
    }, fault.hangMs ?? 15_000);
    ctx.hanging.add(t);
    if (!fault.afterAccept) return true;
    // Carry the call out below, but its answer never leaves: the socket is destroyed later.
    res.writeHead = (() => res) as typeof res.writeHead;
    res.end = (() => res) as typeof res.end;
  } else if (fault) {
    if (fault.kind === 'reset') {
      req.socket.destroy();
      return true;
    }
    if (fault.retryAfterSeconds !== undefined) headers['retry-after'] = String(fault.retryAfterSeconds);
    if (fault.kind === 'http') {
      const status = fault.status ?? 500;
      sendJson(res, status, { message: `emulated HTTP ${status}` }, headers);
      return true;
    }
    const code = fault.code ?? -200;
    sendJson(res, 200, { error: code, message: oaErrorText(code) }, headers);
    return true;
  }
  if (!rate.allowed) {
    sendJson(res, 200, { error: -32, message: oaErrorText(-32) }, { ...headers, 'retry-after': '60' });
    return true;
  }
  if (path === OA_PATHS.token) {
    const form = new URLSearchParams((await readBody(req)).toString('utf8'));
    const secret = req.headers['secret_key'];
    sendJson(res, 200, answerTokenGrant(ctx, form, typeof secret === 'string' ? secret : undefined), headers);
    return true;
  }
  const token = req.headers['access_token'];
  if (typeof token !== 'string' || token !== state.accessToken || state.accessExpired) {
    sendJson(res, 200, { error: -216, message: oaErrorText(-216) }, headers);
    return true;
  }
  if (path === ZNS_PATHS.templateInfo || path === ZNS_PATHS.send) {
    await answerZns(ctx, req, res, url, token, headers);
    return true;
  }
  if (req.method === 'GET') {
    const data = tryJson(url.searchParams.get('data') ?? '');
    const answer = path === OA_PATHS.userDetail ? answerUserDetail(state, data) : path === OA_PATHS.conversation ? answerConversation(state, data, ctx.oaId) : undefined;
    sendJson(res, answer ? 200 : 405, answer ?? { message: 'method not allowed' }, headers);
    return true;
  }
  if (path !== OA_PATHS.cs && path !== OA_PATHS.transaction) {
    sendJson(res, 405, { message: 'method not allowed' }, headers);
    return true;
  }
  const body = tryJson((await readBody(req)).toString('utf8'));
  const result = acceptSend(ctx, path, body, token);
  if ('code' in result) {
    sendJson(res, 200, { error: result.code, message: result.message }, headers);
    return true;
  }
  const rec = result;
  sendJson(res, 200, { error: 0, message: 'Success', data: { message_id: rec.messageId, user_id: rec.userId, sent_time: String(Date.parse(rec.at)) } }, headers);
  ctx.events.emit('outbound', rec);
  return true;
}

/** Validate, apply the window/follower rules, and record an accepted send. */
function acceptSend(ctx: ApiContext, path: string, body: unknown, token: string): OaFailure | RecordedOutbound {
  const { state } = ctx;
  const isCs = path === OA_PATHS.cs;
  const invalid = isCs ? validateConsultation(body) : validateTransaction(body);
  if (invalid) return invalid;
  const b = body as { recipient: { user_id: string }; message: Record<string, unknown> };
  const userId = b.recipient.user_id;
  if (isCs && !state.inWindow(userId)) return { code: -230, message: oaErrorText(-230) };
  if (!isCs && !state.users.get(userId)?.follower) return { code: -213, message: oaErrorText(-213) };
  const now = state.now();
  const rec: RecordedOutbound = {
    id: randomUUID(),
    messageId: state.nextMessageId(),
    at: now.toISOString(),
    endpoint: path,
    userId,
    message: b.message,
    accessToken: token,
  };
  state.outboundLog.push(rec);
  const text = typeof b.message.text === 'string' ? b.message.text : isObject(b.message.attachment) ? '[template]' : '';
  state.logLine(userId, { messageId: rec.messageId, fromUser: false, time: now.getTime(), type: b.message.attachment ? 'template' : 'text', text });
  return rec;
}

/** The ZNS host's two endpoints. */
async function answerZns(ctx: ApiContext, req: IncomingMessage, res: ServerResponse, url: URL, token: string, headers: Record<string, string>): Promise<void> {
  const { zns, state } = ctx;
  if (url.pathname === ZNS_PATHS.templateInfo) {
    if (req.method !== 'GET') return sendJson(res, 405, { message: 'method not allowed' }, headers);
    const info = zns.templateInfo(url.searchParams.get('template_id') ?? '');
    return sendJson(res, 200, 'code' in info ? { error: info.code, message: info.message } : { error: 0, message: 'Success', data: info }, headers);
  }
  if (req.method !== 'POST') return sendJson(res, 405, { message: 'method not allowed' }, headers);
  const body = tryJson((await readBody(req)).toString('utf8'));
  const accepted = zns.accept(body, state.nextMessageId());
  if ('code' in accepted) return sendJson(res, 200, { error: accepted.code, message: accepted.message }, headers);
  sendJson(res, 200, { error: 0, message: 'Success', data: { msg_id: accepted.msgId, sent_time: String(Date.parse(accepted.at)), quota: zns.quota() } }, headers);
  // Zalo shows a ZNS in the chat with the OA of the Zalo account behind the phone: here, the
  // test citizen who shared that phone (else a placeholder id naming the phone).
  const citizen = [...state.users.values()].find((u) => u.sharedPhone && `84${u.sharedPhone.replace(/^0/, '')}` === accepted.phone);
  const rec: RecordedOutbound = {
    id: randomUUID(),
    messageId: accepted.msgId,
    at: accepted.at,
    endpoint: ZNS_PATHS.send,
    userId: citizen?.userId ?? `zns:${accepted.phone}`,
    message: { text: accepted.text, zns: { templateId: accepted.templateId, templateName: accepted.templateName, trackingId: accepted.trackingId } },
    accessToken: token,
  };
  state.outboundLog.push(rec);
  ctx.events.emit('outbound', rec);
  ctx.events.emit('zns', accepted);
}
