/**
 * `npm run --silent nlu`: one message per stdin line -> one JSON per stdout line.
 * Nothing else goes to stdout; diagnostics go to stderr.
 */
import { createInterface } from 'node:readline';
import { loadCatalog } from '../catalog/load-catalog.js';
import { createUnderstander } from './create-understander.js';

const started = Date.now();
const nlu = createUnderstander(await loadCatalog());
process.stderr.write(`nlu ready in ${Date.now() - started} ms\n`);

const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
for await (const line of rl) {
  const text = line.replace(/\r$/, '');
  const r = nlu.understand(text);
  process.stdout.write(
    `${JSON.stringify({
      text,
      intent: r.intent,
      procedure: r.procedure?.code ?? null,
      procedureName: r.procedure?.name ?? null,
      confidence: r.intentConfidence,
      dossierCode: r.dossierCode,
    })}\n`,
  );
}
