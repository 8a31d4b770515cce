/**
 * One configuration of the store bench: an OA emulator in this process, 1 or 2
 * bot processes on lowdb or PostgreSQL, state seeded before the bots start
 * (subscribers with an open consultation window).
 */
import { emulatorEnv } from '../src/platform/zalo/emulator/emulator-env.js';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createOaEmulator, type OaEmulator } from '../src/platform/zalo/emulator/oa-emulator.js';
import { LowdbStore } from '../src/store/lowdb/lowdb-store.js';
import { PgStore } from '../src/store/postgres/pg-store.js';
import type { Store } from '../src/store/port.js';
import { spawnBot, type SpawnedBot } from '../test/support/spawn-bot.js';
import { chatUserId, dossierCode, subscriberId } from '../test/integration/store/two-instance-traffic.js';

export const INGEST = 'bench-store-ingest';

export interface BenchSetup {
  label: string;
  em: OaEmulator;
  bots: SpawnedBot[];
  stop(): Promise<void>;
}

export interface SetupOptions {
  label: string;
  instances: 1 | 2;
  /** Unset: lowdb in a temp DATA_DIR. */
  databaseUrl?: string;
  dossiers: number;
  chatUsers: number;
}

async function seed(store: Store, opts: SetupOptions): Promise<void> {
  const now = new Date().toISOString();
  await store.tx(async (t) => {
    for (let i = 0; i < opts.dossiers; i++) {
      await t.addSubscription({ code: dossierCode(i), userId: subscriberId(i), createdAt: now });
      await t.putProfile({ userId: subscriberId(i), lastInteractionAt: now, follower: true, updatedAt: now });
    }
  });
}

export async function startSetup(opts: SetupOptions): Promise<BenchSetup> {
  const em = await createOaEmulator({ port: 0, accessToken: 'bench-at', refreshToken: 'bench-rt', rateLimitPerMinute: 10_000_000 });
  for (let i = 0; i < opts.dossiers; i++) em.setLastInteraction(subscriberId(i), new Date());
  for (let i = 0; i < opts.chatUsers; i++) em.setLastInteraction(chatUserId(i), new Date());
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'motcua-bench-store-'));
  const store = opts.databaseUrl
    ? await PgStore.open({ connectionString: opts.databaseUrl, log: { warn: () => undefined } })
    : await LowdbStore.open({ dataDir, backupIntervalMs: 0 });
  await seed(store, opts);
  await store.close();
  const env: Record<string, string> = {
    DATA_DIR: dataDir,
    ...emulatorEnv(em),
    ZALO_ACCESS_TOKEN: 'bench-at',
    ZALO_REFRESH_TOKEN: 'bench-rt',
    INGEST_API_KEY: INGEST,
    ADMIN_TOKEN: 'bench-admin',
    LOG_LEVEL: 'error',
    ...(opts.databaseUrl ? { DATABASE_URL: opts.databaseUrl } : {}),
  };
  const bots: SpawnedBot[] = [];
  for (let i = 0; i < opts.instances; i++) {
    bots.push(await spawnBot({ env: { ...env, INSTANCE_ID: `bench-${i}` }, readyTimeoutMs: 120_000 }));
  }
  return {
    label: opts.label,
    em,
    bots,
    async stop() {
      await Promise.all(bots.map((b) => b.stop()));
      await em.close();
    },
  };
}
