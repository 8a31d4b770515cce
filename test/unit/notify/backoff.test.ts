import { describe, expect, it } from 'vitest';
import { computeBackoff, MAX_BACKOFF_MS } from '../../../src/notify/backoff.js';

describe('computeBackoff', () => {
  it('grows exponentially under full jitter', () => {
    const top = (attempt: number) => computeBackoff(attempt, { baseMs: 1000, random: () => 0.999999 });
    expect(top(1)).toBe(999);
    expect(top(2)).toBe(1999);
    expect(top(4)).toBe(7999);
  });
  it('can be anywhere from zero (jitter) and never exceeds the cap', () => {
    expect(computeBackoff(3, { baseMs: 1000, random: () => 0 })).toBe(0);
    expect(computeBackoff(40, { baseMs: 1000, random: () => 0.999999 })).toBeLessThan(MAX_BACKOFF_MS);
  });
  it('honours Retry-After as a floor', () => {
    expect(computeBackoff(1, { baseMs: 1000, random: () => 0, retryAfterSeconds: 30 })).toBe(30_000);
  });
});
