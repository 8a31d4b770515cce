import { beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../../src/catalog/load-catalog.js';
import type { Catalog } from '../../../src/services.js';
import { createUnderstander } from '../../../src/nlu/create-understander.js';
import type { Understander } from '../../../src/nlu/nlu-types.js';
import { assumesUnsaid, decideVariant, saidQualifiers } from '../../../src/dialog/variant-family.js';
import { isPureFollowUp } from '../../../src/dialog/is-follow-up.js';

let catalog: Catalog;
let nlu: Understander;
beforeAll(async () => {
  catalog = await loadCatalog();
  nlu = createUnderstander(catalog);
});
/** As the router does: the variant features the understanding read in the message. */
const decide = (code: string, text: string) => {
  const d = decideVariant(catalog.byCode(code)!, text, catalog, nlu.understand(text).features);
  return d.kind === 'answer' ? d.procedure.code : d.options.map((p) => p.code);
};

describe('decideVariant', () => {
  it('ignores a said qualifier that no member of the family has ("cho con" for birth registration)', () => {
    expect(decide('1.004772', 'đăng ký khai sinh cho con nộp ở đâu')).toBe('1.001193');
  });
  it('moves to the variant whose qualifier was said as a feature, even from the plain one', () => {
    const d = decideVariant(catalog.byCode('1.001193')!, 'bố tôi chưa làm khai sinh bao giờ nhưng có căn cước rồi', catalog, ['papers']);
    expect(d.kind === 'answer' && d.procedure.code).toBe('1.004772');
  });
  it('knows a variant that assumes what was not said', () => {
    expect(assumesUnsaid(catalog.byCode('1.004772')!, catalog.byCode('1.001193')!, saidQualifiers('khai sinh bao lâu có giấy'))).toBe(true);
    expect(assumesUnsaid(catalog.byCode('1.004772')!, catalog.byCode('1.001193')!, saidQualifiers('khai sinh', ['papers']))).toBe(false);
    expect(assumesUnsaid(catalog.byCode('1.000894')!, catalog.byCode('1.001193')!, saidQualifiers('khai sinh'))).toBe(false);
  });
  it('asks among the căn cước variants when none was said', () => {
    expect(decide('1.014061', 'làm căn cước')).toEqual(['1.014061', '1.014062', '1.014063', '1.014064']);
  });
  it('takes the one variant the citizen described', () => {
    expect(decide('1.000757', 'làm lại căn cước')).toBe('1.014064');
    expect(decide('1.014061', 'làm căn cước cho con 10 tuổi')).toBe('1.014062');
    expect(decide('1.014064', 'thẻ căn cước bị mất cần làm gì')).toBe('1.014064');
  });
  it('answers the same procedure at several levels from the level nearest the citizen', () => {
    expect(decide('1.001456', 'làm hộ chiếu')).toBe('1.001456');
    expect(decide('1.001471', 'làm hộ chiếu')).toBe('1.001456');
  });
  it('keeps a procedure without qualifiers (the plain reading)', () => {
    expect(decide('1.000894', 'thủ tục đăng ký kết hôn')).toBe('1.000894');
  });
});

describe('isPureFollowUp', () => {
  it('recognises messages made only of question words', () => {
    expect(isPureFollowUp('còn lệ phí thì sao?')).toBe(true);
    expect(isPureFollowUp('lệ phí bao nhiêu')).toBe(true);
    expect(isPureFollowUp('nộp ở đâu vậy em')).toBe(true);
    expect(isPureFollowUp('mất mấy ngày')).toBe(true);
  });
  it('sees a procedure named in the message', () => {
    expect(isPureFollowUp('còn kết hôn thì sao')).toBe(false);
    expect(isPureFollowUp('lệ phí làm hộ chiếu')).toBe(false);
  });
});

describe('distinctTitles', () => {
  it('keeps the part that tells long names apart', async () => {
    const { distinctTitles } = await import('../../../src/dialog/disambiguation.js');
    expect(
      distinctTitles(['Cấp hộ chiếu phổ thông ở trong nước (thực hiện tại cấp tỉnh)', 'Cấp hộ chiếu phổ thông ở trong nước (thực hiện tại cấp trung ương)']),
    ).toEqual(['…cấp tỉnh', '…trung ương']);
    expect(distinctTitles(['Cấp đổi thẻ căn cước', 'Cấp lại thẻ căn cước'])).toEqual(['Cấp đổi thẻ căn cước', 'Cấp lại thẻ căn cước']);
  });
});

describe('findNamedProcedure', () => {
  it('finds a full name typed in the message, preferring the unbracketed one', async () => {
    const { findNamedProcedure } = await import('../../../src/dialog/find-named-procedure.js');
    expect(findNamedProcedure('lệ phí cấp đổi thẻ căn cước bao nhiêu', catalog)?.code).toBe('1.014063');
    expect(findNamedProcedure('dang ky ket hon co yeu to nuoc ngoai', catalog)?.code).toBe('2.000806');
    expect(findNamedProcedure('cho hỏi chút', catalog)).toBeUndefined();
  });
});

describe('isPureFollowUp, more wording', () => {
  it('treats "thời hạn giải quyết" and "khi nào lấy kết quả" as follow-ups', () => {
    expect(isPureFollowUp('thời hạn giải quyết')).toBe(true);
    expect(isPureFollowUp('khi nào lấy kết quả')).toBe(true);
    expect(isPureFollowUp('điều kiện thực hiện như thế nào')).toBe(true);
  });
});

describe('isPureFollowUp keeps short procedure names', () => {
  it('sees "khai tử" and "khai sinh"', () => {
    expect(isPureFollowUp('đăng ký khai tử')).toBe(false);
    expect(isPureFollowUp('giấy tờ cần nộp để đăng ký khai sinh')).toBe(false);
  });
});

describe('isPureFollowUp never swallows a procedure', () => {
  it('reads no catalog name or everyday alias as a bare follow-up', () => {
    const swallowed = catalog.procedures.flatMap((p) => [p.name, ...(catalog.aliasesFor?.(p.code) ?? [])]).filter(isPureFollowUp);
    expect(swallowed).toEqual([]);
  });
  it('still reads unaccented follow-ups', () => {
    expect(isPureFollowUp('le phi bao nhieu')).toBe(true);
    expect(isPureFollowUp('lam so do')).toBe(false);
  });
});
