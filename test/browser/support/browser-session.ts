/**
 * One bot (local mode, exactly what `npm start` runs, wired to an OA emulator
 * on port 0) plus one Chromium, for a browser test file. Pages record page
 * errors so a test can assert the UI threw nothing.
 *
 * Usage:
 *   const s = await startBrowserSession();
 *   const page = await s.phonePage();  await page.goto(`${s.url}/simulator?user=u1`);
 *   await s.screenshot(page, 'simulator-answer');   await s.close();
 */
import { mkdir, copyFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { startTestBot, type TestBot } from '../../support/start-test-bot.js';
import { launchChromium } from './launch-chromium.js';

/** Always written here (git-ignored); UPDATE_SCREENSHOTS=1 also copies to docs/screenshots. */
export const SCREENSHOT_DIR = path.resolve('test-results/browser');
export const DOC_SCREENSHOT_DIR = path.resolve('docs/screenshots');

export const ADMIN_TOKEN = 'local-admin';

export interface BrowserSession {
  bot: TestBot;
  url: string;
  browser: Browser;
  /** Errors thrown by page scripts, across all pages of the session. */
  pageErrors: string[];
  /** A phone-sized page (390×844, touch), Vietnamese locale. */
  phonePage(): Promise<Page>;
  /** A laptop-sized page (1280×860). */
  desktopPage(): Promise<Page>;
  screenshot(page: Page, name: string, opts?: { fullPage?: boolean }): Promise<string>;
  /** Call the admin API as an officer would (bearer ADMIN_TOKEN). */
  admin(method: string, apiPath: string, body?: unknown): Promise<{ status: number; json: any }>;
  close(): Promise<void>;
}

export async function startBrowserSession(): Promise<BrowserSession> {
  const browser = await launchChromium();
  let bot: TestBot;
  try {
    bot = await startTestBot({ localMode: true });
  } catch (err) {
    await browser.close();
    throw err;
  }
  const pageErrors: string[] = [];
  const open = async (viewport: { width: number; height: number }, mobile: boolean) => {
    // Reduced motion: no smooth scrolling or animated dots, so screenshots show a settled page.
    const context = await browser.newContext({ viewport, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', isMobile: mobile, hasTouch: mobile, reducedMotion: 'reduce' });
    context.setDefaultTimeout(20_000);
    const page = await context.newPage();
    page.on('pageerror', (err) => pageErrors.push(`${page.url()}: ${err.message}`));
    return page;
  };
  return {
    bot,
    url: bot.url,
    browser,
    pageErrors,
    phonePage: () => open({ width: 390, height: 844 }, true),
    desktopPage: () => open({ width: 1280, height: 860 }, false),
    async screenshot(page, name, opts = {}) {
      await mkdir(SCREENSHOT_DIR, { recursive: true });
      const file = path.join(SCREENSHOT_DIR, `${name}.png`);
      // Toasts are transient; keep them out of the documentation pictures.
      await page.evaluate(() => document.getElementById('toast')?.replaceChildren());
      await page.screenshot({ path: file, fullPage: opts.fullPage ?? false });
      if (process.env.UPDATE_SCREENSHOTS === '1') {
        await mkdir(DOC_SCREENSHOT_DIR, { recursive: true });
        await copyFile(file, path.join(DOC_SCREENSHOT_DIR, `${name}.png`));
      }
      return file;
    },
    async admin(method, apiPath, body) {
      const res = await fetch(`${bot.url}${apiPath}`, {
        method,
        headers: { Authorization: `Bearer ${ADMIN_TOKEN}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: res.status, json: await res.json().catch(() => null) };
    },
    async close() {
      await browser.close().catch(() => undefined);
      await bot.stop();
    },
  };
}
