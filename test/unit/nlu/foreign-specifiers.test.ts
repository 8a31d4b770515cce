import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../../src/catalog/load-catalog.js';
import { createUnderstander } from '../../../src/nlu/create-understander.js';
import { buildRecordTerms } from '../../../src/nlu/record-terms.js';

const catalog = await loadCatalog();
const nlu = createUnderstander(catalog);
const PASSPORT = '1.001456';

describe('record terms: what a whole record says', () => {
  const terms = buildRecordTerms(catalog.procedures);
  it('knows a pair from the records that say it, by record and by field', () => {
    expect(terms.says(PASSPORT, 'cong vu')).toBe(false);
    expect(terms.catalogSays('cong vu')).toBe(true);
    expect(terms.saidInField('cong vu', catalog.byCode('1.004194')!.field)).toBe(true);
    expect(terms.saidInField('cong vu', catalog.byCode(PASSPORT)!.field)).toBe(false);
    expect(terms.catalogSays('karaoke')).toBe(false);
  });

  it('reads a record beyond its name (documents, steps)', () => {
    // "nhà ở công vụ" is only in the residence records' documents.
    expect(terms.says('1.004194', 'cong vu')).toBe(true);
  });
});

describe('a procedure named with a qualifier from another field is not answered with it', () => {
  // Sentences written for this test.
  it('an official passport is not the ordinary one: honest "not in catalog"', () => {
    const r = nlu.understand('làm hộ chiếu công vụ cho nhân viên sở thì nộp ở đâu');
    expect(r.procedure).toBeNull();
    expect(r.procedureMentionedButUnknown).toBe(true);
  });

  it('the same words in a field that uses them stay a detail of the procedure', () => {
    expect(nlu.understand('đăng ký tạm trú ở nhà ở công vụ của đơn vị cần gì').procedure?.code).toBe('1.004194');
    expect(nlu.understand('hợp thửa hai mảnh đất liền kề cần giấy tờ gì').procedure?.code).toBe('1.012784');
  });

  it('an everyday verb after the procedure words is no qualifier', () => {
    expect(nlu.understand('làm hộ chiếu phổ thông lần đầu nộp ở đâu').procedure?.code).toBe(PASSPORT);
  });
});
