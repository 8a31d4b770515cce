/**
 * Holds the OA token pair. The store is the source of truth (seeded once from
 * ZALO_ACCESS_TOKEN / ZALO_REFRESH_TOKEN); refresh tokens are single-use, so
 * exactly one refresh runs at a time across callers and instances: in-process
 * single flight + store.withLock('oa-token'), re-reading the stored pair inside
 * the lock. The new pair is stored durably before it is used.
 *
 * Usage: const tokens = new TokenManager(store, { oauthUrl, appId, appSecretKey, seedAccessToken, seedRefreshToken });
 */
import type { Store } from '../../store/port.js';
import type { TokenPair } from '../../store/records.js';
import { tokenRefreshes } from '../../metrics.js';
import { OaTokenRefreshError } from './oa-errors.js';
import { DEFAULT_EXPIRES_IN_SECONDS, refreshOaToken, type RefreshedTokens, type RefreshParams } from './refresh-oa-token.js';
import type { OaLog } from './oa-log.js';

/** What the OA client needs: a token per call, and a new one after a rejection. */
export interface AccessTokenSource {
  getAccessToken(): Promise<string>;
  /** The OA rejected `rejected` (-216/-220): a renewed token (refreshing at most once for all waiters). */
  renewAfterRejection(rejected: string): Promise<string>;
}

export interface TokenManagerOptions {
  oauthUrl: string;
  appId: string;
  appSecretKey?: string;
  seedAccessToken?: string;
  seedRefreshToken?: string;
  /** Refresh ahead of expiry when less than this is left (default 5 minutes). */
  refreshMarginMs?: number;
  clock?: () => Date;
  log?: OaLog;
  /** Injected for tests; default: the real OAuth call. */
  refresh?: (p: RefreshParams) => Promise<RefreshedTokens>;
}

export const TOKEN_LOCK = 'oa-token';

export class TokenManager implements AccessTokenSource {
  private cached?: TokenPair;
  private inflight?: Promise<string>;
  /** After a failed refresh ahead of expiry, wait before trying again (each try takes the lock and calls OAuth). */
  private proactivePausedUntil = 0;
  private readonly clock: () => Date;
  private readonly margin: number;

  constructor(
    private readonly store: Store,
    private readonly opts: TokenManagerOptions,
  ) {
    this.clock = opts.clock ?? (() => new Date());
    this.margin = opts.refreshMarginMs ?? 5 * 60_000;
  }

  async getAccessToken(): Promise<string> {
    const pair = this.cached ?? (await this.load());
    const now = this.clock().getTime();
    if (Date.parse(pair.expiresAt) - now < this.margin && pair.refreshToken && now >= this.proactivePausedUntil) {
      try {
        return await this.renew(pair.accessToken, 'expiring');
      } catch (err) {
        this.proactivePausedUntil = now + 30_000;
        // Still valid for a few minutes: keep using it; the next call tries again.
        this.opts.log?.warn({ code: (err as OaTokenRefreshError).code }, 'OA token refresh ahead of expiry failed; using the current token');
        return pair.accessToken;
      }
    }
    return pair.accessToken;
  }

  renewAfterRejection(rejected: string): Promise<string> {
    // Another caller in this process already moved on: use its token.
    if (this.cached && this.cached.accessToken !== rejected) return Promise.resolve(this.cached.accessToken);
    return this.renew(rejected, 'rejected');
  }

  /** Current pair from the store, seeding it from the environment on first start. */
  private async load(): Promise<TokenPair> {
    const pair = await this.store.tx(async (t) => {
      const stored = await t.getTokens();
      if (stored) return stored;
      if (!this.opts.seedAccessToken) return undefined;
      const now = this.clock();
      // Expiry of an env token is unknown: assume the documented lifetime; a -216 triggers a refresh anyway.
      const seeded: TokenPair = {
        accessToken: this.opts.seedAccessToken,
        refreshToken: this.opts.seedRefreshToken ?? '',
        expiresAt: new Date(now.getTime() + DEFAULT_EXPIRES_IN_SECONDS * 1000).toISOString(),
        updatedAt: now.toISOString(),
        version: 0,
      };
      await t.putTokens(seeded);
      return seeded;
    });
    if (!pair) throw new OaTokenRefreshError('no OA access token stored or configured (set ZALO_ACCESS_TOKEN)', false);
    this.cached = pair;
    return pair;
  }

  /** Single flight in this process; the store lock covers other instances. */
  private renew(seen: string, reason: 'rejected' | 'expiring'): Promise<string> {
    if (!this.inflight) {
      this.inflight = this.store
        .withLock(TOKEN_LOCK, () => this.refreshLocked(seen, reason))
        .finally(() => {
          this.inflight = undefined;
        });
    }
    return this.inflight;
  }

  private async refreshLocked(seen: string, reason: 'rejected' | 'expiring'): Promise<string> {
    const stored = await this.store.tx((t) => t.getTokens());
    const now = this.clock();
    // Someone (another instance, or an earlier flight) refreshed already: use theirs.
    if (stored && stored.accessToken !== seen) {
      this.cached = stored;
      return stored.accessToken;
    }
    if (stored && reason === 'expiring' && Date.parse(stored.expiresAt) - now.getTime() >= this.margin) {
      this.cached = stored;
      return stored.accessToken;
    }
    const refreshToken = stored?.refreshToken || this.opts.seedRefreshToken;
    if (!refreshToken || !this.opts.appSecretKey) {
      tokenRefreshes.inc({ result: 'failed' });
      const err = new OaTokenRefreshError('no refresh token or app secret key configured', false);
      this.opts.log?.error({ code: err.code }, err.message);
      throw err;
    }
    let fresh: RefreshedTokens;
    try {
      fresh = await (this.opts.refresh ?? refreshOaToken)({
        oauthUrl: this.opts.oauthUrl,
        appId: this.opts.appId,
        appSecretKey: this.opts.appSecretKey,
        refreshToken,
      });
    } catch (err) {
      tokenRefreshes.inc({ result: 'failed' });
      const e = err instanceof OaTokenRefreshError ? err : new OaTokenRefreshError('unexpected error during refresh', true);
      this.opts.log?.error({ code: e.code, retryable: e.retryable }, e.message);
      throw e;
    }
    const pair: TokenPair = {
      accessToken: fresh.accessToken,
      refreshToken: fresh.refreshToken,
      expiresAt: new Date(now.getTime() + fresh.expiresInSeconds * 1000).toISOString(),
      updatedAt: now.toISOString(),
      version: (stored?.version ?? 0) + 1,
    };
    // Durable before use: the old refresh token is already dead.
    try {
      await this.store.tx((t) => t.putTokens(pair));
    } catch (err) {
      tokenRefreshes.inc({ result: 'store_failed' });
      this.opts.log?.error(
        { err: (err as Error).message },
        'OA token refreshed but the new pair could not be stored; if this persists, re-authorise the OA and set ZALO_REFRESH_TOKEN',
      );
      throw err;
    }
    this.cached = pair;
    tokenRefreshes.inc({ result: 'ok' });
    this.opts.log?.info({ version: pair.version, expiresAt: pair.expiresAt, reason }, 'OA access token refreshed');
    return pair.accessToken;
  }
}
