/**
 * npm run answers -- <code | name>     every answer for one procedure, with its length in phone screens
 * npm run answers -- --longest [N]     the N longest answers of each kind over the whole catalog
 */
import { loadCatalog } from '../../catalog/load-catalog.js';
import { foldText } from '../menu.js';
import { formatReadThrough, readThrough } from './read-through.js';

const args = process.argv.slice(2);
const catalog = await loadCatalog();
const now = new Date();

if (args[0] === '--longest') {
  const n = Number(args[1] ?? 3);
  const rows = catalog.procedures.flatMap((p) => readThrough(p, now).map((a) => ({ p, a })));
  for (const title of [...new Set(rows.map((r) => r.a.title))]) {
    const top = rows.filter((r) => r.a.title === title).sort((x, y) => y.a.chars - x.a.chars).slice(0, n);
    process.stdout.write(`## ${title}\n`);
    for (const { p, a } of top)
      process.stdout.write(`  ${p.code} ${p.name.slice(0, 70)}: ${a.messages.length} tin, ${a.chars} ký tự, ${a.screens} màn hình, tin đầu ${a.messages[0].text.length}\n`);
  }
  process.exit(0);
}

const query = args.join(' ').trim();
if (!query) {
  process.stderr.write('Usage: npm run answers -- <code | procedure name>  |  npm run answers -- --longest [N]\n');
  process.exit(2);
}
const folded = foldText(query);
const p = catalog.byCode(query) ?? catalog.procedures.find((x) => foldText(x.name) === folded) ?? catalog.procedures.find((x) => foldText(x.name).includes(folded));
if (!p) {
  process.stderr.write(`No procedure "${query}" in the catalog.\n`);
  process.exit(1);
}
process.stdout.write(`${formatReadThrough(p, readThrough(p, now))}\n`);
