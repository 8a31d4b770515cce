import { describe, expect, it } from 'vitest';
import { backoffDelay, decideRetry, DEFAULT_RETRY_POLICY, retryAfterFromHeaders } from '../../../../src/platform/zalo/retry-policy.js';
import { OaApiError, OaHttpError, OaNetworkError } from '../../../../src/platform/zalo/oa-errors.js';

const P = { ...DEFAULT_RETRY_POLICY, baseDelayMs: 100, maxDelayMs: 1000, maxWaitMs: 5000 };
const top = () => 0.999999;
const half = () => 0.5;

describe('backoffDelay (full jitter)', () => {
  it('grows exponentially up to the cap, scaled by the random draw', () => {
    expect([1, 2, 3, 4, 5].map((a) => backoffDelay(a, P, top))).toEqual([99, 199, 399, 799, 999]);
    expect(backoffDelay(3, P, half)).toBe(200);
    expect(backoffDelay(3, P, () => 0)).toBe(0);
  });
});

describe('decideRetry', () => {
  const net = (ambiguous: boolean) => new OaNetworkError('/x', new Error('boom'), ambiguous);
  it('retries network errors, 5xx, 429, -32 and -200 until maxTries', () => {
    for (const e of [net(false), new OaHttpError(502, '/x'), new OaHttpError(429, '/x'), new OaApiError(-32, '', '/x'), new OaApiError(-200, '', '/x')]) {
      expect(decideRetry(e, 1, true, P, half)).toEqual({ retry: true, delayMs: 50 });
      expect(decideRetry(e, 3, true, P, half)).toEqual({ retry: false });
    }
  });

  it('never retries errors a retry cannot fix', () => {
    for (const code of [-201, -210, -213, -216, -230, -227, -233]) {
      expect(decideRetry(new OaApiError(code, '', '/x'), 1, true, P, half)).toEqual({ retry: false });
    }
    expect(decideRetry(new OaHttpError(400, '/x'), 1, true, P, half)).toEqual({ retry: false });
    expect(decideRetry(new OaHttpError(404, '/x'), 1, false, P, half)).toEqual({ retry: false });
  });

  it('does not retry an ambiguous network failure of a send, but does for a read', () => {
    expect(decideRetry(net(true), 1, true, P, half)).toEqual({ retry: false });
    expect(decideRetry(net(true), 1, false, P, half)).toEqual({ retry: true, delayMs: 50 });
  });

  it('waits at least Retry-After, and gives up when it exceeds the in-call cap', () => {
    expect(decideRetry(new OaApiError(-32, '', '/x', 2), 1, true, P, half)).toEqual({ retry: true, delayMs: 2000 });
    expect(decideRetry(new OaHttpError(429, '/x', 0), 1, true, P, top)).toEqual({ retry: true, delayMs: 99 });
    expect(decideRetry(new OaHttpError(429, '/x', 60), 1, true, P, half)).toEqual({ retry: false });
  });
});

describe('retryAfterFromHeaders', () => {
  it('reads delta-seconds and HTTP dates', () => {
    expect(retryAfterFromHeaders({ 'retry-after': '3' }, P)).toBe(3);
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(retryAfterFromHeaders({ 'retry-after': 'Thu, 01 Jan 2026 00:00:10 GMT' }, P, now)).toBe(10);
  });
  it('treats an exhausted X-RateLimit-Remain as the longest backoff', () => {
    expect(retryAfterFromHeaders({ 'x-ratelimit-remain': '0', 'x-ratelimit-limit': '4000' }, P)).toBe(1);
    expect(retryAfterFromHeaders({ 'x-ratelimit-remain': '12' }, P)).toBeUndefined();
    expect(retryAfterFromHeaders({}, P)).toBeUndefined();
  });
});
