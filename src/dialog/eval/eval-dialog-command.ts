/**
 * `npm run eval:dialog -- SET.tsv [SET2.tsv …]`: the procedure messages of each set
 * (rows whose procedure column is a code or NONE) sent end to end to a whole bot,
 * each as a new citizen; prints how the replies fare as the citizen sees them,
 * and every miss.
 */
import { fileURLToPath } from 'node:url';
import { readEvalFile } from '../../nlu/eval-nlu.js';
import { runDialogEval } from './run-dialog-eval.js';
import { summarise } from './summarise-dialog-eval.js';

const DEFAULT_SET = fileURLToPath(new URL('../../../../shared/eval/public-nlu.tsv', import.meta.url));
const files = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const showAll = process.argv.includes('--all');

for (const file of files.length ? files : [DEFAULT_SET]) {
  const rows = readEvalFile(file).filter((r) => r.procedure !== '');
  const results = await runDialogEval(rows);
  console.log(summarise(file, results, showAll));
}
