/** Shared setup: an emulator, a memory store and an OA client wired to both. */
import { createOaEmulator, type OaEmulator } from '../../../src/platform/zalo/emulator/oa-emulator.js';
import { createOaClient } from '../../../src/platform/zalo/create-oa-client.js';
import { MemoryStore } from '../../../src/store/memory-store.js';
import type { OaClientOptions } from '../../../src/platform/zalo/oa-client.js';

export const ACCESS = 'at-initial-0123456789abcdef';
export const REFRESH = 'rt-initial-0123456789abcdef';
export const APP_SECRET = 'app-secret-0123456789';

export async function setup(client: Partial<OaClientOptions> = {}, refreshToken = REFRESH) {
  const emu: OaEmulator = await createOaEmulator({ accessToken: ACCESS, refreshToken: REFRESH, appSecretKey: APP_SECRET });
  const store = new MemoryStore();
  const sleeps: number[] = [];
  const { oa, tokens } = createOaClient(
    {
      ZALO_OPENAPI_URL: emu.url,
      ZALO_OAUTH_URL: emu.url,
      ZALO_ZNS_URL: emu.url,
      ZALO_APP_ID: emu.appId,
      ZALO_APP_SECRET_KEY: APP_SECRET,
      ZALO_ACCESS_TOKEN: ACCESS,
      ZALO_REFRESH_TOKEN: refreshToken,
    },
    store,
    undefined,
    {
      client: {
        // Generous: the machine may be loaded; timeout tests pass their own shorter value.
        timeoutMs: 5000,
        // Record the waits instead of sleeping them: assertions on what the client chose.
        sleep: async (ms) => {
          sleeps.push(ms);
        },
        ...client,
      },
    },
  );
  return { emu, store, oa, tokens, sleeps };
}

/** Every string the test suite treats as secret. */
export function secretsOf(emu: OaEmulator): string[] {
  return [ACCESS, REFRESH, APP_SECRET, emu.currentAccessToken(), emu.appSecretKey];
}
