/**
 * One HTTP exchange with the OA OpenAPI, mapped to data or a typed OaError.
 * Raw axios errors never escape: they carry config.headers (the access token).
 */
import type { AxiosInstance } from 'axios';
import { OaApiError, OaHttpError, OaNetworkError } from './oa-errors.js';
import { retryAfterFromHeaders, type RetryPolicy } from './retry-policy.js';

export interface OaRequest {
  method: 'GET' | 'POST';
  path: string;
  params?: Record<string, string>;
  body?: unknown;
}

// Failures where the request certainly never reached the OA; anything else may have.
const NOT_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ERR_INVALID_URL']);

/** An Error with only the code and a scrubbed message: safe to log and serialise. */
export function sanitizeCause(err: unknown, secrets: string[]): Error {
  const e = err as { code?: string; message?: string };
  let message = String(e?.message ?? err);
  for (const s of secrets) if (s) message = message.split(s).join('[redacted]');
  const clean = new Error(message);
  if (e?.code) (clean as Error & { code?: string }).code = e.code;
  return clean;
}

export async function callOaOnce(http: AxiosInstance, req: OaRequest, token: string, policy: RetryPolicy): Promise<unknown> {
  let res;
  try {
    res = await http.request({
      method: req.method,
      url: req.path,
      params: req.params,
      data: req.body,
      headers: { access_token: token },
      validateStatus: () => true,
    });
  } catch (err) {
    const code = (err as { code?: string }).code ?? '';
    throw new OaNetworkError(req.path, sanitizeCause(err, [token]), !NOT_SENT.has(code));
  }
  const headers = res.headers as Record<string, unknown>;
  if (res.status < 200 || res.status > 299) {
    const hint = res.status === 429 || res.status === 503 ? retryAfterFromHeaders(headers, policy) : undefined;
    throw new OaHttpError(res.status, req.path, hint);
  }
  const body = res.data as { error?: unknown; message?: unknown; data?: unknown } | undefined;
  if (typeof body !== 'object' || body === null || typeof body.error !== 'number') {
    // 2xx without the OA envelope: not retried (a send may have gone through).
    throw new OaApiError(-1, 'malformed response', req.path);
  }
  if (body.error !== 0) {
    const hint = body.error === -32 ? retryAfterFromHeaders(headers, policy) : undefined;
    throw new OaApiError(body.error, typeof body.message === 'string' ? body.message : '', req.path, hint);
  }
  return body.data;
}
