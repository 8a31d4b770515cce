/**
 * The unanswered list as a to-do list, in real Chromium: an officer teaches the bot
 * that a citizen's wording means a procedure (the citizen's next try is answered),
 * exports the taught names, undoes it, and records where to send citizens for a
 * question that is not the office's (the bot then answers with that note).
 */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ADMIN_TOKEN, startBrowserSession, type BrowserSession } from './support/browser-session.js';
import { SimulatorPage } from './support/simulator-page.js';

let s: BrowserSession;
let sim: SimulatorPage;
let officer: Page;
const citizen = { userId: '8100000000000000031', name: 'Lê Thị Mai', phone: '0977000431' };
const NEWBORN = 'làm giấy tờ cho đứa nhỏ mới chào đời';
const JOBLESS = 'thủ tục xin trợ cấp thất nghiệp';

async function citizenAsks(text: string): Promise<string> {
  const before = await sim.botCount();
  await sim.say(text);
  await sim.nextBotMessage(before);
  return sim.botTextSince(before);
}

beforeAll(async () => {
  s = await startBrowserSession();
  sim = new SimulatorPage(await s.phonePage(), s.url);
  await sim.open(citizen);
  officer = await s.desktopPage();
  await officer.goto(`${s.url}/console#unanswered`);
  await officer.getByLabel('Mã quản trị (ADMIN_TOKEN)').fill(ADMIN_TOKEN);
  await officer.getByLabel('Mã quản trị (ADMIN_TOKEN)').press('Enter');
  await officer.waitForSelector('body[data-tab="unanswered"]');
});
afterAll(async () => {
  await s?.close();
});

describe('teaching the bot from the unanswered list', { timeout: 90_000 }, () => {
  it('an officer teaches a wording as a procedure name and the citizen’s next try is answered', async () => {
    await expect(citizenAsks(NEWBORN)).resolves.toContain('chưa có thông tin về thủ tục này');
    await expect(citizenAsks('4321')).resolves.toContain('chưa hiểu');
    await officer.getByRole('button', { name: 'Tải lại' }).click();
    const card = officer.locator('article.question-group', { hasText: NEWBORN });
    await card.waitFor();
    // Bare digits are never a question to handle.
    await expect(officer.locator('#panel-unanswered').textContent()).resolves.not.toContain('4321');
    await card.getByLabel(`Tên gọi bot sẽ hiểu cho câu hỏi “${NEWBORN}”`).fill('đứa nhỏ mới chào đời');
    await card.getByLabel(`Thủ tục cho câu hỏi “${NEWBORN}”`).fill('1.001193');
    await s.screenshot(officer, 'console-unanswered-teach');
    await card.getByRole('button', { name: 'Dạy bot tên gọi này' }).click();
    await officer.locator('#panel-unanswered tr', { hasText: 'Bot hiểu “đứa nhỏ mới chào đời” là thủ tục 1.001193' }).waitFor();
    await expect(citizenAsks(NEWBORN)).resolves.toContain('Mã thủ tục: 1.001193');
  });

  it('exports the taught names as an aliases.json file and undoes the teaching', async () => {
    const download = officer.waitForEvent('download');
    await officer.getByRole('button', { name: 'Tải tệp tên gọi đã dạy (JSON)' }).click();
    const file = await (await download).path();
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ '1.001193': { aliases: ['đứa nhỏ mới chào đời'] } });
    await officer.getByRole('button', { name: `Hoàn tác cho câu hỏi “${NEWBORN}”` }).click();
    await officer.locator('article.question-group', { hasText: NEWBORN }).waitFor();
    await expect(citizenAsks(NEWBORN)).resolves.toContain('chưa có thông tin về thủ tục này');
  });

  it('"not our procedure": the bot tells the citizen where to go', async () => {
    await citizenAsks(JOBLESS);
    await officer.getByRole('button', { name: 'Tải lại' }).click();
    const card = officer.locator('article.question-group', { hasText: JOBLESS });
    await card.getByText('Không phải thủ tục của đơn vị').click();
    await card.getByLabel(`Hướng dẫn công dân cho câu hỏi “${JOBLESS}”`).fill('Anh/chị liên hệ Trung tâm Dịch vụ việc làm tỉnh để nộp hồ sơ hưởng trợ cấp thất nghiệp.');
    await card.getByRole('button', { name: 'Lưu hướng dẫn' }).click();
    await officer.locator('#panel-unanswered tr', { hasText: 'Trung tâm Dịch vụ việc làm tỉnh' }).waitFor();
    const reply = await citizenAsks('cho em hỏi trợ cấp thất nghiệp làm ở đâu');
    expect(reply).toContain('Trung tâm Dịch vụ việc làm tỉnh');
    expect(s.pageErrors).toEqual([]);
  });
});
