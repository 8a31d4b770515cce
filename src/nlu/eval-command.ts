/** `npm run eval -- [file.tsv]`: intent/procedure accuracy, per-intent P/R/F1, every miss. */
import { fileURLToPath } from 'node:url';
import { loadCatalog } from '../catalog/load-catalog.js';
import { createUnderstander } from './create-understander.js';
import { evaluate, readEvalFile } from './eval-nlu.js';

const DEFAULT_SET = fileURLToPath(new URL('../../../shared/eval/public-nlu.tsv', import.meta.url));
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

const file = process.argv[2] ?? DEFAULT_SET;
const nlu = createUnderstander(await loadCatalog());
const rows = readEvalFile(file);
const rep = evaluate(nlu, rows);
console.log(`set: ${file} (${rep.rows} rows)`);
console.log(`intent accuracy:    ${pct(rep.intentAccuracy)}`);
console.log(`procedure accuracy: ${pct(rep.procedureAccuracy)}  (rows naming a procedure or NONE only: ${pct(rep.procedureAccuracyNamed)})`);
console.log(`dossier code:       ${pct(rep.dossierAccuracy)}`);
console.log('\nintent              precision  recall   f1     support');
for (const r of rep.perIntent) {
  console.log(`${r.intent.padEnd(20)}${pct(r.precision).padStart(8)}${pct(r.recall).padStart(9)}${pct(r.f1).padStart(8)}${String(r.support).padStart(8)}`);
}
console.log(`\nmisses (${rep.misses.length}):`);
for (const m of rep.misses) console.log(`  [${m.field}] ${m.text}\n      expected ${m.expected} | got ${m.got}`);
