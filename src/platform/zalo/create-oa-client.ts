/**
 * Wires the token manager and the OA client from config (for main.ts and tests).
 * Local mode (no ZALO_APP_ID) expects ZALO_OPENAPI_URL/ZALO_OAUTH_URL to point at the emulator.
 *
 * Usage: const { oa, tokens } = createOaClient(config, store, log);
 */
import type { Config } from '../../config/load-config.js';
import type { Store } from '../../store/port.js';
import { OaClient, type OaClientOptions } from './oa-client.js';
import { TokenManager, type TokenManagerOptions } from './token-manager.js';
import type { OaLog } from './oa-log.js';

type OaConfig = Pick<
  Config,
  'ZALO_OPENAPI_URL' | 'ZALO_OAUTH_URL' | 'ZALO_APP_ID' | 'ZALO_APP_SECRET_KEY' | 'ZALO_ACCESS_TOKEN' | 'ZALO_REFRESH_TOKEN'
> &
  Partial<Pick<Config, 'ZALO_ZNS_URL'>>;

export function createOaClient(
  config: OaConfig,
  store: Store,
  log?: OaLog,
  overrides: { client?: Partial<OaClientOptions>; tokens?: Partial<TokenManagerOptions> } = {},
): { oa: OaClient; tokens: TokenManager } {
  const tokens = new TokenManager(store, {
    oauthUrl: config.ZALO_OAUTH_URL,
    appId: config.ZALO_APP_ID ?? '',
    appSecretKey: config.ZALO_APP_SECRET_KEY,
    seedAccessToken: config.ZALO_ACCESS_TOKEN,
    seedRefreshToken: config.ZALO_REFRESH_TOKEN,
    log,
    ...overrides.tokens,
  });
  const oa = new OaClient({ baseUrl: config.ZALO_OPENAPI_URL, znsUrl: config.ZALO_ZNS_URL, tokens, log, ...overrides.client });
  return { oa, tokens };
}
