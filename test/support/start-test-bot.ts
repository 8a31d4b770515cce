/**
 * The whole bot in this process on 127.0.0.1 port 0, talking over real HTTP to
 * an OA emulator on port 0. Memory store by default; logs silent unless
 * LOG_LEVEL is given. Use it for conversation, dossier and browser tests.
 *
 * Usage:
 *   const t = await startTestBot();
 *   await t.emulator.userSays('u1', 'xin chào');
 *   const [reply] = await t.waitForOutbound('u1', 1);
 *   await t.stop();
 *
 * Options: env overrides (any config variable), store (e.g. a LowdbStore),
 * lowdb: true (the default lowdb store in a temp DATA_DIR), localMode: true (no
 * ZALO_APP_ID: exactly what `npm start` does, wired to this emulator).
 */
import { emulatorEnv } from '../../src/platform/zalo/emulator/emulator-env.js';
import type { Store } from '../../src/store/port.js';
import { MemoryStore } from '../../src/store/memory-store.js';
import { startBot, type RunningBot } from '../../src/start-bot.js';
import type { Services } from '../../src/services.js';
import { createOaEmulator, type OaEmulator } from '../../src/platform/zalo/emulator/oa-emulator.js';
import type { RecordedOutbound } from '../../src/platform/zalo/emulator/emulator-handle.js';
import { makeTempDir } from './temp-dir.js';
import { sharedCatalogAndNlu } from './shared-catalog.js';
import { waitFor } from './wait-for.js';

export interface TestBotOptions {
  env?: Record<string, string>;
  store?: Store;
  /** Use the default store (lowdb in a temp DATA_DIR) instead of memory. */
  lowdb?: boolean;
  /** Run as `npm start` does without ZALO_APP_ID (the simulator needs no token then). */
  localMode?: boolean;
  /**
   * Build catalog and NLU for this bot instead of reusing the ones shared by every
   * test bot of this process (building the NLU takes seconds). Implied by CATALOG_FILE/ALIASES_FILE in env.
   */
  freshNlu?: boolean;
  /**
   * Share this OA emulator (another test bot's) instead of starting one: several instances of one
   * OA. Its webhook points at the bot started last (emulator.setWebhookUrl to change); not closed by stop().
   */
  emulator?: OaEmulator;
}

export interface TestBot {
  /** Base URL of the bot, e.g. http://127.0.0.1:43210 */
  url: string;
  emulator: OaEmulator;
  services: Services;
  bot: RunningBot;
  dataDir: string;
  /** Wait until the emulator recorded at least `count` messages the bot sent to `userId`. */
  waitForOutbound(userId: string, count?: number, timeoutMs?: number): Promise<RecordedOutbound[]>;
  /** Stop the bot and the emulator, remove the temp dir. */
  stop(): Promise<void>;
}

export const TEST_ACCESS_TOKEN = 'test-access-token';
export const TEST_REFRESH_TOKEN = 'test-refresh-token';
export const TEST_ADMIN_TOKEN = 'test-admin-token';
export const TEST_INGEST_KEY = 'test-ingest-key';

export async function startTestBot(opts: TestBotOptions = {}): Promise<TestBot> {
  const tmp = await makeTempDir('motcua-bot-');
  const ownEmulator = !opts.emulator;
  const emulator = opts.emulator ?? (await createOaEmulator({ port: 0, accessToken: TEST_ACCESS_TOKEN, refreshToken: TEST_REFRESH_TOKEN }));
  const oaEnv: Record<string, string> = opts.localMode
    ? { ZALO_REFRESH_TOKEN: TEST_REFRESH_TOKEN }
    : {
        ...emulatorEnv(emulator),
        ZALO_ACCESS_TOKEN: TEST_ACCESS_TOKEN,
        ZALO_REFRESH_TOKEN: TEST_REFRESH_TOKEN,
        ADMIN_TOKEN: TEST_ADMIN_TOKEN,
        INGEST_API_KEY: TEST_INGEST_KEY,
      };
  const env: Record<string, string> = {
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    DATA_DIR: tmp.dir,
    NOTIFY_BASE_DELAY_MS: '50',
    ...oaEnv,
    ...opts.env,
  };
  const store = opts.store ?? (opts.lowdb ? undefined : new MemoryStore());
  const fresh = opts.freshNlu || env.CATALOG_FILE || env.ALIASES_FILE;
  let bot: RunningBot;
  try {
    bot = await startBot({ env, emulator, ...(store ? { store } : {}), ...(fresh ? {} : await sharedCatalogAndNlu()) });
  } catch (err) {
    if (ownEmulator) await emulator.close();
    await tmp.remove();
    throw err;
  }
  return {
    url: bot.url,
    emulator,
    services: bot.services,
    bot,
    dataDir: tmp.dir,
    waitForOutbound: (userId, count = 1, timeoutMs = 5000) =>
      waitFor(() => {
        const out = emulator.outbound(userId);
        return out.length >= count ? out : undefined;
      }, { timeoutMs, what: `${count} outbound message(s) to ${userId}` }),
    async stop() {
      await bot.stop();
      if (ownEmulator) await emulator.close();
      await tmp.remove();
    },
  };
}
