import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../../src/catalog/load-catalog.js';
import { createUnderstander } from '../../../src/nlu/create-understander.js';
import { VARIANT_MARKERS } from '../../../src/nlu/variant-markers.js';

const nlu = createUnderstander(await loadCatalog());

describe('family features that rule others out', () => {
  it('saying a first issue rules out the exchange and re-issue variants', () => {
    const first = VARIANT_MARKERS.find((m) => m.id === 'first')!;
    expect([...first.rulesOut]).toEqual(expect.arrayContaining(['redo', 'exchange']));
    // Written for this test: a first card for a grown-up, asked without the official name.
    const r = nlu.understand('con tôi 16 tuổi, lần đầu đi làm thẻ căn cước thì bao lâu có');
    expect(r.ambiguous).toBe(false);
    expect(['1.014061', '2.000200', '1.001247']).toContain(r.procedure?.code);
  });

  it('a marker said alongside is not ruled out ("lần đầu" and "bị mất")', () => {
    const r = nlu.understand('thẻ căn cước làm lần đầu năm ngoái giờ bị mất thì làm lại sao');
    expect(['1.014064', '2.001194', '1.000757']).toContain(r.procedure?.code);
  });
});
