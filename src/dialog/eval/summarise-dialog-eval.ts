/** The printed report of an end-to-end dialog evaluation. */
import type { DialogEvalResult } from './run-dialog-eval.js';
import type { Verdict } from './classify-reply.js';

const pct = (n: number, d: number) => `${d ? ((n * 100) / d).toFixed(1) : '0.0'}%`;

const LABELS: Record<Verdict, string> = {
  right: 'answered right (or honest "not in catalog" for NONE)',
  asked_right: 'asked back, the right procedure among the options',
  asked_wrong: 'asked back without the right procedure',
  not_in_catalog: 'said "not in catalog" for a catalog procedure',
  dossier: 'a status question about a filed dossier (intent dossier_status) answered with the dossier check',
  other: 'no procedure answer (not understood, menu, silence)',
  wrong: 'WRONG procedure answered',
};

export function summarise(file: string, results: readonly DialogEvalResult[], showAll = false): string {
  const count = (v: Verdict, rs = results) => rs.filter((r) => r.verdict === v).length;
  const n = results.length;
  const catalogRows = results.filter((r) => r.row.procedure !== 'NONE');
  const noneRows = results.filter((r) => r.row.procedure === 'NONE');
  const asked = results.filter((r) => r.reading.kind === 'asked').length;
  const lines = [
    `set: ${file} (${n} procedure messages: ${catalogRows.length} catalog, ${noneRows.length} NONE)`,
    `right or asked back with the right option: ${pct(count('right') + count('asked_right') + count('dossier'), n)}`,
    `wrong procedure answered:                  ${pct(count('wrong'), n)}  (${count('wrong')})`,
    `asked back (any):                          ${pct(asked, n)}  (${asked})`,
    `NONE rows answered honestly:               ${pct(count('right', noneRows), noneRows.length)}  (wrong: ${count('wrong', noneRows)})`,
    '',
    ...(Object.keys(LABELS) as Verdict[]).map((v) => `${String(count(v)).padStart(5)}  ${LABELS[v]}`),
    '',
    'misses:',
  ];
  for (const r of results) {
    if (!showAll && (r.verdict === 'right' || r.verdict === 'asked_right' || r.verdict === 'dossier')) continue;
    const got =
      r.reading.kind === 'answered' ? r.reading.code : r.reading.kind === 'asked' ? `asked ${r.reading.codes.join(',')}` : r.reading.kind;
    lines.push(`  [${r.verdict}] ${r.row.text}\n      expected ${r.row.procedure} | got ${got}`);
  }
  return lines.join('\n');
}
