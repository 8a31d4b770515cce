/**
 * Answers on a phone (390×844), as a citizen sees them in the simulator: the documents, the fee and
 * the time of a procedure, each asked by a new test citizen. Each answer must be readable where it
 * lands: its first bubble wholly on screen under the question, nothing wider than the phone, the
 * buttons reachable. The pictures (docs/screenshots/answer-*.png, shown in the README) are refreshed
 * with `npm run screenshots` (UPDATE_SCREENSHOTS=1).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startBrowserSession, type BrowserSession } from './support/browser-session.js';
import { SimulatorPage } from './support/simulator-page.js';

let s: BrowserSession;
beforeAll(async () => {
  s = await startBrowserSession();
});
afterAll(async () => {
  await s?.close();
});

const ANSWERS = [
  { name: 'answer-documents', ask: 'làm giấy khai sinh cho con cần giấy tờ gì', code: '1.001193', says: ['Tờ khai đăng ký khai sinh', 'Giấy chứng sinh'], button: 'Giấy tờ theo trường hợp' },
  { name: 'answer-fee', ask: 'lệ phí đăng ký tạm trú online bao nhiêu', code: '1.004194', says: ['khi nộp trực tuyến là 7.000 đồng'], button: 'Giấy tờ cần nộp' },
  { name: 'answer-time', ask: 'cấp lại căn cước mất bao lâu', code: '1.014064', says: ['được giải quyết trong 7 ngày làm việc'], button: 'Lệ phí' },
] as const;

/** Scroll the chat so the citizen's question sits at the top, as a phone shows a fresh answer. */
async function questionAtTop(page: Page): Promise<void> {
  await page.locator('.msg.from-user').last().evaluate((el) => {
    const chat = document.getElementById('chat')!;
    chat.scrollTop += el.getBoundingClientRect().top - chat.getBoundingClientRect().top - 8;
  });
}

describe('answers on a phone', { timeout: 90_000 }, () => {
  ANSWERS.forEach((a, i) => {
    it(`${a.name}: "${a.ask}" is answered on one screen`, async () => {
      const page = await s.phonePage();
      const sim = new SimulatorPage(page, s.url);
      await sim.open({ userId: `82000000000000000${i + 10}`, name: 'Nguyễn Văn An', phone: `09040001${i + 10}` });
      const first = await sim.ask(a.ask);
      // The buttons come with the last part of the answer.
      await sim.quickReply(a.button).waitFor();
      const answer = await sim.botTextSince(0);
      for (const fact of a.says) expect(answer).toContain(fact);
      expect(answer).toContain(`Mã thủ tục: ${a.code}`);
      expect(await sim.botCount(), 'one message').toBe(1);

      await questionAtTop(page);
      const chat = (await page.locator('#chat').boundingBox())!;
      const bubble = (await first.locator('.bubble').first().boundingBox())!;
      // Wholly visible under the question, inside the chat area (header and composer excluded).
      expect(bubble.y).toBeGreaterThanOrEqual(chat.y);
      expect(bubble.y + bubble.height).toBeLessThanOrEqual(chat.y + chat.height);
      expect(bubble.x).toBeGreaterThanOrEqual(0);
      expect(bubble.x + bubble.width).toBeLessThanOrEqual(390);
      // Nothing wider than the phone: no sideways scrolling.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      const button = (await sim.quickReply(a.button).boundingBox())!;
      expect(button.x + button.width).toBeLessThanOrEqual(390);
      await s.screenshot(page, a.name);
      await page.context().close();
    });
  });

  it('nothing broke in the pages', () => {
    expect(s.pageErrors).toEqual([]);
  });
});
