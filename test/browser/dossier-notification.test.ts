/**
 * The dossier story end to end in real Chromium: a dossier arrives (admin API,
 * as the one-stop system would send it), the citizen looks it up in the
 * simulator and proves it is theirs by sharing their phone (request_user_info),
 * subscribes, an officer moves it to status 9 in the console (no status is
 * preselected; a change that notifies asks for a confirm; the officer's note goes
 * with it), the notification appears in the citizen's chat; at status 10 the
 * citizen's rating reaches the satisfaction chart.
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
const citizen = { userId: '8100000000000000002', name: 'Phạm Minh Tuấn', phone: '0912555666' };
const CODE = '000.00.99.H99-261120-0042';

beforeAll(async () => {
  s = await startBrowserSession();
  const receivedAt = new Date(Date.now() - 3 * 86_400_000).toISOString();
  const appointmentDate = new Date(Date.now() + 5 * 86_400_000).toISOString().slice(0, 10);
  const put = await s.admin('PUT', `/api/admin/dossiers/${CODE}`, {
    procedureCode: '1.001193',
    applicant: { fullName: citizen.name, phone: citizen.phone },
    receivedAt,
    appointmentDate,
    status: 4,
    channel: 'truc_tiep',
  });
  expect(put.status).toBe(200);
  phone = await s.phonePage();
  sim = new SimulatorPage(phone, s.url);
  await sim.open(citizen);
  officer = await s.desktopPage();
});
afterAll(async () => {
  await s?.close();
});

// Generous limits: CI runs these next to the whole suite on a busy machine.
describe('dossier lookup and notification', { timeout: 60_000 }, () => {
  it('asks for proof before showing a dossier, and the citizen shares their phone', async () => {
    let before = await sim.botCount();
    await sim.say(`tra cứu hồ sơ ${CODE}`);
    await sim.nextBotMessage(before);
    // The request_user_info card is rendered with a "Chia sẻ" button.
    const share = phone.getByRole('button', { name: 'Chia sẻ', exact: true });
    await share.waitFor();
    expect(await sim.botTextSince(before)).toContain('4 số cuối');
    before = await sim.botCount();
    await share.click();
    await sim.nextBotMessage(before);
    await expect(phone.locator('.msg.system').last().textContent()).resolves.toContain('Đã chia sẻ thông tin');
    const answer = await sim.botTextSince(before);
    expect(answer).toContain(CODE);
    expect(answer).not.toContain(citizen.phone);
    await s.screenshot(phone, 'simulator-dossier-lookup');
  });

  it('subscribes to notifications with the offered button', async () => {
    const before = await sim.botCount();
    await sim.quickReply('Báo tôi khi hồ sơ có kết quả').click();
    await sim.nextBotMessage(before);
    const subs = await s.bot.services.store.tx((t) => t.listSubscribers(CODE));
    expect(subs.map((x) => x.userId)).toEqual([citizen.userId]);
  });

  it('the officer logs in, finds the dossier and moves it to status 9 after a confirm, with a note', async () => {
    await officer.goto(`${s.url}/console`);
    await officer.getByLabel('Mã quản trị (ADMIN_TOKEN)').fill(ADMIN_TOKEN);
    await officer.getByRole('button', { name: 'Đăng nhập' }).click();
    await officer.waitForSelector('body[data-view="app"]');
    await officer.getByPlaceholder('Mã hồ sơ, mã thủ tục hoặc tên người nộp').fill('H99-261120');
    await officer.getByRole('button', { name: 'Tìm', exact: true }).click();
    await officer.getByRole('button', { name: CODE }).click();
    await officer.locator('#dossier-title').waitFor();
    await expect(officer.locator('.detail').textContent()).resolves.toContain('1 người đăng ký');
    // Nothing is chosen for the officer: one careless click must not notify anyone.
    await expect(officer.getByLabel('Trạng thái mới').inputValue()).resolves.toBe('');
    await officer.getByLabel('Trạng thái mới').selectOption('9');
    await officer.getByLabel('Ghi chú (gửi kèm thông báo)').fill('Mời anh đến nhận kết quả tại quầy số 2');
    await officer.getByRole('button', { name: 'Cập nhật trạng thái' }).click();
    // Status 9 notifies the citizen: the console says so and waits for a confirm.
    const confirm = officer.getByRole('group', { name: 'Xác nhận gửi thông báo' });
    await expect(confirm.textContent()).resolves.toContain('1 công dân đã đăng ký');
    await expect(confirm.textContent()).resolves.toContain('Mời anh đến nhận kết quả tại quầy số 2');
    expect((await s.bot.services.store.tx((t) => t.getDossier(CODE)))?.status).toBe(4);
    await s.screenshot(officer, 'console-dossier-confirm');
    // The confirm button has the focus: Enter confirms from the keyboard.
    await officer.keyboard.press('Enter');
    await officer.locator('#toast', { hasText: 'trạng thái 9' }).waitFor();
    await expect(officer.getByLabel('Trạng thái mới').inputValue()).resolves.toBe('');
    // The detail reloads with the new status and the history entry.
    await officer.locator('.detail .badge', { hasText: '9 · Đã xử lý xong' }).first().waitFor();
    await s.screenshot(officer, 'console-dossier-status');
  });

  it('the notification appears in the citizen’s chat, live', async () => {
    const bubble = phone.locator('.msg.from-oa', { hasText: 'đã có kết quả' });
    await bubble.waitFor();
    const text = (await bubble.textContent())!;
    expect(text).toContain(`hồ sơ ${CODE}`);
    expect(text).toContain('Ghi chú của cán bộ: Mời anh đến nhận kết quả tại quầy số 2');
    await s.screenshot(phone, 'simulator-notification');
    const dossier = await s.bot.services.store.tx((t) => t.getDossier(CODE));
    expect(dossier?.status).toBe(9);
  });

  it('the console shows the notification as sent, and the page threw nothing', async () => {
    await officer.getByRole('tab', { name: 'Thông báo' }).click();
    const row = officer.locator('#panel-outbox tr', { hasText: CODE }).first();
    await row.waitFor();
    // The chat shows the message as soon as the OA accepted it; the outbox row turns
    // "Đã gửi" when the worker records that, a moment later.
    await waitFor(async () => {
      if ((await row.textContent())?.includes('Đã gửi')) return true;
      await officer.getByRole('button', { name: 'Tải lại' }).click();
      return false;
    }, { what: 'the notification row to show "Đã gửi"', timeoutMs: 20_000, intervalMs: 300 });
    await s.screenshot(officer, 'console-outbox');
  });

  it('the result is returned (10), the citizen rates it, and the satisfaction chart shows it', async () => {
    await officer.getByRole('tab', { name: 'Hồ sơ' }).click();
    await officer.getByLabel('Trạng thái mới').selectOption('10');
    await officer.getByRole('button', { name: 'Cập nhật trạng thái' }).click();
    // "Quay lại sửa" cancels: nothing changes.
    await officer.getByRole('button', { name: 'Quay lại sửa' }).click();
    expect((await s.bot.services.store.tx((t) => t.getDossier(CODE)))?.status).toBe(9);
    await officer.getByRole('button', { name: 'Cập nhật trạng thái' }).click();
    await officer.getByRole('button', { name: 'Xác nhận và gửi thông báo' }).click();
    await officer.locator('#toast', { hasText: 'trạng thái 10' }).waitFor();

    await phone.locator('.msg.from-oa', { hasText: 'đánh giá mức độ hài lòng' }).waitFor();
    const before = await sim.botCount();
    await sim.quickReply('5').click();
    await expect((await sim.nextBotMessage(before)).textContent()).resolves.toContain('đánh giá 5/5');

    await officer.getByRole('tab', { name: 'Thống kê' }).click();
    const chart = officer.locator('#panel-stats svg[aria-label^="Mức độ hài lòng"]');
    await expect(chart.getAttribute('aria-label')).resolves.toContain('5 sao 1');
    expect(s.pageErrors).toEqual([]);
  });
});
