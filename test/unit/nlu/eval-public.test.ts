import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../../src/catalog/load-catalog.js';
import { createUnderstander } from '../../../src/nlu/create-understander.js';
import { evaluate, readEvalFile } from '../../../src/nlu/eval-nlu.js';
import type { Understander } from '../../../src/nlu/nlu-types.js';

const publicSet = fileURLToPath(new URL('../../../../shared/eval/public-nlu.tsv', import.meta.url));
const heldOut = fileURLToPath(new URL('../../fixtures/nlu/heldout-nlu.tsv', import.meta.url));
const heldOutDir = fileURLToPath(new URL('../../fixtures/nlu/', import.meta.url));

let nlu: Understander;
beforeAll(async () => {
  nlu = createUnderstander(await loadCatalog());
});

describe('evaluation sets (behaviour, not timing)', () => {
  it('public set: intent and procedure accuracy at least 95%', () => {
    expect(existsSync(publicSet)).toBe(true);
    const rep = evaluate(nlu, readEvalFile(publicSet));
    expect(rep.intentAccuracy, JSON.stringify(rep.misses, null, 1)).toBeGreaterThanOrEqual(0.95);
    expect(rep.procedureAccuracy, JSON.stringify(rep.misses, null, 1)).toBeGreaterThanOrEqual(0.95);
    expect(rep.dossierAccuracy).toBe(1);
  });

  it('our own held-out set: at least 95% too', () => {
    const rep = evaluate(nlu, readEvalFile(heldOut));
    expect(rep.intentAccuracy, JSON.stringify(rep.misses, null, 1)).toBeGreaterThanOrEqual(0.95);
    expect(rep.procedureAccuracy, JSON.stringify(rep.misses, null, 1)).toBeGreaterThanOrEqual(0.95);
  });

  it('every held-out set we wrote (about 2,650 colloquial rows): at least 95% each, 97% together', () => {
    const files = readdirSync(heldOutDir).filter((f) => /^heldout.*\.tsv$/.test(f));
    expect(files.length).toBeGreaterThanOrEqual(19);
    let rows = 0;
    let intentsRight = 0;
    let proceduresRight = 0;
    for (const f of files) {
      const set = readEvalFile(heldOutDir + f);
      const rep = evaluate(nlu, set);
      expect(rep.intentAccuracy, `${f}: ${JSON.stringify(rep.misses, null, 1)}`).toBeGreaterThanOrEqual(0.95);
      expect(rep.procedureAccuracy, `${f}: ${JSON.stringify(rep.misses, null, 1)}`).toBeGreaterThanOrEqual(0.95);
      rows += set.length;
      intentsRight += rep.intentAccuracy * set.length;
      proceduresRight += rep.procedureAccuracy * set.length;
    }
    expect(intentsRight / rows).toBeGreaterThanOrEqual(0.97);
    expect(proceduresRight / rows).toBeGreaterThanOrEqual(0.97);
  });
});
