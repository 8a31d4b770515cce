/**
 * Human handoff in real Chromium: the citizen asks for an officer in the
 * simulator, the conversation shows up in the console's queue, the officer
 * answers as the OA (the citizen sees it live), then gives the chat back to the
 * bot, which answers again.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ADMIN_TOKEN, startBrowserSession, type BrowserSession } from './support/browser-session.js';
import { SimulatorPage } from './support/simulator-page.js';

let s: BrowserSession;
let phone: Page;
let sim: SimulatorPage;
let officer: Page;
const citizen = { userId: '8100000000000000003', name: 'Đỗ Thu Trang', phone: '0977000333' };

beforeAll(async () => {
  s = await startBrowserSession();
  phone = await s.phonePage();
  sim = new SimulatorPage(phone, s.url);
  await sim.open(citizen);
  officer = await s.desktopPage();
  // Logged in already: the console keeps the token in sessionStorage for this tab.
  await officer.goto(`${s.url}/console#handoffs`);
  await officer.getByLabel('Mã quản trị (ADMIN_TOKEN)').fill(ADMIN_TOKEN);
  await officer.getByLabel('Mã quản trị (ADMIN_TOKEN)').press('Enter');
  await officer.waitForSelector('body[data-tab="handoffs"]');
});
afterAll(async () => {
  await s?.close();
});

// Generous limits: CI runs these next to the whole suite on a busy machine.
describe('handoff to an officer', { timeout: 60_000 }, () => {
  it('the citizen asks for an officer and the bot hands over', async () => {
    const reply = await sim.ask('cho tôi nói chuyện với cán bộ');
    await expect(reply.textContent()).resolves.toContain('cán bộ');
    const open = await s.admin('GET', '/api/admin/handoffs?status=open');
    expect(open.json.items.map((h: { userId: string }) => h.userId)).toEqual([citizen.userId]);
  });

  it('the conversation appears in the console queue with the citizen’s messages', async () => {
    const outboxOf = () => s.bot.services.store.tx((t) => t.listOutbox({ userId: citizen.userId }));
    const queued = (await outboxOf()).length;
    await sim.say('hồ sơ đất đai của tôi nộp từ tháng trước chưa thấy gì');
    const card = officer.locator('article.handoff', { hasText: citizen.userId });
    // The queue refreshes itself every few seconds; the button makes it immediate.
    await officer.getByRole('button', { name: 'Tải lại' }).click();
    await card.locator('.thread', { hasText: 'hồ sơ đất đai' }).waitFor();
    // While an officer has the conversation the bot stays silent: the turn that
    // recorded the message (same transaction as any reply) queued nothing.
    expect((await outboxOf()).length).toBe(queued);
  });

  it('the officer replies as the OA and the citizen sees it live', async () => {
    const card = officer.locator('article.handoff', { hasText: citizen.userId });
    const box = card.getByLabel(`Trả lời ${citizen.userId}`);
    await box.fill('Chào chị, em là cán bộ Một cửa. Chị cho em xin mã hồ sơ để em kiểm tra ạ.');
    // Ctrl+Enter sends from the keyboard.
    await box.press('Control+Enter');
    await phone.locator('.msg.from-oa', { hasText: 'em là cán bộ Một cửa' }).waitFor();
    await card.locator('.line.from-officer', { hasText: 'em là cán bộ Một cửa' }).waitFor();
    await s.screenshot(officer, 'console-handoff');
    await s.screenshot(phone, 'simulator-officer-reply');
  });

  it('the officer releases the conversation and the bot answers again', async () => {
    const before = await sim.botCount();
    await officer.getByRole('button', { name: 'Trả lại cho bot' }).click();
    await officer.getByText('Không có cuộc trò chuyện nào đang chờ cán bộ.').waitFor();
    await sim.nextBotMessage(before);
    const released = await s.admin('GET', '/api/admin/handoffs?status=released');
    expect(released.json.items.map((h: { userId: string }) => h.userId)).toEqual([citizen.userId]);
    const answer = await sim.ask('xin chào');
    await expect(answer.textContent()).resolves.toContain('Dạ');
    expect(s.pageErrors).toEqual([]);
  });
});
