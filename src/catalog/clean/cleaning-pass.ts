/**
 * The cleaning pass at import: every rule over every converted record, in order, with a count
 * of the records each rule changed (printed by the import, quoted in docs/catalog.md).
 */
import type { ExportProcedure } from '../export-schema.js';
import type { Procedure } from '../procedure-schema.js';
import { channelTextToItsField } from './channel-text-to-its-field.js';
import type { CleaningRule } from './cleaning-rule.js';
import { countedRowsAreDocuments } from './counted-rows-are-documents.js';
import { factsFromSteps } from './facts-from-steps.js';
import { feeWhereAndWhom } from './fee-where-and-whom.js';
import { formNames } from './form-names.js';
import { unitFromChannelText } from './unit-from-channel-text.js';

/** Order matters: the fee's place is read from the description before its amount sentences move. */
export const CLEANING_RULES: readonly CleaningRule[] = [countedRowsAreDocuments, formNames, feeWhereAndWhom, channelTextToItsField, factsFromSteps, unitFromChannelText];

export interface CleaningCount {
  id: string;
  title: string;
  changed: number;
}

export function runCleaningPass(
  procedures: Procedure[],
  records: readonly ExportProcedure[],
  rules: readonly CleaningRule[] = CLEANING_RULES,
): { procedures: Procedure[]; counts: CleaningCount[] } {
  const counts = rules.map((r) => ({ id: r.id, title: r.title, changed: 0 }));
  const cleaned = procedures.map((p, i) => {
    let current = p;
    rules.forEach((rule, k) => {
      const next = rule.apply(current, records[i]);
      if (next !== current && JSON.stringify(next) !== JSON.stringify(current)) counts[k].changed++;
      current = next;
    });
    return current;
  });
  return { procedures: cleaned, counts };
}
