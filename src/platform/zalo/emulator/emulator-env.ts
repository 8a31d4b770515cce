/** The bot's Zalo settings that point it at an emulator (local mode, tests, benchmarks). */
import type { OaEmulatorHandle } from './emulator-handle.js';

type EmulatorFacts = Pick<OaEmulatorHandle, 'url' | 'appId' | 'oaSecretKey' | 'appSecretKey' | 'currentAccessToken'>;

export function emulatorEnv(em: EmulatorFacts) {
  return {
    ZALO_APP_ID: em.appId,
    ZALO_OA_SECRET_KEY: em.oaSecretKey,
    ZALO_APP_SECRET_KEY: em.appSecretKey,
    ZALO_ACCESS_TOKEN: em.currentAccessToken(),
    ZALO_OPENAPI_URL: em.url,
    ZALO_OAUTH_URL: em.url,
    ZALO_ZNS_URL: em.url,
  };
}
