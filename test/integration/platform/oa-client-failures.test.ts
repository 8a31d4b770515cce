import { afterEach, describe, expect, it } from 'vitest';
import { ACCESS, REFRESH, secretsOf, setup } from './oa-client-helpers.js';
import { OaApiError, OaHttpError, OaNetworkError, OaTokenRefreshError } from '../../../src/platform/zalo/oa-errors.js';
import { registry } from '../../../src/metrics.js';

function expectNoSecrets(err: unknown, secrets: string[]) {
  const e = err as Error;
  const texts = [e.message, String(e.stack), JSON.stringify(e), JSON.stringify((e as { cause?: unknown }).cause ?? null), String((e as { cause?: Error }).cause?.message ?? '')];
  for (const s of secrets) for (const t of texts) expect(t).not.toContain(s);
}

async function counter(name: string, label: Record<string, string>): Promise<number> {
  const m = (await registry.getMetricsAsJSON()).find((x) => x.name === name);
  const v = (m?.values ?? []).find((x) => Object.entries(label).every(([k, val]) => x.labels[k] === val));
  return Number(v?.value ?? 0);
}

const text = { kind: 'text' as const, text: 'Dạ, em xin trả lời anh/chị.' };

describe('OA client against the emulator: failures', () => {
  let ctx: Awaited<ReturnType<typeof setup>>;
  afterEach(async () => ctx?.emu.close());

  it('expired token: refreshes once, retries, succeeds, and stores the new pair', async () => {
    ctx = await setup();
    ctx.emu.setLastInteraction('u1', new Date());
    await ctx.oa.sendConsultation('u1', text);
    ctx.emu.expireAccessToken();
    const before = await counter('motcua_oa_token_refreshes_total', { result: 'ok' });
    await ctx.oa.sendConsultation('u1', text);
    expect(ctx.emu.refreshCount()).toBe(1);
    const out = ctx.emu.outbound('u1');
    expect(out).toHaveLength(2);
    expect(out[1].accessToken).toBe(ctx.emu.currentAccessToken());
    expect(out[1].accessToken).not.toBe(ACCESS);
    const stored = await ctx.store.tx((t) => t.getTokens());
    expect(stored?.accessToken).toBe(ctx.emu.currentAccessToken());
    expect(stored?.refreshToken).not.toBe(REFRESH);
    expect(stored?.version).toBe(1);
    expect(Date.parse(stored!.expiresAt) - Date.now()).toBeGreaterThan(24 * 3600 * 1000);
    expect(await counter('motcua_oa_token_refreshes_total', { result: 'ok' })).toBe(before + 1);
  });

  it('five concurrent calls with a dead token cause exactly one refresh', async () => {
    ctx = await setup();
    ctx.emu.setLastInteraction('u1', new Date());
    ctx.emu.expireAccessToken();
    await Promise.all([1, 2, 3, 4, 5].map((i) => ctx.oa.sendConsultation('u1', { kind: 'text', text: `tin ${i}` })));
    expect(ctx.emu.refreshCount()).toBe(1);
    expect(ctx.emu.outbound('u1')).toHaveLength(5);
  });

  it('-220 (expired) also refreshes once; a token still rejected after the refresh fails without a second refresh', async () => {
    ctx = await setup();
    ctx.emu.setLastInteraction('u1', new Date());
    ctx.emu.injectFault({ kind: 'api', code: -220 });
    await ctx.oa.sendConsultation('u1', text);
    expect(ctx.emu.refreshCount()).toBe(1);
    ctx.emu.injectFault({ kind: 'api', code: -216, times: 2 });
    const err = await ctx.oa.sendConsultation('u1', text).catch((e) => e);
    expect(err).toBeInstanceOf(OaApiError);
    expect(err.oaError).toBe(-216);
    expect(ctx.emu.refreshCount()).toBe(2);
    expect(ctx.emu.outbound('u1')).toHaveLength(1);
  });

  it('a refused refresh is a typed error with a remedy and no token text', async () => {
    ctx = await setup({}, 'rt-wrong-value-not-the-emulators');
    ctx.emu.setLastInteraction('u1', new Date());
    ctx.emu.expireAccessToken();
    const err = await ctx.oa.sendConsultation('u1', text).catch((e) => e);
    expect(err).toBeInstanceOf(OaTokenRefreshError);
    expect(err.retryable).toBe(false);
    expect(err.message).toMatch(/re-authorise the OA/i);
    expect(err.message).toContain('ZALO_REFRESH_TOKEN');
    expectNoSecrets(err, [...secretsOf(ctx.emu), 'rt-wrong-value-not-the-emulators']);
    expect(ctx.emu.outbound()).toHaveLength(0);
  });

  it('an OAuth server failure during refresh is a retryable typed error; the next call refreshes once', async () => {
    ctx = await setup();
    ctx.emu.setLastInteraction('u1', new Date());
    ctx.emu.expireAccessToken();
    ctx.emu.injectFault({ kind: 'http', status: 503, endpoint: '/v4/oa/access_token' });
    const err = await ctx.oa.sendConsultation('u1', text).catch((e) => e);
    expect(err).toBeInstanceOf(OaTokenRefreshError);
    expect(err.retryable).toBe(true);
    expectNoSecrets(err, secretsOf(ctx.emu));
    await ctx.oa.sendConsultation('u1', text);
    expect(ctx.emu.refreshCount()).toBe(1);
    expect(ctx.emu.outbound('u1')).toHaveLength(1);
  });

  it('log lines never carry a token or secret', async () => {
    const lines: string[] = [];
    const rec = (obj: object, msg?: string) => void lines.push(`${JSON.stringify(obj)} ${msg ?? ''}`);
    const log = { debug: rec, info: rec, warn: rec, error: rec };
    const { createOaClient } = await import('../../../src/platform/zalo/create-oa-client.js');
    const { MemoryStore } = await import('../../../src/store/memory-store.js');
    ctx = await setup();
    const { oa } = createOaClient(
      { ZALO_OPENAPI_URL: ctx.emu.url, ZALO_OAUTH_URL: ctx.emu.url, ZALO_APP_ID: ctx.emu.appId, ZALO_APP_SECRET_KEY: ctx.emu.appSecretKey, ZALO_ACCESS_TOKEN: ACCESS, ZALO_REFRESH_TOKEN: REFRESH },
      new MemoryStore(),
      log,
      { client: { timeoutMs: 1000, sleep: async () => undefined } },
    );
    ctx.emu.setLastInteraction('u1', new Date());
    ctx.emu.expireAccessToken();
    await oa.sendConsultation('u1', text);
    ctx.emu.injectFault({ kind: 'http', status: 500, times: 3 });
    await oa.sendConsultation('u1', text).catch(() => undefined);
    ctx.emu.injectFault({ kind: 'timeout', hangMs: 4000 });
    await oa.sendConsultation('u1', text).catch(() => undefined);
    ctx.emu.expireAccessToken();
    ctx.emu.injectFault({ kind: 'api', code: -14014, endpoint: '/v4/oa/access_token' });
    await oa.sendConsultation('u1', text).catch(() => undefined);
    expect(lines.length).toBeGreaterThan(5);
    expect(lines.join('\n')).toMatch(/refreshed/);
    for (const s of [...secretsOf(ctx.emu), ACCESS, REFRESH]) expect(lines.join('\n')).not.toContain(s);
  });

  it('two 5xx then success: delivered exactly once after two backoff waits', async () => {
    ctx = await setup();
    ctx.emu.setLastInteraction('u1', new Date());
    ctx.emu.injectFault({ kind: 'http', status: 502, times: 2 });
    const r = await ctx.oa.sendConsultation('u1', text);
    expect(ctx.emu.outbound('u1')).toHaveLength(1);
    expect(r.messageIds).toHaveLength(1);
    expect(ctx.sleeps).toHaveLength(2);
  });

  it('three 5xx: gives up with OaHttpError after three tries', async () => {
    ctx = await setup();
    ctx.emu.setLastInteraction('u1', new Date());
    ctx.emu.injectFault({ kind: 'http', status: 500, times: 3 });
    const err = await ctx.oa.sendConsultation('u1', text).catch((e) => e);
    expect(err).toBeInstanceOf(OaHttpError);
    expect(err.status).toBe(500);
    expect(ctx.sleeps).toHaveLength(2);
    expectNoSecrets(err, secretsOf(ctx.emu));
  });

  it('honours Retry-After on a -32 rate limit answer', async () => {
    ctx = await setup();
    ctx.emu.setLastInteraction('u1', new Date());
    ctx.emu.injectFault({ kind: 'api', code: -32, retryAfterSeconds: 2 });
    await ctx.oa.sendConsultation('u1', text);
    expect(ctx.sleeps).toHaveLength(1);
    expect(ctx.sleeps[0]).toBeGreaterThanOrEqual(2000);
    expect(ctx.emu.outbound('u1')).toHaveLength(1);
  });

  it('honours Retry-After on HTTP 429, and gives up when it exceeds the in-call wait cap', async () => {
    ctx = await setup();
    ctx.emu.setLastInteraction('u1', new Date());
    ctx.emu.injectFault({ kind: 'http', status: 429, retryAfterSeconds: 1 });
    await ctx.oa.sendConsultation('u1', text);
    expect(ctx.sleeps[0]).toBeGreaterThanOrEqual(1000);
    ctx.emu.injectFault({ kind: 'http', status: 429, retryAfterSeconds: 600 });
    const err = await ctx.oa.sendConsultation('u1', text).catch((e) => e);
    expect(err).toBeInstanceOf(OaHttpError);
    expect(err.retryAfterSeconds).toBe(600);
  });

  it('the emulator rate-limits with -32 and X-RateLimit headers', async () => {
    const { createOaEmulator } = await import('../../../src/platform/zalo/emulator/oa-emulator.js');
    const emu = await createOaEmulator({ accessToken: 'x', rateLimitPerMinute: 2 });
    try {
      const call = () => fetch(`${emu.url}/v3.0/oa/user/detail?data=${encodeURIComponent('{"user_id":"a"}')}`, { headers: { access_token: 'x' } });
      const first = await call();
      expect(first.headers.get('x-ratelimit-limit')).toBe('2');
      expect(first.headers.get('x-ratelimit-remain')).toBe('1');
      await call();
      const third = await call();
      expect(((await third.json()) as { error: number }).error).toBe(-32);
      expect(third.headers.get('x-ratelimit-remain')).toBe('0');
    } finally {
      await emu.close();
    }
  });

  it('a timeout on a send is an ambiguous OaNetworkError and is not retried in the call', async () => {
    ctx = await setup({ timeoutMs: 1000 });
    ctx.emu.setLastInteraction('u1', new Date());
    ctx.emu.injectFault({ kind: 'timeout', hangMs: 4000 });
    const err = await ctx.oa.sendConsultation('u1', text).catch((e) => e);
    expect(err).toBeInstanceOf(OaNetworkError);
    expect(err.ambiguous).toBe(true);
    expect(err.retryable).toBe(true);
    expect(ctx.sleeps).toHaveLength(0);
    expectNoSecrets(err, secretsOf(ctx.emu));
  });

  it('a timeout on a read is retried', async () => {
    ctx = await setup({ timeoutMs: 1000 });
    ctx.emu.setLastInteraction('u1', new Date());
    ctx.emu.injectFault({ kind: 'timeout', endpoint: '/v3.0/oa/user/detail', hangMs: 4000 });
    const p = await ctx.oa.getUserProfile('u1');
    expect(p.displayName).toBeTruthy();
    expect(ctx.sleeps).toHaveLength(1);
  });

  it('a reset connection is an OaNetworkError without tokens', async () => {
    ctx = await setup();
    ctx.emu.setLastInteraction('u1', new Date());
    ctx.emu.injectFault({ kind: 'reset', times: 3 });
    const err = await ctx.oa.sendConsultation('u1', text).catch((e) => e);
    expect(err).toBeInstanceOf(OaNetworkError);
    expectNoSecrets(err, secretsOf(ctx.emu));
  });

  it('connection refused is retried (never sent), then an OaNetworkError without tokens', async () => {
    ctx = await setup();
    await ctx.emu.close();
    const err = await ctx.oa.sendConsultation('u1', text).catch((e) => e);
    expect(err).toBeInstanceOf(OaNetworkError);
    expect(err.ambiguous).toBe(false);
    expect(ctx.sleeps).toHaveLength(2);
    expectNoSecrets(err, [ACCESS, REFRESH]);
  });

  it('API errors keep the OA code and count in metrics by code', async () => {
    ctx = await setup();
    ctx.emu.setLastInteraction('u1', new Date());
    const before = await counter('motcua_oa_api_errors_total', { code: '-227' });
    ctx.emu.injectFault({ kind: 'api', code: -227 });
    const err = await ctx.oa.sendConsultation('u1', text).catch((e) => e);
    expect(err).toBeInstanceOf(OaApiError);
    expect(err.code).toBe('-227');
    expect(ctx.sleeps).toHaveLength(0);
    expect(await counter('motcua_oa_api_errors_total', { code: '-227' })).toBe(before + 1);
    expectNoSecrets(err, secretsOf(ctx.emu));
  });

  it('a failure after some parts of a long text reports the accepted parts', async () => {
    ctx = await setup();
    ctx.emu.setLastInteraction('u1', new Date());
    const long = ('Câu dài về thủ tục hành chính. '.repeat(70) + '\n\n').repeat(2);
    // First part accepted, then the window closes.
    ctx.emu.events.once('outbound', () => ctx.emu.setLastInteraction('u1', new Date(0)));
    const err = await ctx.oa.sendConsultation('u1', { kind: 'text', text: long }).catch((e) => e);
    expect(err).toBeInstanceOf(OaApiError);
    expect(err.partialMessageIds).toEqual([ctx.emu.outbound('u1')[0].messageId]);
  });
});
