import { describe, expect, it } from 'vitest';
import { TokenManager, type TokenManagerOptions } from '../../../../src/platform/zalo/token-manager.js';
import { OaTokenRefreshError } from '../../../../src/platform/zalo/oa-errors.js';
import type { RefreshParams, RefreshedTokens } from '../../../../src/platform/zalo/refresh-oa-token.js';
import { MemoryStore } from '../../../../src/store/memory-store.js';
import type { Store, Tx } from '../../../../src/store/port.js';

const T0 = new Date('2026-05-01T00:00:00Z');

/** A fake OAuth server: rotates tokens, refuses a used refresh token, counts grants. */
function fakeOauth(delayMs = 5) {
  let current = 'rt-0';
  let n = 0;
  const calls: RefreshParams[] = [];
  const refresh = async (p: RefreshParams): Promise<RefreshedTokens> => {
    calls.push(p);
    await new Promise((r) => setTimeout(r, delayMs));
    if (p.refreshToken !== current) throw new OaTokenRefreshError('the grant was refused (invalid_grant)', false);
    n += 1;
    current = `rt-${n}`;
    return { accessToken: `at-${n}`, refreshToken: current, expiresInSeconds: 90000 };
  };
  return { refresh, calls };
}

function logSink() {
  const lines: string[] = [];
  const rec = (obj: object, msg?: string) => void lines.push(JSON.stringify(obj) + ' ' + (msg ?? ''));
  return { lines, log: { debug: rec, info: rec, warn: rec, error: rec } };
}

function manager(store: Store, extra: Partial<TokenManagerOptions> = {}) {
  return new TokenManager(store, {
    oauthUrl: 'http://127.0.0.1:9', appId: 'app', appSecretKey: 'app-secret', seedAccessToken: 'at-0', seedRefreshToken: 'rt-0', clock: () => T0, ...extra,
  });
}

describe('TokenManager', () => {
  it('seeds the store from the environment once, then the store wins', async () => {
    const store = new MemoryStore();
    expect(await manager(store).getAccessToken()).toBe('at-0');
    const seeded = await store.tx((t) => t.getTokens());
    expect(seeded).toMatchObject({ accessToken: 'at-0', refreshToken: 'rt-0', version: 0 });
    const other = manager(store, { seedAccessToken: 'at-from-a-stale-env' });
    expect(await other.getAccessToken()).toBe('at-0');
  });

  it('five concurrent rejections cause exactly one refresh; all get the new token', async () => {
    const store = new MemoryStore();
    const oauth = fakeOauth();
    const m = manager(store, { refresh: oauth.refresh });
    const old = await m.getAccessToken();
    const got = await Promise.all([1, 2, 3, 4, 5].map(() => m.renewAfterRejection(old)));
    expect(got).toEqual(['at-1', 'at-1', 'at-1', 'at-1', 'at-1']);
    expect(oauth.calls).toHaveLength(1);
    expect(await store.tx((t) => t.getTokens())).toMatchObject({ accessToken: 'at-1', refreshToken: 'rt-1', version: 1 });
    // A late caller still holding the old token does not refresh again.
    expect(await m.renewAfterRejection(old)).toBe('at-1');
    expect(oauth.calls).toHaveLength(1);
  });

  it('two instances sharing a store refresh once (the second re-reads inside the lock)', async () => {
    const store = new MemoryStore();
    const oauth = fakeOauth();
    const a = manager(store, { refresh: oauth.refresh });
    const b = manager(store, { refresh: oauth.refresh });
    const [ta, tb] = [await a.getAccessToken(), await b.getAccessToken()];
    const got = await Promise.all([a.renewAfterRejection(ta), b.renewAfterRejection(tb)]);
    expect(got).toEqual(['at-1', 'at-1']);
    expect(oauth.calls).toHaveLength(1);
  });

  it('refreshes ahead of expiry (within 5 minutes), not before', async () => {
    const store = new MemoryStore();
    const oauth = fakeOauth();
    let now = T0;
    const m = manager(store, { refresh: oauth.refresh, clock: () => now });
    expect(await m.getAccessToken()).toBe('at-0');
    now = new Date(T0.getTime() + 90000 * 1000 - 10 * 60_000);
    expect(await m.getAccessToken()).toBe('at-0');
    expect(oauth.calls).toHaveLength(0);
    now = new Date(T0.getTime() + 90000 * 1000 - 4 * 60_000);
    expect(await m.getAccessToken()).toBe('at-1');
    expect(oauth.calls).toHaveLength(1);
  });

  it('a failed refresh ahead of expiry keeps the current token and pauses 30 s before trying again', async () => {
    const store = new MemoryStore();
    let calls = 0;
    let now = T0;
    const m = manager(store, {
      clock: () => now,
      refresh: async () => {
        calls += 1;
        throw new OaTokenRefreshError('the grant was refused (invalid_grant)', false);
      },
    });
    await m.getAccessToken();
    now = new Date(T0.getTime() + 90000 * 1000 - 60_000);
    expect(await m.getAccessToken()).toBe('at-0');
    expect(await m.getAccessToken()).toBe('at-0');
    expect(calls).toBe(1);
    now = new Date(now.getTime() + 31_000);
    expect(await m.getAccessToken()).toBe('at-0');
    expect(calls).toBe(2);
  });

  it('a failed refresh is typed, logged with a remedy and no token, and can be tried again', async () => {
    const store = new MemoryStore();
    const { lines, log } = logSink();
    let fail = true;
    const oauth = fakeOauth();
    const m = manager(store, {
      log,
      refresh: async (p) => {
        if (fail) throw new OaTokenRefreshError('OAuth server answered HTTP 503', true);
        return oauth.refresh(p);
      },
    });
    const old = await m.getAccessToken();
    const err = await m.renewAfterRejection(old).catch((e) => e);
    expect(err).toBeInstanceOf(OaTokenRefreshError);
    expect(err.message).toMatch(/re-authorise the OA and set ZALO_REFRESH_TOKEN/i);
    expect(lines.join('\n')).toMatch(/re-authorise the OA/i);
    for (const secret of ['at-0', 'rt-0', 'app-secret']) {
      expect(lines.join('\n')).not.toContain(secret);
      expect(JSON.stringify(err) + err.message).not.toContain(secret);
    }
    fail = false;
    expect(await m.renewAfterRejection(old)).toBe('at-1');
  });

  it('without a refresh token it fails with a typed error instead of calling OAuth', async () => {
    const oauth = fakeOauth();
    const m = manager(new MemoryStore(), { seedRefreshToken: undefined, refresh: oauth.refresh });
    const err = await m.renewAfterRejection(await m.getAccessToken()).catch((e) => e);
    expect(err).toBeInstanceOf(OaTokenRefreshError);
    expect(oauth.calls).toHaveLength(0);
  });

  it('stores the new pair before using it: a failed write means the token is not handed out', async () => {
    const inner = new MemoryStore();
    let failWrites = false;
    const store: Store = {
      kind: 'memory',
      withLock: (n, fn) => inner.withLock(n, fn),
      close: () => inner.close(),
      tx: (fn, opts) =>
        inner.tx(
          (t) =>
            fn(
              new Proxy(t, {
                get(target, prop, recv) {
                  if (prop === 'putTokens' && failWrites) return async () => { throw new Error('disk full'); };
                  const v = Reflect.get(target, prop, recv);
                  return typeof v === 'function' ? v.bind(target) : v;
                },
              }) as Tx,
            ),
          opts,
        ),
    };
    const oauth = fakeOauth();
    const m = manager(store, { refresh: oauth.refresh });
    const old = await m.getAccessToken();
    failWrites = true;
    await expect(m.renewAfterRejection(old)).rejects.toThrow('disk full');
    expect(await m.getAccessToken()).toBe('at-0');
  });
});
