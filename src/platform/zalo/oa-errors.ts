/**
 * Typed errors of OA API calls. Consumers use instanceof and the fields,
 * never message strings. Messages never contain tokens or secrets.
 */
export abstract class OaError extends Error {
  abstract readonly code: string;
  /** True when trying again later can succeed (network, 5xx, rate limit). */
  abstract readonly retryable: boolean;
  /**
   * Set by sendConsultation when a long text went out in several messages and a
   * later part failed: the message ids of the parts the OA already accepted.
   */
  partialMessageIds?: string[];
}

/** HTTP 200 but the body's `error` is not 0. Keeps the OA error number. */
export class OaApiError extends OaError {
  readonly code: string;
  constructor(
    readonly oaError: number,
    readonly oaMessage: string,
    readonly endpoint: string,
    /** Seconds to wait (Retry-After), when a rate-limited answer (-32) said so. */
    readonly retryAfterSeconds?: number,
  ) {
    super(`OA API ${endpoint} failed: error ${oaError} (${oaMessage})`);
    this.name = 'OaApiError';
    this.code = String(oaError);
  }
  get retryable(): boolean {
    // -32: rate limited. -200 "Send message failed" is generic and transient in practice.
    return this.oaError === -32 || this.oaError === -200;
  }
  /** -216 invalid / -220 expired token (-124 on the ZNS host, a guess): refresh and try once more. */
  get isTokenError(): boolean {
    return this.oaError === -216 || this.oaError === -220 || (this.oaError === -124 && this.endpoint.startsWith('/message/template'));
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
    /**
     * True when the request may have reached the OA (timeout, reset after sending):
     * a send may have been accepted, so check (getRecentMessages) before sending again.
     */
    readonly ambiguous: boolean = false,
  ) {
    super(`OA API ${endpoint} unreachable: ${(cause as Error)?.message ?? String(cause)}`);
    this.name = 'OaNetworkError';
  }
}

/**
 * The access token could not be renewed (refresh_token grant failed or no
 * refresh token). The message carries the remedy and never a token.
 */
export class OaTokenRefreshError extends OaError {
  readonly code = 'token_refresh';
  constructor(
    readonly reason: string,
    /** True for a transport failure of the OAuth call (try later); false when the grant was refused. */
    readonly retryable: boolean,
  ) {
    super(`OA access token refresh failed: ${reason}. Re-authorise the OA and set ZALO_REFRESH_TOKEN (and check ZALO_APP_SECRET_KEY).`);
    this.name = 'OaTokenRefreshError';
  }
}
