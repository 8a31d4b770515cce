/**
 * `npm run bench:chromium`: the cost of the Chromium shipped in @sparticuz/chromium,
 * the one the browser tests use on a machine without a system Chromium.
 * Prints the package's size on disk, the unpacked binary's size, the first start
 * (unpack into an empty folder, then launch to a rendered page) and warm starts
 * (binary already unpacked). Asserts nothing.
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { makeTempDir } from '../test/support/temp-dir.js';
import { CHROMIUM_ARGS } from '../test/browser/support/launch-chromium.js';
import { shippedChromiumPackage, unpackShippedChromium } from '../test/browser/support/unpack-shipped-chromium.js';

const WARM_RUNS = Number(process.env.BENCH_RUNS ?? 5);

function bytesIn(dir: string): number {
  return readdirSync(dir, { withFileTypes: true }).reduce((sum, e) => {
    const p = path.join(dir, e.name);
    return sum + (e.isDirectory() ? bytesIn(p) : statSync(p).size);
  }, 0);
}

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MiB`;

/** Launch, render one page, close: what a browser test file pays before its first step. */
async function startToPage(executablePath: string): Promise<number> {
  const t0 = performance.now();
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
  const page = await browser.newPage();
  await page.setContent('<p>Dạ, anh/chị cần hỗ trợ gì ạ?</p>');
  const ms = performance.now() - t0;
  await browser.close();
  return ms;
}

async function main(): Promise<void> {
  const pkg = shippedChromiumPackage();
  console.log(`bench:chromium — @sparticuz/chromium ${pkg.version}, ${WARM_RUNS} warm starts`);
  console.log(`  package on disk (node_modules)  ${mb(bytesIn(pkg.dir))}`);

  const tmp = await makeTempDir('motcua-bench-chromium-');
  try {
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    const executable = await unpackShippedChromium(tmp.dir);
    const unpackMs = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    const firstLaunchMs = await startToPage(executable);
    console.log(`  unpacked binary                 ${mb(statSync(executable).size)}`);
    // CPU time is what the unpack costs on a quiet machine; wall time grows with whatever else runs.
    console.log(`  first start: unpack             ${Math.round(unpackMs)} ms (CPU ${Math.round((cpu.user + cpu.system) / 1000)} ms)`);
    console.log(`  first start: launch to page     ${Math.round(firstLaunchMs)} ms`);
    console.log(`  first start: total              ${Math.round(unpackMs + firstLaunchMs)} ms`);

    const warm: number[] = [];
    for (let i = 0; i < WARM_RUNS; i++) warm.push(await startToPage(executable));
    warm.sort((a, b) => a - b);
    console.log(`  warm start: launch to page      median ${Math.round(warm[Math.floor(warm.length / 2)])} ms, min ${Math.round(warm[0])} ms, max ${Math.round(warm[warm.length - 1])} ms`);
  } finally {
    await tmp.remove();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
