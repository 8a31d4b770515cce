/**
 * Typed errors of OA API calls. Consumers use instanceof and the fields,
 * never message strings. Messages never contain tokens or secrets.
 */
export abstract class OaError extends Error {
  abstract readonly code: string;
  /** True when trying again later can succeed (network, 5xx, rate limit). */
  abstract readonly retryable: boolean;
}

/** HTTP 200 but the body's `error` is not 0. Keeps the OA error number. */
export class OaApiError extends OaError {
  readonly code: string;
  constructor(
    readonly oaError: number,
    readonly oaMessage: string,
    readonly endpoint: string,
  ) {
    super(`OA API ${endpoint} failed: error ${oaError} (${oaMessage})`);
    this.name = 'OaApiError';
    this.code = String(oaError);
  }
  get retryable(): boolean {
    // -32: rate limited. -200 "Send message failed" is generic and transient in practice.
    return this.oaError === -32 || this.oaError === -200;
  }
  /** -216 invalid / -220 expired token: refresh and try once more. */
  get isTokenError(): boolean {
    return this.oaError === -216 || this.oaError === -220;
  }
  /** The user is outside the 7-day consultation window (or never interacted). */
  get isOutsideWindow(): boolean {
    return this.oaError === -230 || this.oaError === -232 || this.oaError === -305;
  }
}

/** A non-2xx HTTP answer. */
export class OaHttpError extends OaError {
  readonly code: string;
  constructor(
    readonly status: number,
    readonly endpoint: string,
    /** Seconds to wait, from Retry-After or the rate-limit headers, if given. */
    readonly retryAfterSeconds?: number,
  ) {
    super(`OA API ${endpoint} answered HTTP ${status}`);
    this.name = 'OaHttpError';
    this.code = `http_${status}`;
  }
  get retryable(): boolean {
    return this.status >= 500 || this.status === 429 || this.status === 408;
  }
}

/** No answer: connection refused or reset, DNS, timeout. */
export class OaNetworkError extends OaError {
  readonly code = 'network';
  readonly retryable = true;
  constructor(
    readonly endpoint: string,
    readonly cause: unknown,
  ) {
    super(`OA API ${endpoint} unreachable: ${(cause as Error)?.message ?? String(cause)}`);
    this.name = 'OaNetworkError';
  }
}
