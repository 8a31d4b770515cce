/**
 * Runs every conversation script in test/conversations/ against the whole bot
 * (signed webhook → inbox → NLU → dialog → outbox → OA emulator), one fresh
 * Zalo user per script. The format is documented in docs/conversations.md.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBot, type TestBot } from '../../support/start-test-bot.js';
import { loadScripts } from './load-scripts.js';
import { ScriptDriver } from './drive-script.js';

/** Tuesday 16/06/2026 10:00 in Việt Nam: inside office hours, a căn cước fee reduction in force. */
const DEFAULT_NOW = '2026-06-16T03:00:00.000Z';
const scripts = loadScripts();

let bot: TestBot;
beforeAll(async () => {
  bot = await startTestBot();
});
afterAll(async () => {
  await bot?.stop();
});

describe('conversation scripts', () => {
  it('has at least 40 scripts', () => {
    expect(scripts.length).toBeGreaterThanOrEqual(40);
  });

  scripts.forEach((script, i) => {
    it(`${script.file}: ${script.name}`, async () => {
      // The bot's clock runs from the script's moment (webhook timestamps keep the real clock).
      const offset = Date.parse(script.now ?? DEFAULT_NOW) - Date.now();
      bot.services.clock = () => new Date(Date.now() + offset);
      await new ScriptDriver(bot, `9000${String(i).padStart(6, '0')}`, script).run();
    }, 120_000);
  });
});
