import { beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../../src/catalog/load-catalog.js';
import { createUnderstander } from '../../../src/nlu/create-understander.js';
import type { NluResult, Understander } from '../../../src/nlu/nlu-types.js';

// Fresh sentences written for this test (not from ../shared/eval or the blind sets).
let nlu: Understander;
beforeAll(async () => {
  nlu = createUnderstander(await loadCatalog());
});

const read = (text: string): NluResult => nlu.understand(text);
const offered = (r: NluResult) => r.candidates.map((c) => c.code);

describe("a procedure's head says what it is", () => {
  it('a passport for a young child is not the under-14 identity card', () => {
    const r = read('làm hộ chiếu cho bé dưới 14 tuổi cần chuẩn bị những gì');
    expect(r.procedure?.code ?? null).not.toBe('1.014062');
    expect(offered(r).slice(0, 2)).not.toContain('1.014062');
  });

  it('a house in the countryside is where the house is, not another kind of building permit', () => {
    const r = read('xây nhà mới ở nông thôn có phải xin giấy phép xây dựng không');
    expect(r.procedureMentionedButUnknown).toBe(false);
    expect(r.procedure?.code).toBe('1.013225');
  });

  it("a thing's condition is no kind of it", () => {
    const r = read('chiếc xe máy cũ nát em bán làm phế liệu rồi, muốn nộp lại đăng ký và biển số thì làm sao');
    expect(r.procedureMentionedButUnknown).toBe(false);
    expect(['1.013123', '1.013065']).toContain(r.procedure?.code);
  });
});

describe('family features from the names', () => {
  it('a citizen who translated the paper themselves is not a registered translator', () => {
    const r = read('giấy tờ này tôi tự dịch sang tiếng Trung, giờ chứng thực chữ ký người dịch ở xã được không');
    expect(r.features).toContain('own-translation');
    expect(r.procedure?.code).toBe('2.001008');
  });

  it('an accident on top of an earlier one is the continued regime', () => {
    const r = read('năm ngoái anh tôi đã hưởng chế độ tai nạn lao động, nay lại bị tai nạn lao động lần nữa thì làm hồ sơ gì');
    expect(r.features).toContain('again');
    expect(r.procedure?.code).toBe('1.001643');
  });
});

describe('what the citizen has or lacks says who they are', () => {
  it('no fixed residence picks the criminal-record variant for it', () => {
    const r = read('Em đi làm thuê khắp nơi, không có nơi thường trú cũng không có tạm trú, xin phiếu lý lịch tư pháp ở đâu');
    expect(r.features).toContain('former-resident');
    expect(offered(r)[0]).toBe('3.000330');
  });
});

describe('the record corroborates its winner', () => {
  it('a word only the record says ("sát hạch") is no other concept', () => {
    const r = read('con tôi vừa thi đỗ sát hạch bằng A1 hôm qua, khoảng mấy ngày thì nhận được bằng');
    expect(r.procedureMentionedButUnknown).toBe(false);
    expect(r.procedure?.code).toBe('3.000346');
  });
});

describe('two readings that split the message', () => {
  it('certifying a copy of a birth certificate offers both the certification and the register copy', () => {
    const r = read('chứng thực bản sao giấy khai sinh cho con thì mất bao nhiêu tiền một bản');
    expect(r.ambiguous).toBe(true);
    expect(offered(r).slice(0, 2).sort()).toEqual(['2.000635', '2.000815']);
  });
});

describe('services the catalog lacks', () => {
  it('a service wanted after a story naming a catalog procedure is not answered with the story', () => {
    const r = read('Hai vợ chồng em đăng ký kết hôn ở phường đã 3 năm, nay muốn ly hôn thuận tình. Nộp đơn ở đâu ạ?');
    expect(r.procedure).toBeNull();
    expect(r.procedureMentionedButUnknown).toBe(true);
    // …so the dialog does not offer the procedure the story names.
    expect(r.asksOutsideCatalog).toBe(true);
  });

  it('a term typed with other accents is another word ("vì bằng gốc" is not "vi bằng")', () => {
    const r = read('tôi muốn xin bản sao bằng tốt nghiệp từ sổ gốc của trường vì bằng gốc bị cháy, nộp ở đâu');
    expect(r.procedureMentionedButUnknown).toBe(false);
  });

  it('a listed service with nothing found is said to be outside the catalog', () => {
    const r = read('em muon xin trich luc ban do dia chinh cho manh dat nha em');
    expect(r.procedure).toBeNull();
    expect(r.procedureMentionedButUnknown).toBe(true);
  });
});

describe('whom a procedure is for, denied', () => {
  it('a salaried worker who does no business is not the household-business tax settlement', () => {
    const r = read('mình đi làm hưởng lương ở xí nghiệp, không kinh doanh buôn bán gì, quyết toán thuế thu nhập cá nhân thì nộp ở đâu');
    expect(r.procedure).toBeNull();
    expect(r.procedureMentionedButUnknown).toBe(true);
  });

  it('the household business itself still finds it', () => {
    expect(read('quyết toán thuế thu nhập cá nhân cho hộ kinh doanh nhà tôi thì nộp ở đâu').procedure?.code).toBe('1.014976');
  });
});

describe('a confirmation tail names no procedure', () => {
  it('"… đúng không" leaves the procedure as clear as without it', () => {
    const r = read('sắp đủ 25 tuổi là phải đi đổi thẻ căn cước đúng không ad, thủ tục sao');
    expect(['1.014063', '2.001195', '1.000889']).toContain(r.procedure?.code);
  });
});
