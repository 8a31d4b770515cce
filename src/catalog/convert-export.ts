/**
 * A whole national export (already JSON-parsed) → a validated CatalogFile.
 * Returns every error with the procedure code and field instead of throwing
 * on the first, so a province fixing its export sees all problems at once.
 */
import { CatalogSchema, type CatalogFile } from './procedure-schema.js';
import { ExportFileSchema } from './export-schema.js';
import { convertProcedure } from './convert-procedure.js';
import { listSchemaErrors } from './list-schema-errors.js';
import { runCleaningPass, type CleaningCount } from './clean/cleaning-pass.js';

/** `cleaning`: how many records each rule of the cleaning pass changed. */
export type ConvertResult = { ok: true; catalog: CatalogFile; cleaning: CleaningCount[] } | { ok: false; errors: string[] };

export function convertExport(data: unknown, source: string, now: Date = new Date()): ConvertResult {
  const parsed = ExportFileSchema.safeParse(data);
  if (!parsed.success) return { ok: false, errors: listSchemaErrors(parsed.error, data) };
  const { procedures, counts } = runCleaningPass(parsed.data.procedures.map(convertProcedure), parsed.data.procedures);
  const errors: string[] = [];
  const seen = new Set<string>();
  for (const p of procedures) {
    if (seen.has(p.code)) errors.push(`${p.code} code: duplicate national code`);
    seen.add(p.code);
  }
  const catalog = { meta: { source, importedAt: now.toISOString(), count: procedures.length }, procedures };
  const checked = CatalogSchema.safeParse(catalog);
  if (!checked.success) errors.push(...listSchemaErrors(checked.error, catalog));
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, catalog: checked.success ? checked.data : catalog, cleaning: counts };
}
