/**
 * For a describe block that starts bot processes against one fake OA: the fake OA starts before
 * the block, and every bot and data directory a test made is killed and removed after it.
 */
import { afterAll, afterEach, beforeAll } from 'vitest';
import { startFakeOa, type FakeOa } from './fake-oa-server.js';
import type { SpawnedBot } from './spawn-bot.js';
import { makeTempDir } from './temp-dir.js';

export interface BotProcesses {
  /** The fake OA (set once the block's beforeAll ran). */
  readonly oa: FakeOa;
  /** Bots to kill after the test: push every bot started. */
  readonly bots: SpawnedBot[];
  /** A fresh data directory, removed after the test. */
  dataDir(): Promise<string>;
}

export function useBotProcesses(prefix: string): BotProcesses {
  let oa: FakeOa | undefined;
  const bots: SpawnedBot[] = [];
  const dirs: { remove(): Promise<void> }[] = [];
  beforeAll(async () => {
    oa = await startFakeOa();
  });
  afterEach(async () => {
    await Promise.all(bots.splice(0).map((b) => b.kill()));
    await Promise.all(dirs.splice(0).map((d) => d.remove()));
  });
  afterAll(async () => {
    await oa?.close();
  });
  return {
    get oa() {
      if (!oa) throw new Error('the fake OA is not started yet (use it inside a test or hook)');
      return oa;
    },
    bots,
    async dataDir() {
      const d = await makeTempDir(prefix);
      dirs.push(d);
      return d.dir;
    },
  };
}
