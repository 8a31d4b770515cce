/**
 * The Chromium that the devDependency @sparticuz/chromium ships inside its npm
 * tarball (bin/chromium.br: a brotli-compressed chrome-headless-shell for x64
 * Linux). `npm ci` brings it like any file, so nothing is downloaded at install
 * or run time. It is unpacked once per package version into node_modules/.cache
 * (the user's own folder, gone with node_modules) and reused.
 *
 * Usage: const executable = await unpackShippedChromium();
 *
 * Why not the package's own executablePath(): it unpacks to <tmp>/chromium
 * whatever the version (an upgrade would keep running the old binary); any user
 * of the machine can put a file at that path first; and a second process that
 * starts while the first is still writing finds the file and launches half of
 * it. Here each version has its own folder, written under a temporary name and
 * renamed into place, so a reader sees all of it or none.
 */
import { createReadStream, createWriteStream, existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rename, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createBrotliDecompress } from 'node:zlib';

export const SHIPPED_CHROMIUM_PACKAGE = '@sparticuz/chromium';

/** The package's folder and version (its exports map hides package.json, so resolve its entry point). */
export function shippedChromiumPackage(): { dir: string; version: string } {
  const entry = createRequire(import.meta.url).resolve(SHIPPED_CHROMIUM_PACKAGE);
  // The entry point's depth differs between versions (build/index.js, build/cjs/index.cjs): walk up to the package's own manifest.
  for (let dir = path.dirname(entry); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (!existsSync(manifest)) continue;
    const { name, version } = JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string; version: string };
    if (name === SHIPPED_CHROMIUM_PACKAGE) return { dir, version };
  }
  throw new Error(`${SHIPPED_CHROMIUM_PACKAGE}: no package.json above ${entry}`);
}

/**
 * Unpacks bin/chromium.br into <root>/motcua-chromium-<version>/ unless already there; returns the executable.
 * root defaults to the .cache folder of the node_modules that holds the package.
 */
export async function unpackShippedChromium(root?: string): Promise<string> {
  const { dir, version } = shippedChromiumPackage();
  root ??= path.resolve(dir, '..', '..', '.cache'); // node_modules/@sparticuz/chromium → node_modules/.cache
  await mkdir(root, { recursive: true });
  return unpackBrotliOnce(path.join(dir, 'bin', 'chromium.br'), path.join(root, `motcua-chromium-${version}`), 'chromium');
}

/**
 * Decompresses a brotli file to <folder>/<name> (mode 755) unless that file exists; returns its path.
 * The folder appears whole, by rename, so concurrent callers never see a partial file.
 */
export async function unpackBrotliOnce(archive: string, folder: string, name: string): Promise<string> {
  const file = path.join(folder, name);
  if (existsSync(file)) return file;

  const staging = await mkdtemp(`${folder}.partial-`);
  try {
    await pipeline(createReadStream(archive), createBrotliDecompress(), createWriteStream(path.join(staging, name), { mode: 0o755 }));
    await rename(staging, folder);
  } catch (err) {
    await rm(staging, { recursive: true, force: true });
    // Another caller unpacked it first: its complete copy is as good as ours.
    if (existsSync(file)) return file;
    throw err;
  }
  return file;
}
