/**
 * Chromium driven by playwright-core, which downloads no browser of its own.
 * Which Chromium, first found wins:
 *   1. CHROMIUM_PATH, when set (it must exist: a wrong path is an error, not a fallback);
 *   2. Debian's /usr/bin/chromium, when installed;
 *   3. the Chromium shipped in the devDependency @sparticuz/chromium (after `npm ci`, always there).
 * So `npm ci && npm test` runs these tests on a fresh machine with no system Chromium.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { SHIPPED_CHROMIUM_PACKAGE, unpackShippedChromium } from './unpack-shipped-chromium.js';

const DEBIAN_CHROMIUM = '/usr/bin/chromium';

/**
 * Added to Playwright's own switches. --no-sandbox because tests run as root on CI;
 * the rest keep Chromium off the network (this machine reaches nothing outside, and
 * Chromium otherwise calls Google at start). --disable-domain-reliability and
 * --no-pings come from @sparticuz/chromium's recommended list; the rest of that list
 * is for AWS Lambda (see docs/browser.md, "Browser tests").
 */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-domain-reliability',
  '--no-pings',
];

export interface ChromiumExecutable {
  path: string;
  /** Where it came from, for the error message when it does not start. */
  source: 'CHROMIUM_PATH' | 'debian' | typeof SHIPPED_CHROMIUM_PACKAGE;
}

export async function findChromium(env: NodeJS.ProcessEnv = process.env): Promise<ChromiumExecutable> {
  const configured = env.CHROMIUM_PATH;
  if (configured) {
    if (!existsSync(configured)) {
      throw new Error(`CHROMIUM_PATH is ${configured}, but no file is there. Unset it to use the Chromium that npm ci installed.`);
    }
    return { path: configured, source: 'CHROMIUM_PATH' };
  }
  if (existsSync(DEBIAN_CHROMIUM)) return { path: DEBIAN_CHROMIUM, source: 'debian' };
  return { path: await unpackShippedChromium(), source: SHIPPED_CHROMIUM_PACKAGE };
}

/** Each launch gets a fresh temporary profile (user-data-dir) from Playwright, removed on close. */
export async function launchChromium(): Promise<Browser> {
  const { path, source } = await findChromium();
  try {
    return await chromium.launch({ executablePath: path, args: CHROMIUM_ARGS, headless: true });
  } catch (err) {
    // A missing system library (libnss3, ...) shows up here as the loader's message.
    throw new Error(`Chromium from ${source} (${path}) did not start: ${(err as Error).message}`, { cause: err });
  }
}
