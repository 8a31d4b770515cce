/**
 * Outside local mode (here: a bot wired to an attached emulator with a
 * ZALO_APP_ID, as the test harness does) the simulator asks for ADMIN_TOKEN
 * before it shows anything, then works as usual.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { TEST_ADMIN_TOKEN, startTestBot, type TestBot } from '../support/start-test-bot.js';
import { launchChromium } from './support/launch-chromium.js';
import { SimulatorPage } from './support/simulator-page.js';

let bot: TestBot;
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
  bot = await startTestBot();
});
afterAll(async () => {
  await browser?.close();
  await bot?.stop();
});

describe('simulator outside local mode', { timeout: 60_000 }, () => {
  it('asks for the admin token, refuses a wrong one, then chats', async () => {
    expect(bot.services.config.localMode).toBe(false);
    const page = await (await browser.newContext({ viewport: { width: 390, height: 844 }, reducedMotion: 'reduce' })).newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${bot.url}/simulator?user=8100000000000000021`);
    const dialog = page.getByRole('dialog', { name: 'Cần mã quản trị' });
    await dialog.waitFor();
    await dialog.getByLabel('ADMIN_TOKEN').fill('wrong-token');
    const refused = page.waitForResponse((r) => r.url().endsWith('/simulator/api/info') && r.status() === 401);
    await dialog.getByRole('button', { name: 'Tiếp tục' }).click();
    await refused;
    // Refused: the prompt comes back and nothing is connected.
    await dialog.waitFor();
    expect(await page.evaluate(() => document.body.dataset.stream)).toBeUndefined();
    await dialog.getByLabel('ADMIN_TOKEN').fill(TEST_ADMIN_TOKEN);
    await dialog.getByRole('button', { name: 'Tiếp tục' }).click();
    await page.waitForSelector('body[data-stream="open"]');
    const sim = new SimulatorPage(page, bot.url);
    const reply = await sim.ask('xin chào');
    await expect(reply.textContent()).resolves.toContain('Dạ');
    expect(errors).toEqual([]);
  });
});
