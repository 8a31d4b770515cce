/**
 * The Chromium shipped in the npm package: unpacked without a download, safely
 * when several test processes start at once, and picked after CHROMIUM_PATH.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, realpathSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { brotliCompressSync, constants } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../support/temp-dir.js';
import { findChromium } from './support/launch-chromium.js';
import { shippedChromiumPackage, unpackBrotliOnce, unpackShippedChromium } from './support/unpack-shipped-chromium.js';

const run = promisify(execFile);

describe('the Chromium shipped in @sparticuz/chromium', { timeout: 120_000 }, () => {
  let tmp: Awaited<ReturnType<typeof makeTempDir>> | undefined;
  afterAll(async () => tmp?.remove());

  it('unpacks into node_modules/.cache, to a binary of the Chromium major the package is named after', async () => {
    const executable = await unpackShippedChromium();
    expect(executable.startsWith(path.join(realpathSync('node_modules'), '.cache') + path.sep)).toBe(true);
    const { version } = shippedChromiumPackage();
    const { stdout } = await run(executable, ['--version']);
    expect(stdout).toMatch(new RegExp(`^Chromium ${version.split('.')[0]}\\.`));
  });

  it('a caller that comes while another is unpacking never gets a partial file; racing callers leave one copy', async () => {
    tmp = await makeTempDir('motcua-chromium-unpack-');
    const content = randomBytes(4 * 1024 * 1024);
    const archive = path.join(tmp.dir, 'blob.br');
    await writeFile(archive, brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 1 } }));
    const folder = path.join(tmp.dir, 'out');
    const file = path.join(folder, 'blob');

    // A second test process starting while the first is still writing: as soon as the file shows, read it.
    const first = unpackBrotliOnce(archive, folder, 'blob');
    let seen: Buffer | undefined;
    while (!seen) {
      await new Promise((resolve) => setImmediate(resolve));
      if (existsSync(file)) seen = await readFile(await unpackBrotliOnce(archive, folder, 'blob'));
    }
    expect(await first).toBe(file);
    expect(seen.equals(content)).toBe(true);

    // Three at once: all pass the "already there?" check before any has written a byte.
    const again = path.join(tmp.dir, 'again');
    const files = await Promise.all([1, 2, 3].map(() => unpackBrotliOnce(archive, again, 'blob')));
    expect(new Set(files)).toEqual(new Set([path.join(again, 'blob')]));
    expect((await readFile(files[0])).equals(content)).toBe(true);
    expect((await readdir(tmp.dir)).sort()).toEqual(['again', 'blob.br', 'out']);
  });

  it('CHROMIUM_PATH wins when set, and a wrong one is an error rather than a silent fallback', async () => {
    expect(await findChromium({ CHROMIUM_PATH: process.execPath })).toEqual({ path: process.execPath, source: 'CHROMIUM_PATH' });
    await expect(findChromium({ CHROMIUM_PATH: '/nonexistent/chromium' })).rejects.toThrow(/CHROMIUM_PATH is \/nonexistent\/chromium/);
  });
});
