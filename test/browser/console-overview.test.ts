/**
 * The officer console in real Chromium, over data made the real way (citizens
 * talking through the emulator): login, keyboard tabs, the outbox with a failed
 * reply and its retry, a feedback ticket answered (the citizen gets it in the
 * simulator and can ask about it by number), unanswered questions ranked by count,
 * the charts in Vietnamese, a test dossier created from the form, and a phone-sized layout.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ADMIN_TOKEN, startBrowserSession, type BrowserSession } from './support/browser-session.js';
import { waitFor } from '../support/wait-for.js';
import { SimulatorPage } from './support/simulator-page.js';

let s: BrowserSession;
let page: Page;
const say = async (userId: string, text: string) => {
  const before = s.bot.emulator.outbound(userId).length;
  expect((await s.bot.emulator.userSays(userId, text)).status).toBe(200);
  await s.bot.waitForOutbound(userId, before + 1, 20_000);
};

beforeAll(async () => {
  s = await startBrowserSession();
  // Two citizens ask for something the catalog does not have, one asks twice.
  await say('8100000000000000011', 'thủ tục xin giấy phép nuôi rồng cần gì');
  await say('8100000000000000012', 'thủ tục xin giấy phép nuôi rồng cần gì');
  await say('8100000000000000012', 'làm giấy khai sinh cần mang theo gì');
  await say('8100000000000000011', 'tôi muốn phản ánh');
  await say('8100000000000000011', 'quầy tiếp nhận buổi chiều thứ sáu không có cán bộ trực');
  // The OA refuses the next reply for good (-201): it ends up failed in the outbox.
  s.bot.emulator.injectFault({ endpoint: '/v3.0/oa/message/cs', kind: 'api', code: -201, times: 1 });
  await s.bot.emulator.userSays('8100000000000000013', 'xin chào');
  await waitFor(() => s.bot.services.store.tx(async (t) => (await t.listOutbox({ status: 'failed' }))[0]), { what: 'a failed reply', timeoutMs: 20_000 });
  page = await s.desktopPage();
});
afterAll(async () => {
  await s?.close();
});

// Generous limits: CI runs these next to the whole suite on a busy machine.
describe('officer console', { timeout: 60_000 }, () => {
  it('refuses a wrong token and lets the right one in', async () => {
    await page.goto(`${s.url}/console`);
    // The hint appears once the page has read /console/config.json.
    await page.locator('#login-hint', { hasText: 'local-admin' }).waitFor();
    await page.getByLabel('Mã quản trị (ADMIN_TOKEN)').fill('not-the-token');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByText('Mã quản trị không đúng.').waitFor();
    await page.getByLabel('Mã quản trị (ADMIN_TOKEN)').fill(ADMIN_TOKEN);
    await page.getByLabel('Mã quản trị (ADMIN_TOKEN)').press('Enter');
    await page.waitForSelector('body[data-view="app"]');
  });

  it('moves between tabs with the arrow keys', async () => {
    await page.getByRole('tab', { name: 'Hồ sơ' }).focus();
    await page.keyboard.press('ArrowRight');
    await expect(page.getByRole('tab', { name: 'Thông báo' }).getAttribute('aria-selected')).resolves.toBe('true');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Thông báo');
    expect(page.url()).toMatch(/#outbox$/);
  });

  it('shows a failed reply with its reason and sends it again on "Gửi lại"', async () => {
    const row = page.locator('#panel-outbox tr', { hasText: '8100000000000000013' });
    await row.filter({ hasText: 'Thất bại' }).waitFor();
    await expect(row.textContent()).resolves.toContain('-201');
    await s.screenshot(page, 'console-outbox-failed');
    await row.getByRole('button', { name: 'Gửi lại' }).click();
    await waitFor(async () => {
      await page.getByRole('button', { name: 'Tải lại' }).click();
      return (await row.textContent())?.includes('Đã gửi');
    }, { what: 'the retried reply to be sent', timeoutMs: 20_000, intervalMs: 300 });
    expect(s.bot.emulator.outbound('8100000000000000013').length).toBe(1);
  });

  it('answers a feedback ticket: the reply reaches the citizen in the simulator and the ticket shows as answered', async () => {
    const phone = await s.phonePage();
    const sim = new SimulatorPage(phone, s.url);
    await sim.open({ userId: '8100000000000000011', name: 'Lê Văn Hùng' });
    await page.getByRole('tab', { name: 'Phản ánh' }).click();
    const ticket = page.locator('#panel-feedback article.ticket', { hasText: 'không có cán bộ trực' });
    await ticket.waitFor();
    const number = (await ticket.getAttribute('data-number'))!;
    expect(number).toMatch(/^PAKN-\d{8}-\d{4}$/);
    await ticket.getByLabel(`Tình trạng phiếu ${number}`).selectOption('in_progress');
    await ticket.locator('.badge', { hasText: 'Đang xử lý' }).waitFor();

    const box = ticket.getByLabel(`Trả lời phiếu ${number}`);
    await box.fill('Dạ, đơn vị đã bố trí cán bộ trực quầy chiều thứ sáu từ tuần này. Cảm ơn anh đã phản ánh.');
    await box.press('Control+Enter');
    await phone.locator('.msg.from-oa', { hasText: `phản ánh, kiến nghị số ${number}` }).waitFor();
    await ticket.locator('.badge', { hasText: 'Đã trả lời' }).waitFor();
    await waitFor(async () => {
      await page.getByRole('button', { name: 'Tải lại' }).click();
      return (await ticket.locator('.line.from-officer').textContent())?.includes('đã gửi tới công dân');
    }, { what: 'the answer shown as delivered', timeoutMs: 20_000, intervalMs: 300 });
    await s.screenshot(page, 'console-feedback');
    await s.screenshot(phone, 'simulator-feedback-reply');

    // The citizen asks how the ticket stands, by its short number.
    const answer = await sim.ask(`phản ánh số ${Number(number.slice(-4))} sao rồi`);
    await expect(answer.textContent()).resolves.toContain('Đã trả lời');
    const stored = await s.bot.services.store.tx((t) => t.getFeedback(number));
    expect(stored).toMatchObject({ status: 'answered', replies: [expect.objectContaining({ text: expect.stringContaining('cán bộ trực quầy') })] });
    await phone.context().close();
  });

  it('ranks unanswered questions by how often they were asked', async () => {
    await page.getByRole('tab', { name: 'Câu hỏi chưa trả lời' }).click();
    const first = page.locator('#panel-unanswered article.question-group').first();
    await first.waitFor();
    await expect(first.locator('h3').textContent()).resolves.toContain('nuôi rồng');
    await expect(first.textContent()).resolves.toContain('2 lần');
  });

  it('draws the charts from the turn log, the outbox and satisfaction answers', async () => {
    await s.bot.services.store.tx(async (t) => {
      // Satisfaction answers come after a result is returned; two are enough to draw the chart.
      await t.addSatisfaction({ code: 'A-1', userId: '8100000000000000011', score: 5, at: new Date().toISOString() });
      await t.addSatisfaction({ code: 'A-2', userId: '8100000000000000012', score: 4, at: new Date().toISOString() });
    });
    await page.getByRole('tab', { name: 'Thống kê' }).click();
    await page.locator('#panel-stats figure.chart').nth(4).waitFor();
    const titles = await page.locator('#panel-stats figcaption').allTextContents();
    expect(titles).toEqual(['Tin nhắn mỗi ngày', 'Công dân hỏi về', 'Trả lời được và không hiểu', 'Thông báo hồ sơ', 'Mức độ hài lòng (2 đánh giá sau khi trả kết quả)']);
    // Labels in Vietnamese, never turn-log keys such as dossier_challenge or out_of_scope.
    const topics = (await page.locator('#panel-stats svg[aria-label^="Công dân hỏi về"]').getAttribute('aria-label'))!;
    expect(topics).toContain('Phản ánh, kiến nghị');
    expect(topics).not.toMatch(/[a-z]+_[a-z]+/);
    await expect(page.locator('#panel-stats svg[aria-label^="Mức độ hài lòng"]').getAttribute('aria-label')).resolves.toContain('5 sao 1');
    await expect(page.locator('#panel-stats .counters').textContent()).resolves.toContain('4.5');
    await s.screenshot(page, 'console-stats', { fullPage: true });
  });

  it('creates a test dossier from the form, as the one-stop system would', async () => {
    await page.getByRole('tab', { name: 'Hồ sơ' }).click();
    await page.locator('summary', { hasText: 'Tạo hồ sơ thử' }).click();
    const code = await page.locator('input[name="code"]').inputValue();
    await page.locator('input[name="procedureCode"]').fill('1.001193');
    await page.getByRole('button', { name: 'Tạo hồ sơ thử' }).click();
    await page.locator('#dossier-title', { hasText: code }).waitFor();
    // The history starts with the dossier's creation.
    await page.locator('.detail tr', { hasText: 'Tạo hồ sơ' }).filter({ hasText: '2 · Được tiếp nhận' }).waitFor();
    const stored = await s.bot.services.store.tx((t) => t.getDossier(code));
    expect(stored).toMatchObject({ procedureCode: '1.001193', status: 2 });
    await s.screenshot(page, 'console-dossiers');
  });

  it('fits a phone screen and threw no script errors', async () => {
    const phone = await s.phonePage();
    await phone.goto(`${s.url}/console#dossiers`);
    await phone.getByLabel('Mã quản trị (ADMIN_TOKEN)').fill(ADMIN_TOKEN);
    await phone.getByLabel('Mã quản trị (ADMIN_TOKEN)').press('Enter');
    await phone.locator('#panel-dossiers tbody tr').first().waitFor();
    // Wide tables scroll inside their box; the page itself never scrolls sideways.
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await s.screenshot(phone, 'console-phone');
    expect(s.pageErrors).toEqual([]);
  });
});
