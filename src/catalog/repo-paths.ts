/** Bundled files, resolved from this module (not the cwd) so `npm start` works from any directory. */
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const BUNDLED_CATALOG = path.join(REPO_ROOT, 'fixtures', 'catalog', 'tthc-catalog.json');
export const BUNDLED_ALIASES = path.join(REPO_ROOT, 'fixtures', 'catalog', 'aliases.json');
