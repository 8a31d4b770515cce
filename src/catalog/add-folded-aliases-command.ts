/**
 * npx tsx src/catalog/add-folded-aliases-command.ts [aliases.json]
 * Rewrites the overlay (default: the bundled one) with every alias and
 * keyword also written without diacritics, after validating it.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { addFoldedAliases } from './add-folded-aliases.js';
import { CatalogError } from './catalog-error.js';
import { readAliasOverlay } from './load-catalog.js';
import { BUNDLED_ALIASES } from './repo-paths.js';

export async function runAddFolded(argv: string[]): Promise<number> {
  const file = path.resolve(argv[0] ?? BUNDLED_ALIASES);
  try {
    const overlay = addFoldedAliases(await readAliasOverlay(file));
    await writeFile(file, `${JSON.stringify(overlay, null, 2)}\n`);
    process.stdout.write(`Wrote ${Object.keys(overlay).length} entries → ${file}\n`);
    return 0;
  } catch (err) {
    process.stderr.write(`${err instanceof CatalogError ? err.message : String(err)}\n`);
    return 1;
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === import.meta.filename) {
  runAddFolded(process.argv.slice(2)).then((code) => process.exit(code));
}
