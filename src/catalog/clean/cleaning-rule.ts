/**
 * One rule of the cleaning pass at import: reads a converted procedure as an
 * officer would and returns it corrected (or the same object when nothing
 * applies). Pure; the export record is given for rules that need the portal's rows.
 */
import type { ExportProcedure } from '../export-schema.js';
import type { Procedure } from '../procedure-schema.js';

export interface CleaningRule {
  /** Short stable name, printed with the count of records it changed. */
  id: string;
  /** What the rule does, in a line (printed by the import, listed in docs/catalog.md). */
  title: string;
  apply(p: Procedure, record: ExportProcedure): Procedure;
}
