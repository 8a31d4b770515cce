// `npm run build`: compile src/ to dist/ (tsconfig.build.json) and copy every
// file tsc does not emit (web pages, SQL migrations) next to the compiled code,
// so `node dist/main.js` runs without the TypeScript toolchain. Plain JavaScript:
// it must run before anything is built.
import { spawnSync } from 'node:child_process';
import { cpSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const src = path.join(root, 'src');
const dist = path.join(root, 'dist');

// A clean dist: a file deleted from src must not live on in the build.
rmSync(dist, { recursive: true, force: true });

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const compiled = spawnSync(process.execPath, [tsc, '-p', path.join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
if (compiled.status !== 0) process.exit(compiled.status ?? 1);

let copied = 0;
for (const entry of readdirSync(src, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile() || entry.name.endsWith('.ts')) continue;
  const from = path.join(entry.parentPath ?? entry.path, entry.name); // .path before Node 20.12
  cpSync(from, path.join(dist, path.relative(src, from)));
  copied++;
}
console.log(`build: dist/ compiled, ${copied} asset files copied`);
