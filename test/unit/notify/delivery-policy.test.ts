import { describe, expect, it } from 'vitest';
import { chooseChannel, classifyFailure, insideWindow } from '../../../src/notify/delivery-policy.js';
import { OaApiError, OaHttpError, OaNetworkError } from '../../../src/platform/zalo/oa-errors.js';
import type { OutboxItem } from '../../../src/store/records.js';

const now = new Date('2026-11-23T10:00:00Z');
const daysAgo = (d: number) => new Date(now.getTime() - d * 86400_000).toISOString();
const base: Omit<OutboxItem, 'kind'> = { id: 'o', dedupeKey: 'k', userId: 'u', parts: [], status: 'sending', sentParts: 0, attempts: 0, nextAttemptAt: '', oaMessageIds: [], createdAt: '', seq: 1 };
const reply = { ...base, kind: 'reply' } as OutboxItem;
const note = { ...base, kind: 'notification' } as OutboxItem;
const noteFb = { ...note, fallback: [{ kind: 'transaction', templateType: 'transaction_order', header: 'h', text: 't', table: [] }] } as OutboxItem;

describe('delivery policy', () => {
  it('judges the 7-day window from the last interaction', () => {
    expect(insideWindow({ userId: 'u', lastInteractionAt: daysAgo(6.9), updatedAt: '' }, now)).toBe(true);
    expect(insideWindow({ userId: 'u', lastInteractionAt: daysAgo(7.1), updatedAt: '' }, now)).toBe(false);
    expect(insideWindow(undefined, now)).toBe(false);
  });
  it('always consults for replies; notifications fall back or wait outside the window', () => {
    expect(chooseChannel(reply, undefined, now)).toEqual({ channel: 'cs' });
    expect(chooseChannel(note, { userId: 'u', lastInteractionAt: daysAgo(1), updatedAt: '' }, now)).toEqual({ channel: 'cs' });
    expect(chooseChannel(noteFb, undefined, now)).toEqual({ channel: 'transaction' });
    expect(chooseChannel(note, undefined, now)).toEqual({ wait: true });
  });
  it('classifies OA failures', () => {
    expect(classifyFailure(new OaApiError(-230, '', 'cs'), 'cs', noteFb)).toEqual({ action: 'fallback' });
    expect(classifyFailure(new OaApiError(-230, '', 'cs'), 'cs', reply)).toEqual({ action: 'wait' });
    expect(classifyFailure(new OaApiError(-213, '', 'tx'), 'transaction', noteFb)).toEqual({ action: 'wait' });
    expect(classifyFailure(new OaApiError(-32, '', 'cs'), 'cs', reply)).toMatchObject({ action: 'retry' });
    expect(classifyFailure(new OaHttpError(429, 'cs', 12), 'cs', reply)).toEqual({ action: 'retry', retryAfterSeconds: 12 });
    expect(classifyFailure(new OaNetworkError('cs', new Error('x')), 'cs', reply)).toMatchObject({ action: 'retry' });
    expect(classifyFailure(new OaApiError(-201, '', 'cs'), 'cs', reply)).toEqual({ action: 'fail' });
    expect(classifyFailure(new Error('bug'), 'cs', reply)).toEqual({ action: 'retry' });
  });
});
