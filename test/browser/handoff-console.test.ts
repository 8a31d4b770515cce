/**
 * Human handoff in real Chromium: the citizen talks to the bot, then asks for an
 * officer in the simulator; the console's card shows who they are, how long they
 * wait and the conversation before; the officer types a long answer while the tab
 * refreshes (every character arrives, the focus stays), the citizen sees it live;
 * the officer gives the chat back to the bot; a second handoff is a new thread.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ADMIN_TOKEN, startBrowserSession, type BrowserSession } from './support/browser-session.js';
import { SimulatorPage } from './support/simulator-page.js';
import { waitFor } from '../support/wait-for.js';

let s: BrowserSession;
let phone: Page;
let sim: SimulatorPage;
let officer: Page;
const citizen = { userId: '8100000000000000003', name: 'Đỗ Thu Trang', phone: '0977000333' };
/** The emulator's OA user detail gives this display name (src/platform/zalo/emulator/answer-queries.ts). */
const ZALO_NAME = `Người dùng ${citizen.userId.slice(-4)}`;
/** 200 characters, with Vietnamese letters and a newline-free sentence an officer would write. */
const LONG_REPLY = (
  'Chào chị, em là cán bộ Bộ phận Một cửa. Hồ sơ đất đai của chị đang được phòng Tài nguyên thẩm định; ' +
  'chị vui lòng cho em xin mã hồ sơ trên giấy biên nhận để em kiểm tra tiến độ giúp chị nhé ạ.'
).padEnd(200, '.').slice(0, 200);

let handoffReads = 0;

beforeAll(async () => {
  s = await startBrowserSession();
  phone = await s.phonePage();
  sim = new SimulatorPage(phone, s.url);
  await sim.open(citizen);
  officer = await s.desktopPage();
  officer.on('request', (r) => void (r.url().includes('/api/admin/handoffs?status=open') && handoffReads++));
  await officer.goto(`${s.url}/console#handoffs`);
  await officer.getByLabel('Mã quản trị (ADMIN_TOKEN)').fill(ADMIN_TOKEN);
  await officer.getByLabel('Mã quản trị (ADMIN_TOKEN)').press('Enter');
  await officer.waitForSelector('body[data-tab="handoffs"]');
});
afterAll(async () => {
  await s?.close();
});

const card = () => officer.locator('article.handoff');

// Generous limits: CI runs these next to the whole suite on a busy machine.
describe('handoff to an officer', { timeout: 90_000 }, () => {
  it('the citizen talks to the bot, then asks for an officer and the bot hands over', async () => {
    await sim.ask('lệ phí đăng ký kết hôn bao nhiêu');
    const reply = await sim.ask('cho tôi nói chuyện với cán bộ');
    await expect(reply.textContent()).resolves.toContain('cán bộ');
    const open = await s.admin('GET', '/api/admin/handoffs?status=open');
    expect(open.json.items.map((h: { userId: string }) => h.userId)).toEqual([citizen.userId]);
  });

  it('the card shows the citizen’s name, the wait and the conversation before the request', async () => {
    const outboxOf = () => s.bot.services.store.tx((t) => t.listOutbox({ userId: citizen.userId }));
    const queued = (await outboxOf()).length;
    await sim.say('hồ sơ đất đai của tôi nộp từ tháng trước chưa thấy gì');
    // The queue refreshes itself every few seconds; the button makes it immediate.
    await officer.getByRole('button', { name: 'Tải lại' }).click();
    await card().locator('.thread-box', { hasText: 'hồ sơ đất đai' }).waitFor();
    await expect(card().locator('h3').textContent()).resolves.toBe(ZALO_NAME);
    await expect(card().locator('.waiting').textContent()).resolves.toContain('Đang chờ trả lời');
    const before = card().locator('.before-thread');
    await expect(before.textContent()).resolves.toContain('lệ phí đăng ký kết hôn bao nhiêu');
    // The bot's answer is there too, so the officer need not ask the citizen to repeat.
    await expect(before.locator('.from-bot').first().textContent()).resolves.toContain('Mã thủ tục:');
    // While an officer has the conversation the bot stays silent: the turn that
    // recorded the message (same transaction as any reply) queued nothing.
    expect((await outboxOf()).length).toBe(queued);
  });

  it('an officer types a 200-character reply while the tab refreshes and every character arrives', async () => {
    const box = card().getByLabel(`Trả lời ${ZALO_NAME}`);
    await box.click(); // once: the officer never clicks again while typing
    const readsBefore = handoffReads;
    // 200 characters at 60 ms each take 12 s: at least two 5-second refreshes happen while typing.
    const typing = officer.keyboard.type(LONG_REPLY, { delay: 60 });
    // Meanwhile the citizen writes again, so a refresh really changes the card.
    await s.bot.emulator.userSays(citizen.userId, 'chị ơi em đợi nãy giờ');
    await typing;
    await card().locator('.thread-box', { hasText: 'em đợi nãy giờ' }).waitFor();
    expect(handoffReads - readsBefore).toBeGreaterThanOrEqual(2);
    await expect(box.inputValue()).resolves.toBe(LONG_REPLY);
    expect(await box.evaluate((el) => el === document.activeElement)).toBe(true);

    // Ctrl+Enter sends from the keyboard; the focus stays in the box for the next message.
    await officer.keyboard.press('Control+Enter');
    await phone.locator('.msg.from-oa', { hasText: 'em là cán bộ Bộ phận Một cửa' }).waitFor();
    await card().locator('.line.from-officer', { hasText: 'em là cán bộ Bộ phận Một cửa' }).waitFor();
    const sent = s.bot.emulator.outbound(citizen.userId).map((o) => String((o.message as { text?: string }).text ?? ''));
    expect(sent).toContain(LONG_REPLY);
    await expect(box.inputValue()).resolves.toBe('');
    expect(await box.evaluate((el) => el === document.activeElement)).toBe(true);
    await expect(card().locator('.waiting').textContent()).resolves.toContain('Cán bộ đã trả lời');
    await s.screenshot(officer, 'console-handoff');
    await s.screenshot(phone, 'simulator-officer-reply');
  });

  it('the officer releases the conversation, the focus lands on the queue, and the bot answers again', async () => {
    const before = await sim.botCount();
    await officer.getByRole('button', { name: 'Trả lại cho bot' }).click();
    await officer.getByText('Không có cuộc trò chuyện nào đang chờ cán bộ.').waitFor();
    await waitFor(() => officer.evaluate(() => document.activeElement?.textContent === 'Tải lại'), { what: 'focus on "Tải lại"' });
    await sim.nextBotMessage(before);
    const released = await s.admin('GET', '/api/admin/handoffs?status=released');
    expect(released.json.items.map((h: { userId: string }) => h.userId)).toEqual([citizen.userId]);
    const answer = await sim.ask('xin chào');
    await expect(answer.textContent()).resolves.toContain('Dạ');
  });

  it('a second handoff is a new thread: the previous one’s messages are not shown first', async () => {
    await sim.ask('Gặp cán bộ');
    await officer.getByRole('button', { name: 'Tải lại' }).click();
    const thread = card().locator('.thread-box .line');
    await thread.first().waitFor();
    await expect(thread.allTextContents()).resolves.toEqual([expect.stringContaining('Gặp cán bộ')]);
    // The earlier exchange is part of what came before, not of this thread.
    await expect(card().locator('.before-thread').textContent()).resolves.toContain('xin chào');
    expect(s.pageErrors).toEqual([]);
  });
});
