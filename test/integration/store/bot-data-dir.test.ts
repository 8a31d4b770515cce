/**
 * The real bot (`src/main.ts`) on lowdb: a second process on the same DATA_DIR
 * exits 1 naming the first one's pid; after a clean stop, a truncated data file
 * makes it exit 1 naming the file and the newest backup.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { spawnBot, type SpawnedBot } from '../../support/spawn-bot.js';
import { makeTempDir } from '../../support/temp-dir.js';

const bots: SpawnedBot[] = [];
afterEach(async () => {
  await Promise.all(bots.splice(0).map((b) => b.kill()));
});

describe('bot on lowdb', () => {
  it('refuses a second process on the same DATA_DIR and a truncated data file', async () => {
    const { dir } = await makeTempDir('motcua-bot-lowdb-');
    const first = await spawnBot({ env: { DATA_DIR: dir }, readyTimeoutMs: 60_000 });
    bots.push(first);
    const second = await spawnBot({ env: { DATA_DIR: dir }, waitReady: false });
    bots.push(second);
    expect((await second.exited).code).toBe(1);
    expect(second.output()).toContain(`is in use by another motcua-bot process (pid ${first.child.pid})`);

    expect((await first.stop()).code).toBe(0);
    const file = path.join(dir, 'motcua.json');
    const text = await fs.readFile(file, 'utf8');
    await fs.writeFile(file, text.slice(0, text.length - 7));
    const third = await spawnBot({ env: { DATA_DIR: dir }, waitReady: false });
    bots.push(third);
    expect((await third.exited).code).toBe(1);
    expect(third.output()).toContain(`Data file ${file} is corrupt or truncated`);
    expect(third.output()).toMatch(new RegExp(`newest good backup is ${dir}/backups/motcua-[\\dT-]+Z(-\\d+)?\\.json`));
  }, 120_000);
});
