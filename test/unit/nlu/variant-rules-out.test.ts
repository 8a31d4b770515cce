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

describe('nationalities that fold into everyday words', () => {
  it('reads "người Bỉ", "người Lào" only with their tone marks: "người bị bệnh", "người lao động" are no foreign element', async () => {
    const { saidFeatures } = await import('../../../src/nlu/variant-markers.js');
    expect(saidFeatures('chồng em là người bỉ')).toContain('foreign');
    expect(saidFeatures('vợ anh ấy người lào')).toContain('foreign');
    expect(saidFeatures('chong em nguoi thuy dien')).toContain('foreign');
    expect(saidFeatures('dang ky giam ho cho nguoi bi benh tam than')).not.toContain('foreign');
    expect(saidFeatures('nguoi lao dong nghi viec huong tro cap')).not.toContain('foreign');
    expect(saidFeatures('người anh trai của em ở quê')).not.toContain('foreign');
    // Written for this test: guardianship of an ill relative is the domestic procedure.
    const r = nlu.understand('dang ky giam ho cho nguoi bi benh nang trong gia dinh can gi');
    expect(r.features).not.toContain('foreign');
    expect(r.procedure?.code).not.toBe('1.001669');
  });
});

describe('a foreigner and a procedure for foreigners', () => {
  it('reads the nationality said as whom the procedure serves when its record says it is for foreigners', () => {
    // Written for this test: naturalisation is asked about, not another concept beside it.
    const r = nlu.understand('chồng em người Hàn muốn nhập quốc tịch Việt Nam');
    expect(r.procedureMentionedButUnknown).toBe(false);
    expect(r.candidates.slice(0, 2).map((c) => c.code)).toEqual(expect.arrayContaining(['2.002039']));
  });
});
