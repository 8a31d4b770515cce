import { describe, expect, it } from 'vitest';
import { classifyZnsFailure, nextVnTime } from '../../../src/notify/zns-failure-policy.js';
import { OaApiError, OaHttpError, OaNetworkError } from '../../../src/platform/zalo/oa-errors.js';
import type { OutboxItem } from '../../../src/store/records.js';

const now = new Date('2026-12-02T15:30:00Z'); // 22:30 in Vietnam
const item = (over: Partial<OutboxItem> = {}, templateKey = '9'): OutboxItem => ({
  id: 'i1',
  dedupeKey: 'zns:X:e',
  kind: 'notification',
  userId: 'zns:X',
  parts: [{ kind: 'zns', templateKey, templateId: '1', phone: '84912345678', data: {} }],
  status: 'sending',
  sentParts: 0,
  attempts: 0,
  nextAttemptAt: now.toISOString(),
  oaMessageIds: [],
  createdAt: now.toISOString(),
  seq: 1,
  ...over,
});
const api = (code: number) => new OaApiError(code, 'x', '/message/template');

describe('ZNS failure policy', () => {
  it('parks a used-up daily quota until 00:05 Vietnam time, with the reason, without counting an attempt', () => {
    const d = classifyZnsFailure(api(-144), item(), now, 3);
    expect(d).toEqual({ action: 'park', until: '2026-12-02T17:05:00.000Z', reason: expect.stringContaining('hạn mức') });
  });

  it('parks a night refusal until 06:05', () => {
    const d = classifyZnsFailure(api(-133), item(), now, 3);
    expect(d).toMatchObject({ action: 'park', until: '2026-12-02T23:05:00.000Z' });
  });

  it('gives up at once on a bad phone or a disabled template, naming the reason', () => {
    expect(classifyZnsFailure(api(-108), item(), now, 3)).toMatchObject({ action: 'fail', reason: expect.stringContaining('số điện thoại') });
    expect(classifyZnsFailure(api(-131), item(), now, 3)).toMatchObject({ action: 'fail', reason: expect.stringContaining('-131') });
    expect(classifyZnsFailure(api(-999), item(), now, 3)).toMatchObject({ action: 'fail' });
  });

  it('stops parking after ZNS_PARK_MAX_DAYS, and never parks a one-time code', () => {
    const old = item({ createdAt: new Date(now.getTime() - 3 * 24 * 3600_000).toISOString() });
    expect(classifyZnsFailure(api(-144), old, now, 3)).toMatchObject({ action: 'fail', reason: expect.stringContaining('quá 3 ngày') });
    expect(classifyZnsFailure(api(-144), item({}, 'otp'), now, 3)).toMatchObject({ action: 'fail' });
  });

  it('retries transient failures', () => {
    expect(classifyZnsFailure(api(-32), item(), now, 3)).toMatchObject({ action: 'retry' });
    expect(classifyZnsFailure(new OaHttpError(503, '/message/template'), item(), now, 3)).toMatchObject({ action: 'retry' });
    expect(classifyZnsFailure(new OaNetworkError('/message/template', new Error('reset'), true), item(), now, 3)).toMatchObject({ action: 'retry' });
    expect(classifyZnsFailure(new OaHttpError(400, '/message/template'), item(), now, 3)).toMatchObject({ action: 'fail' });
  });

  it('nextVnTime is strictly later', () => {
    expect(nextVnTime(new Date('2026-12-02T17:05:00Z'), 0, 5).toISOString()).toBe('2026-12-03T17:05:00.000Z');
  });
});
