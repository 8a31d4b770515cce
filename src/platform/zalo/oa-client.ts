/**
 * The OA OpenAPI client: consultation and transaction sends, user detail, recent
 * conversation. One axios instance (baseURL from config, 10 s timeout), a fresh
 * access token per call from the token source, one retry after a token refresh
 * (-216/-220), a few jittered retries on transient failures. Errors are OaError
 * subclasses only; no token ever reaches a log line or an error.
 *
 * Usage: const oa = new OaClient({ baseUrl: config.ZALO_OPENAPI_URL, tokens }); await oa.sendConsultation(uid, msg);
 */
import axios, { type AxiosInstance } from 'axios';
import type { OaSender, SendResult } from '../../services.js';
import { oaApiErrors } from '../../metrics.js';
import type { OutMessage, TransactionMessage, ZnsMessage } from './messages.js';
import { OaApiError, OaError, OaNetworkError } from './oa-errors.js';
import { buildConsultationMessages, buildTransactionMessage, type WireMessage } from './build-oa-message.js';
import { callOaOnce, sanitizeCause, type OaRequest } from './call-oa-once.js';
import { DEFAULT_RETRY_POLICY, decideRetry, type RetryPolicy } from './retry-policy.js';
import type { AccessTokenSource } from './token-manager.js';
import { silentLog, type OaLog } from './oa-log.js';
import { parseRecentMessages, parseUserDetail, type RecentOaMessage, type OaUserProfile } from './parse-oa-answers.js';
import { parseZnsSend, parseZnsTemplateInfo, type ZnsQuota, type ZnsSendResult, type ZnsTemplateInfo } from './parse-zns-answers.js';


export interface OaClientOptions {
  baseUrl: string;
  /** ZNS base URL (ZALO_ZNS_URL, default https://business.openapi.zalo.me). */
  znsUrl?: string;
  tokens: AccessTokenSource;
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  /** Injected for tests (fake clock). */
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  log?: OaLog;
}

export const OA_ENDPOINTS = {
  cs: '/v3.0/oa/message/cs',
  transaction: '/v3.0/oa/message/transaction',
  userDetail: '/v3.0/oa/user/detail',
  conversation: '/v2.0/oa/conversation',
} as const;

/** On the ZNS host (ZALO_ZNS_URL). */
export const ZNS_ENDPOINTS = {
  send: '/message/template',
  templateInfo: '/template/info/v2',
} as const;

/** The quota of the last ZNS answer that carried one, and when it came. */
export interface ZnsQuotaSeen extends ZnsQuota {
  at: string;
}

export class OaClient implements OaSender {
  private readonly http: AxiosInstance;
  private readonly znsHttp: AxiosInstance;
  private quotaSeen: ZnsQuotaSeen | undefined;
  private readonly policy: RetryPolicy;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: () => number;
  private readonly log: OaLog;

  constructor(private readonly opts: OaClientOptions) {
    this.http = axios.create({ baseURL: opts.baseUrl, timeout: opts.timeoutMs ?? 10_000 });
    this.znsHttp = axios.create({ baseURL: opts.znsUrl ?? 'https://business.openapi.zalo.me', timeout: opts.timeoutMs ?? 10_000 });
    this.policy = { ...DEFAULT_RETRY_POLICY, ...opts.retry };
    this.sleep = opts.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
    this.random = opts.random ?? Math.random;
    this.log = opts.log ?? silentLog;
  }

  /** Consultation message(s); a long text goes out as several messages. A transaction OutMessage is sent as one. */
  async sendConsultation(userId: string, message: OutMessage): Promise<SendResult> {
    if (message.kind === 'transaction') return this.sendTransaction(userId, message);
    if (message.kind === 'zns') throw new Error('a ZNS message goes through sendZns, not to a user id');
    const { messages, warnings } = buildConsultationMessages(message);
    for (const w of warnings) this.log.warn({ userId }, `OA message adjusted: ${w}`);
    const messageIds: string[] = [];
    for (const wire of messages) {
      try {
        messageIds.push(await this.send(OA_ENDPOINTS.cs, userId, wire));
      } catch (err) {
        if (messageIds.length && err instanceof OaError) err.partialMessageIds = [...messageIds];
        throw err;
      }
    }
    return { messageIds };
  }

  /** A transaction message (tin Giao dịch), allowed outside the consultation window for followers. */
  async sendTransaction(userId: string, message: TransactionMessage): Promise<SendResult> {
    const warnings: string[] = [];
    const wire = buildTransactionMessage(message, warnings);
    for (const w of warnings) this.log.warn({ userId }, `OA message adjusted: ${w}`);
    return { messageIds: [await this.send(OA_ENDPOINTS.transaction, userId, wire)] };
  }

  /**
   * One ZNS template message to a phone. `trackingId` is our outbox item's key: the
   * delivery webhook carries it back. The quota in the answer is kept for the console.
   */
  async sendZns(message: ZnsMessage, trackingId: string): Promise<ZnsSendResult> {
    const body = { phone: message.phone, template_id: message.templateId, template_data: message.data, tracking_id: trackingId };
    const data = await this.call({ method: 'POST', path: ZNS_ENDPOINTS.send, body }, true, this.znsHttp);
    const result = parseZnsSend(data);
    if (result.quota) this.quotaSeen = { ...result.quota, at: new Date().toISOString() };
    return result;
  }

  /** Status and parameter names of a registered ZNS template (checked at start). */
  async getZnsTemplateInfo(templateId: string): Promise<ZnsTemplateInfo> {
    const data = await this.call({ method: 'GET', path: ZNS_ENDPOINTS.templateInfo, params: { template_id: templateId } }, false, this.znsHttp);
    return parseZnsTemplateInfo(templateId, data);
  }

  /** The ZNS quota of the last answer that reported one (this process only). */
  znsQuota(): ZnsQuotaSeen | undefined {
    return this.quotaSeen;
  }

  /** Profile from /v3.0/oa/user/detail; lastInteractionDate as yyyy-mm-dd (day granularity). */
  async getUserProfile(userId: string): Promise<OaUserProfile> {
    const data = await this.call(
      { method: 'GET', path: OA_ENDPOINTS.userDetail, params: { data: JSON.stringify({ user_id: userId }) } },
      false,
    );
    return parseUserDetail(data);
  }

  /**
   * The last `count` (1–10) messages between the OA and the user, newest first.
   * Used after a crash to see whether an in-flight send was already accepted.
   */
  async getRecentMessages(userId: string, count = 10): Promise<RecentOaMessage[]> {
    const n = Math.max(1, Math.min(10, Math.floor(count)));
    const data = await this.call(
      { method: 'GET', path: OA_ENDPOINTS.conversation, params: { data: JSON.stringify({ user_id: userId, offset: 0, count: n }) } },
      false,
    );
    return parseRecentMessages(data, userId);
  }

  private async send(path: string, userId: string, message: WireMessage): Promise<string> {
    const data = (await this.call({ method: 'POST', path, body: { recipient: { user_id: userId }, message } }, true)) as
      | { message_id?: unknown }
      | undefined;
    const id = data?.message_id;
    return typeof id === 'string' || typeof id === 'number' ? String(id) : '';
  }

  /** One logical call: token per try, one retry after a refresh, jittered retries on transient errors. */
  private async call(req: OaRequest, isSend: boolean, http: AxiosInstance = this.http): Promise<unknown> {
    let token = await this.opts.tokens.getAccessToken();
    let renewed = false;
    for (let attempt = 1; ; attempt++) {
      const started = Date.now();
      try {
        const data = await callOaOnce(http, req, token, this.policy);
        this.log.debug({ endpoint: req.path, ms: Date.now() - started, attempt }, 'OA call ok');
        return data;
      } catch (raw) {
        // callOaOnce throws only OaErrors; anything else is wrapped, never rethrown raw.
        const err = raw instanceof OaError ? raw : new OaNetworkError(req.path, sanitizeCause(raw, [token]), true);
        oaApiErrors.inc({ code: err.code });
        if (err instanceof OaApiError && err.isTokenError && !renewed) {
          renewed = true;
          this.log.warn({ endpoint: req.path, oaError: err.oaError }, 'OA rejected the access token; refreshing it and trying once more');
          token = await this.opts.tokens.renewAfterRejection(token);
          attempt--; // the retry after a refresh does not count as a try
          continue;
        }
        const decision = decideRetry(err, attempt, isSend, this.policy, this.random);
        this.log.warn(
          { endpoint: req.path, code: err.code, attempt, retryInMs: decision.retry ? decision.delayMs : undefined },
          decision.retry ? 'OA call failed; retrying' : 'OA call failed',
        );
        if (!decision.retry) throw err;
        await this.sleep(decision.delayMs);
        token = await this.opts.tokens.getAccessToken();
      }
    }
  }
}
