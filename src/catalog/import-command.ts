/**
 * npm run catalog:import -- <export.json> [--out fixtures/catalog/tthc-catalog.json]
 * Converts a national procedure export into the project's catalog. Refuses
 * (exit 1, every error listed with code and field) when the result is invalid.
 */
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { convertExport } from './convert-export.js';
import { BUNDLED_CATALOG } from './repo-paths.js';

function usage(): never {
  process.stderr.write('Usage: npm run catalog:import -- <export.json> [--out <catalog.json>]\n');
  process.exit(2);
}

export async function runImport(argv: string[]): Promise<number> {
  let input: string | undefined;
  let out = BUNDLED_CATALOG;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--out') out = path.resolve(argv[++i] ?? usage());
    else if (argv[i].startsWith('--out=')) out = path.resolve(argv[i].slice(6));
    else if (!input) input = argv[i];
    else usage();
  }
  if (!input) usage();
  let data: unknown;
  try {
    data = JSON.parse(await readFile(input, 'utf8'));
  } catch (err) {
    process.stderr.write(`Cannot read ${input}: ${(err as Error).message}\n`);
    return 1;
  }
  const result = convertExport(data, path.basename(input));
  if (!result.ok) {
    process.stderr.write(`Refused: ${result.errors.length} error(s) in ${input}\n`);
    for (const e of result.errors) process.stderr.write(`  - ${e}\n`);
    return 1;
  }
  await mkdir(path.dirname(out), { recursive: true });
  await writeFile(out, `${JSON.stringify(result.catalog, null, 2)}\n`);
  process.stdout.write(`Imported ${result.catalog.procedures.length} procedures → ${out}\n`);
  process.stdout.write('Cleaning pass (records changed per rule):\n');
  for (const c of result.cleaning) process.stdout.write(`  ${c.id}: ${c.changed} — ${c.title}\n`);
  return 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === import.meta.filename) {
  runImport(process.argv.slice(2)).then((code) => process.exit(code));
}
