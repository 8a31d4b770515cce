/**
 * An independent fake Zalo OA (plain node:http, not our emulator): records every
 * request and answers with canned OA JSON, so tests assert the exact outbound
 * calls. Queue special answers per path with `respond()`. Accepted sends are
 * served back by GET /v2.0/oa/conversation (the crash-recovery check).
 *
 * It also answers the ZNS host's two endpoints (POST /message/template, GET
 * /template/info/v2 for templates registered with registerZnsTemplate), so
 * ZALO_ZNS_URL can point at it too.
 *
 * Usage:
 *   const oa = await startFakeOa();
 *   oa.respond('/v3.0/oa/message/cs', { body: { error: -216, message: 'Access token is invalid' } });
 *   ... env ZALO_OPENAPI_URL = ZALO_OAUTH_URL = oa.url ...
 *   expect(oa.requestsTo('/v3.0/oa/message/cs')).toHaveLength(1);
 */
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';

export interface FakeOaRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  raw: string;
  /** JSON body, or the form fields of a urlencoded body. */
  body: any;
  at: number;
}

export interface FakeAnswer {
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** Answer only after this long (a hanging OA; the connection may be cut first). */
  delayMs?: number;
}

export interface FakeOa {
  url: string;
  requests: FakeOaRequest[];
  requestsTo(path: string): FakeOaRequest[];
  /** Answer the next calls to `path` with these, in order; then the default answer. */
  respond(path: string, ...answers: FakeAnswer[]): void;
  /** Refresh-token grants served so far. */
  refreshes(): FakeOaRequest[];
  /** A ZNS template as registered on Zalo, answered by GET /template/info/v2 (unknown ids get -109). */
  registerZnsTemplate(templateId: string, params: string[], status?: string): void;
  close(): Promise<void>;
}

const SEND_PREFIX = '/v3.0/oa/message/';
export const TOKEN_PATH = '/v4/oa/access_token';
export const ZNS_SEND_PATH = '/message/template';
export const ZNS_INFO_PATH = '/template/info/v2';

export async function startFakeOa(): Promise<FakeOa> {
  const requests: FakeOaRequest[] = [];
  /** Messages the OA accepted (answered error 0), per user, for /v2.0/oa/conversation. */
  const conversation = new Map<string, Record<string, unknown>[]>();
  const queued = new Map<string, FakeAnswer[]>();
  const znsTemplates = new Map<string, { params: string[]; status: string }>();
  let znsRemaining = 1000;
  let tokenN = 0;

  const defaultAnswer = (req: FakeOaRequest): FakeAnswer => {
    if (req.path.startsWith(SEND_PREFIX)) {
      const userId = req.body?.recipient?.user_id ?? '';
      return { body: { error: 0, message: 'Success', data: { message_id: randomBytes(10).toString('hex'), user_id: userId, sent_time: String(Date.now()) } } };
    }
    if (req.path === ZNS_SEND_PATH) {
      znsRemaining = Math.max(0, znsRemaining - 1);
      return { body: { error: 0, message: 'Success', data: { msg_id: randomBytes(10).toString('hex'), sent_time: String(Date.now()), quota: { dailyQuota: 1000, remainingQuota: znsRemaining } } } };
    }
    if (req.path === ZNS_INFO_PATH) {
      const t = znsTemplates.get(req.query.get('template_id') ?? '');
      if (!t) return { body: { error: -109, message: 'ID of ZNS template is invalid' } };
      return { body: { error: 0, message: 'Success', data: { status: t.status, listParams: t.params.map((name) => ({ name, require: true, type: 'STRING' })) } } };
    }
    if (req.path === TOKEN_PATH) {
      tokenN++;
      return { body: { access_token: `fake-at-${tokenN}`, refresh_token: `fake-rt-${tokenN}`, expires_in: '90000' } };
    }
    if (req.path === '/v3.0/oa/user/detail') {
      return { body: { error: 0, message: 'Success', data: { display_name: 'Người dùng', user_is_follower: true } } };
    }
    if (req.path === '/v2.0/oa/conversation') {
      const q = JSON.parse(req.query.get('data') ?? '{}') as { user_id?: string; offset?: number; count?: number };
      const rows = [...(conversation.get(String(q.user_id)) ?? [])].reverse();
      return { body: { error: 0, message: 'Success', data: rows.slice(q.offset ?? 0, (q.offset ?? 0) + (q.count ?? 10)) } };
    }
    return { status: 404, body: { error: -404, message: 'not found' } };
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const u = new URL(req.url ?? '/', 'http://fake');
      let body: any = undefined;
      if ((req.headers['content-type'] ?? '').includes('application/x-www-form-urlencoded')) body = Object.fromEntries(new URLSearchParams(raw));
      else if (raw) {
        try {
          body = JSON.parse(raw);
        } catch {
          body = raw;
        }
      }
      const rec: FakeOaRequest = { method: req.method ?? 'GET', path: u.pathname, query: u.searchParams, headers: req.headers, raw, body, at: Date.now() };
      requests.push(rec);
      const answer = queued.get(u.pathname)?.shift() ?? defaultAnswer(rec);
      const send = () => {
        if (res.destroyed) return; // the caller hung up: the OA never accepted it
        res.writeHead(answer.status ?? 200, { 'content-type': 'application/json', ...answer.headers });
        res.end(JSON.stringify(answer.body ?? {}));
        const b = answer.body as { error?: number; data?: { message_id?: string } } | undefined;
        if (rec.path.startsWith(SEND_PREFIX) && (answer.status ?? 200) === 200 && b?.error === 0) {
          const userId = String(rec.body?.recipient?.user_id ?? '');
          const line = { message_id: b.data?.message_id ?? '', from_id: 'fake-oa', to_id: userId, time: Date.now(), type: 'text', message: rec.body?.message?.text ?? '' };
          conversation.set(userId, [...(conversation.get(userId) ?? []), line]);
        }
      };
      if (answer.delayMs) setTimeout(send, answer.delayMs).unref();
      else send();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    requests,
    requestsTo: (path) => requests.filter((r) => r.path === path),
    respond(path, ...answers) {
      queued.set(path, [...(queued.get(path) ?? []), ...answers]);
    },
    refreshes: () => requests.filter((r) => r.path === TOKEN_PATH && r.body?.grant_type === 'refresh_token'),
    registerZnsTemplate(templateId, params, status = 'ENABLE') {
      znsTemplates.set(templateId, { params, status });
    },
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
