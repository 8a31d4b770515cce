/**
 * The bot never strands a citizen, in real Chromium: three messages it does not
 * understand outside office hours leave it answering (with a request for an
 * officer and a feedback ticket on offer); during office hours they hand the chat
 * to an officer, and one tap on "Quay lại trợ lý tự động" brings the bot back.
 * Outside office hours an officer logged in to the console counts as on duty.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ADMIN_TOKEN, startBrowserSession, type BrowserSession } from './support/browser-session.js';
import { SimulatorPage } from './support/simulator-page.js';

let s: BrowserSession;
let phone: Page;
let sim: SimulatorPage;
const citizen = { userId: '8100000000000000021', name: 'Phan Văn Tú', phone: '0977000421' };
const NOT_UNDERSTOOD = ['xyzzy plugh', 'asdf qwer', 'zzz qqq'];

/** The bot's clock runs from `iso` (the webhook timestamps keep the real clock). */
function botTimeFrom(iso: string): void {
  const offset = Date.parse(iso) - Date.now();
  s.bot.services.clock = () => new Date(Date.now() + offset);
}
// Read straight from the store: an admin API call would itself mark an officer present.
const handoff = () => s.bot.services.store.tx((t) => t.getHandoff(citizen.userId));

async function threeNotUnderstood(): Promise<string> {
  let last = '';
  for (const text of NOT_UNDERSTOOD) {
    const before = await sim.botCount();
    await sim.say(text);
    await sim.nextBotMessage(before);
    last = await sim.botTextSince(before);
  }
  return last;
}

beforeAll(async () => {
  s = await startBrowserSession();
  phone = await s.phonePage();
  sim = new SimulatorPage(phone, s.url);
  await sim.open(citizen);
});
afterAll(async () => {
  await s?.close();
});

describe('automatic handoff only with an officer on duty', { timeout: 90_000 }, () => {
  it('outside office hours, three messages the bot does not understand do not silence it', async () => {
    botTimeFrom('2026-06-21T03:00:00Z'); // Sunday 10:00 in Việt Nam, nobody at the console
    const third = await threeNotUnderstood();
    expect(third).toContain('không có cán bộ trực');
    await sim.quickReply('Nhờ cán bộ trả lời sau').waitFor();
    await sim.quickReply('Gửi phản ánh, kiến nghị').waitFor();
    expect(await handoff()).toBeUndefined();
    const before = await sim.botCount();
    await sim.say('lệ phí đăng ký tạm trú bao nhiêu');
    await sim.nextBotMessage(before);
    await expect(sim.botTextSince(before)).resolves.toContain('Mã thủ tục: 1.004194');
    await s.screenshot(phone, 'simulator-no-officer-on-duty');
  });

  it('during office hours they hand off, and one tap brings the bot back', async () => {
    botTimeFrom('2026-06-23T03:00:00Z'); // Tuesday 10:00
    const third = await threeNotUnderstood();
    expect(third).toContain('chuyển cuộc trò chuyện cho cán bộ');
    expect(third).toContain('quay lại trợ lý');
    expect(await handoff()).toMatchObject({ status: 'open', reason: 'repeated_failures' });
    await s.screenshot(phone, 'simulator-handoff-return-button');

    const before = await sim.botCount();
    await sim.quickReply('Quay lại trợ lý tự động').click();
    await sim.nextBotMessage(before);
    await expect(sim.botTextSince(before)).resolves.toContain('em tiếp tục hỗ trợ');
    expect(await handoff()).toMatchObject({ status: 'released', releasedBy: 'citizen' });

    const answer = await sim.ask('đăng ký tạm trú cần giấy tờ gì');
    await expect(answer.textContent()).resolves.toContain('tạm trú');
  });

  it('outside office hours, an officer logged in to the console is on duty', async () => {
    botTimeFrom('2026-06-28T03:00:00Z'); // the next Sunday
    const officer = await s.desktopPage();
    await officer.goto(`${s.url}/console#handoffs`);
    await officer.getByLabel('Mã quản trị (ADMIN_TOKEN)').fill(ADMIN_TOKEN);
    await officer.getByLabel('Mã quản trị (ADMIN_TOKEN)').press('Enter');
    await officer.waitForSelector('body[data-tab="handoffs"]');
    const third = await threeNotUnderstood();
    expect(third).toContain('chuyển cuộc trò chuyện cho cán bộ');
    await officer.getByRole('button', { name: 'Tải lại' }).click();
    await officer.locator('article.handoff', { hasText: citizen.userId }).waitFor();
    expect(s.pageErrors).toEqual([]);
  });
});
