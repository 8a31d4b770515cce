/**
 * Loads the catalog (default: the bundled fixtures/catalog/tthc-catalog.json)
 * and the everyday-names overlay (default: fixtures/catalog/aliases.json),
 * validates both and returns the Catalog service. A bad file is refused with
 * a CatalogError listing every error (procedure code + field).
 */
import { readFile } from 'node:fs/promises';
import type { Catalog } from '../services.js';
import { AliasOverlaySchema, CatalogSchema, type AliasOverlay, type CatalogFile } from './procedure-schema.js';
import { CatalogError } from './catalog-error.js';
import { listSchemaErrors } from './list-schema-errors.js';
import { BUNDLED_ALIASES, BUNDLED_CATALOG } from './repo-paths.js';

export interface LoadCatalogOptions {
  /** Catalog JSON (default: the bundled fixtures/catalog/tthc-catalog.json). */
  catalogFile?: string;
  /** Alias overlay (default: fixtures/catalog/aliases.json). */
  aliasesFile?: string;
}

async function readJson(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    throw new CatalogError(file, [`cannot read file: ${(err as Error).message}`]);
  }
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new CatalogError(file, [`not valid JSON: ${(err as Error).message}`]);
  }
}

export async function readCatalogFile(file: string): Promise<CatalogFile> {
  const data = await readJson(file);
  const parsed = CatalogSchema.safeParse(data);
  if (!parsed.success) throw new CatalogError(file, listSchemaErrors(parsed.error, data));
  const seen = new Set<string>();
  const dupes = parsed.data.procedures.filter((p) => (seen.has(p.code) ? true : (seen.add(p.code), false)));
  if (dupes.length > 0) throw new CatalogError(file, dupes.map((p) => `${p.code} code: duplicate national code`));
  return parsed.data;
}

export async function readAliasOverlay(file: string, catalog?: CatalogFile): Promise<AliasOverlay> {
  const data = await readJson(file);
  const parsed = AliasOverlaySchema.safeParse(data);
  const errors = parsed.success ? [] : listSchemaErrors(parsed.error, data, '');
  if (catalog && data !== null && typeof data === 'object' && !Array.isArray(data)) {
    // An alias for a code the catalog lacks is a typo or a stale overlay: refuse, never guess.
    const codes = new Set(catalog.procedures.map((p) => p.code));
    for (const code of Object.keys(data)) {
      if (/^\d\.\d{6}$/.test(code) && !codes.has(code)) errors.push(`${code}: no such procedure in the catalog`);
    }
  }
  if (errors.length > 0 || !parsed.success) throw new CatalogError(file, errors);
  return parsed.data;
}

export function createCatalog(file: CatalogFile, overlay: AliasOverlay = {}): Catalog {
  const byCode = new Map(file.procedures.map((p) => [p.code, p]));
  return {
    procedures: file.procedures,
    byCode: (code) => byCode.get(code.trim()),
    aliasesFor: (code) => overlay[code]?.aliases ?? [],
    keywordsFor: (code) => overlay[code]?.keywords ?? [],
    meta: file.meta,
  };
}

export async function loadCatalog(opts: LoadCatalogOptions = {}): Promise<Catalog> {
  const file = await readCatalogFile(opts.catalogFile ?? BUNDLED_CATALOG);
  const overlay = await readAliasOverlay(opts.aliasesFile ?? BUNDLED_ALIASES, file);
  return createCatalog(file, overlay);
}
