import { beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../../src/catalog/load-catalog.js';
import { withoutContext } from '../../../src/nlu/context-spans.js';
import { createUnderstander } from '../../../src/nlu/create-understander.js';
import { normalizeBasic } from '../../../src/nlu/normalize.js';
import type { Understander } from '../../../src/nlu/nlu-types.js';

describe('withoutContext (the request without its story)', () => {
  const request = (text: string) => withoutContext(text, normalizeBasic);

  it('drops a reason, a purpose and what is already done, keeping the request', () => {
    expect(request('làm thủ tục nhận con cho bé vì chưa đăng ký kết hôn')?.request.normalized).toBe('làm thủ tục nhận con cho bé');
    expect(request('xin giấy xác nhận độc thân để đi làm hồ sơ vay ngân hàng')?.request.normalized).toBe('xin giấy xác nhận tình trạng hôn nhân');
    expect(request('đã có sổ hồng, giờ muốn chuyển hộ khẩu')?.request.folded).toContain('chuyen thuong tru');
  });

  it('drops a background clause that ends in "rồi" or comes before "giờ", and says so', () => {
    const r = request('bé nhà em làm khai sinh rồi, giờ muốn nhập hộ khẩu cho bé');
    expect(r?.droppedClause).toBe(true);
    expect(r?.request.folded).not.toContain('khai sinh');
  });

  it('drops only the requester ("công ty bắt"), not what it asks for', () => {
    expect(request('công ty bắt nộp giấy xác nhận cư trú')?.request.normalized).toBe('nộp giấy xác nhận cư trú');
  });

  it('keeps words that only look like an opener ("để lại", "vi phạm", "căn cước")', () => {
    expect(request('đất ông bà để lại muốn làm sổ đỏ')).toBeNull();
    expect(request('nop phat vi pham giao thong online')).toBeNull();
  });

  it('reads "em đang …" as who the citizen is, never as the request, and only typed with its accents', () => {
    const r = request('em đang tạm trú ở hà nội thì làm căn cước ở đâu');
    expect(r?.request.normalized).toBe('em thì làm căn cước ở đâu');
    expect(r?.situation?.normalized).toContain('đang tạm trú ở');
    // "dang" without accents is also "đăng" of đăng ký; "đang cần" is the request; "bản xã đang lưu" is its object.
    expect(request('em dang ky tam tru o ha noi thi lam can cuoc o dau')).toBeNull();
    expect(request('em đang cần làm hộ chiếu gấp')).toBeNull();
    expect(request('xin lại bản hợp đồng mà xã đang lưu')).toBeNull();
  });

  it('leaves the paper asked about out of the request ("… có cần giấy X không")', () => {
    expect(request('đăng ký thường trú có cần giấy đăng ký kết hôn không ạ')?.request.normalized).toBe('đăng ký thường trú có cần giấy không ạ');
    expect(request('làm hộ chiếu có phải mang theo bản sao giấy khai sinh không')?.request.normalized).toBe('cấp hộ chiếu có phải mang theo bản không');
    // Not a yes/no question about a paper: nothing is left out.
    expect(request('đăng ký thường trú cần giấy tờ gì')).toBeNull();
    expect(request('có cần làm lại giấy khai sinh không')).toBeNull();
  });

  it('returns null when there is no story', () => {
    expect(request('đăng ký khai sinh cần giấy tờ gì')).toBeNull();
  });
});

describe('understanding a message with a story (whole pipeline)', () => {
  let nlu: Understander;
  beforeAll(async () => {
    nlu = createUnderstander(await loadCatalog());
  });

  it('answers the request, not the procedure named in the story', () => {
    expect(nlu.understand('lam thu tuc nhan con cho be vi tui e chua dk ket hon').procedure?.code).toBe('1.001022');
    expect(nlu.understand('e có giấy xác nhận độc thân rồi, giờ đi đk kết hôn thì mấy ngày là cầm giấy').procedure?.code).toBe('1.000894');
  });

  it('reads the question from the request ("chưa có giấy tờ gì" is not a documents question)', () => {
    expect(nlu.understand('đất ông bà để lại chưa có giấy tờ gì, giờ xin cấp sổ đỏ lần đầu được hông').intent).toBe('procedure_info');
  });

  it('answers for the procedure named, not for the paper asked about', () => {
    // Written for this test.
    expect(nlu.understand('đăng ký kết hôn thì có cần giấy xác nhận độc thân không ạ').procedure?.code).toBe('1.000894');
    expect(nlu.understand('dang ky thuong tru co can giay dang ky ket hon ko').procedure?.code).toBe('1.004222');
  });

  it('offers both when the story names one procedure and the request alone another it trusts', () => {
    // Written for this test: the whole message reads "a copy of the birth certificate", the request
    // alone ("giờ muốn xin bản sao …") reads "certified copy": neither is answered in silence.
    const r = nlu.understand('Em làm mất bản chính giấy khai sinh rồi, giờ muốn xin bản sao thì làm ở đâu ạ');
    expect(r.ambiguous).toBe(true);
    expect(r.candidates.slice(0, 2).map((c) => c.code)).toEqual(['2.000635', '2.000815']);
  });

  it('keeps a foreign element said in the background ("lấy chồng Hàn")', () => {
    expect(nlu.understand('e lấy chồng Hàn, sinh con ở VN, giờ khai sinh cho con thì cần những giấy gì').procedure?.code).toBe('2.000528');
  });

  it('does not take going abroad for a foreign element', () => {
    expect(['1.001456', '1.001471']).toContain(nlu.understand('lần đầu đi du lịch nước ngoài, làm passport cần giấy tờ gì').procedure?.code);
  });
});
