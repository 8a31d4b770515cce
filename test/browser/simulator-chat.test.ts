/**
 * A citizen in the Zalo-like simulator, in real Chromium: asks about a procedure,
 * taps the answer's buttons (mouse and keyboard), sends an image, follows the OA.
 * Every message goes through the emulator's signed webhook and back.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startBrowserSession, type BrowserSession } from './support/browser-session.js';
import { SimulatorPage } from './support/simulator-page.js';
import { waitFor } from '../support/wait-for.js';

let s: BrowserSession;
let page: Page;
let sim: SimulatorPage;
const citizen = { userId: '8100000000000000001', name: 'Lê Thị Hoa', phone: '0903000111' };

beforeAll(async () => {
  s = await startBrowserSession();
  page = await s.phonePage();
  sim = new SimulatorPage(page, s.url);
  await sim.open(citizen);
});
afterAll(async () => {
  await s?.close();
});

// Generous limits: CI runs these next to the whole suite on a busy machine.
describe('chat simulator', { timeout: 60_000 }, () => {
  it('shows the OA as a Zalo chat for the chosen test citizen', async () => {
    await expect(page.locator('#oa-name').textContent()).resolves.toBe(s.bot.services.config.ORG_NAME);
    await expect(page.locator('#citizen-select option:checked').textContent()).resolves.toContain('Lê Thị Hoa');
    await expect(page.getByLabel('Nhập tin nhắn').isVisible()).resolves.toBe(true);
  });

  it('answers a procedure question typed by the citizen (Enter sends)', async () => {
    const before = await sim.botCount();
    await sim.ask('làm giấy khai sinh cần mang theo gì');
    await expect(page.locator('.msg.from-user .bubble').last().textContent()).resolves.toBe('làm giấy khai sinh cần mang theo gì');
    // The detail buttons come with the last part of the answer, rendered from the wire buttons.
    await sim.quickReply('Lệ phí').waitFor();
    const answer = await sim.botTextSince(before);
    expect(answer.toLowerCase()).toContain('đăng ký khai sinh');
    expect(answer).toContain('1.001193');
    // A fact from the catalog record: the birth certificate from the hospital.
    expect(answer).toContain('Giấy chứng sinh');
    // For the picture: the question at the top, then the start of the answer.
    await page.locator('.msg.from-user').last().evaluate((el) => {
      const chat = document.getElementById('chat')!;
      chat.scrollTop += el.getBoundingClientRect().top - chat.getBoundingClientRect().top - 8;
    });
    await s.screenshot(page, 'simulator-procedure-answer');
    await page.evaluate(() => {
      const chat = document.getElementById('chat')!;
      chat.scrollTop = chat.scrollHeight;
    });
  });

  it('taps a quick-reply button: its payload goes to the bot as the citizen’s message', async () => {
    const before = await sim.botCount();
    await sim.quickReply('Lệ phí').click();
    const reply = await sim.nextBotMessage(before);
    await expect(page.locator('.msg.from-user .bubble').last().textContent()).resolves.toBe('Lệ phí (1.001193)');
    await expect(reply.locator('.bubble').first().textContent()).resolves.toMatch(/lệ phí/i);
    await s.screenshot(page, 'simulator-button-tap');
  });

  it('buttons work from the keyboard', async () => {
    const before = await sim.botCount();
    const button = sim.quickReply('Thời gian giải quyết');
    await button.focus();
    await page.keyboard.press('Enter');
    await sim.nextBotMessage(before);
    await expect(page.locator('.msg.from-user .bubble').last().textContent()).resolves.toBe('Thời gian giải quyết (1.001193)');
  });

  it('sends an image and a sticker; the bot answers that it reads text only', async () => {
    let before = await sim.botCount();
    await page.getByRole('button', { name: 'Gửi hình ảnh' }).click();
    await sim.nextBotMessage(before);
    await expect(page.locator('.msg.from-user').last().textContent()).resolves.toContain('Hình ảnh');
    before = await sim.botCount();
    await page.getByRole('button', { name: 'Gửi nhãn dán' }).click();
    const reply = await sim.nextBotMessage(before);
    await expect(page.locator('.msg.from-user').last().textContent()).resolves.toContain('Nhãn dán');
    expect((await reply.textContent())!.length).toBeGreaterThan(10);
  });

  it('follows the OA from the menu and gets a greeting', async () => {
    const before = await sim.botCount();
    await page.getByRole('button', { name: /Tuỳ chọn/ }).click();
    await page.getByRole('button', { name: 'Quan tâm OA', exact: true }).click();
    await sim.nextBotMessage(before);
    await expect(page.locator('.msg.system').last().textContent()).resolves.toContain('Đã quan tâm');
    await page.keyboard.press('Escape');
    await expect(page.locator('#citizen-panel').isHidden()).resolves.toBe(true);
  });

  it('on a wide screen, a quick guide sends example questions and points to the console', async () => {
    const wide = await s.desktopPage();
    const wideSim = new SimulatorPage(wide, s.url);
    await wideSim.open(citizen);
    await expect(wide.locator('.guide').textContent()).resolves.toContain('mã quản trị: local-admin');
    const before = await wideSim.botCount();
    await wide.getByRole('button', { name: 'Xin chào', exact: true }).click();
    await wideSim.nextBotMessage(before);
    await s.screenshot(wide, 'simulator-desktop');
    // The phone page got the same exchange live.
    await sim.botBubbles.nth(before).waitFor();
  });

  it('shows exactly what the bot sent through the OA API, and nothing broke in the page', async () => {
    const sent = s.bot.emulator.outbound(citizen.userId);
    // A reply with several parts may still be arriving: wait until the page caught up.
    await waitFor(async () => (await sim.botBubbles.count()) >= sent.length, { what: 'every sent message on the page', timeoutMs: 20_000 });
    await expect(sim.botBubbles.count()).resolves.toBe(sent.length);
    // Reloading rebuilds the same chat from history.
    await page.reload();
    await page.waitForSelector('body[data-stream="open"]');
    await expect(sim.botBubbles.count()).resolves.toBe(sent.length);
    expect(s.pageErrors).toEqual([]);
  });
});
