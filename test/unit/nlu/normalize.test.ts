import { describe, expect, it } from 'vitest';
import { createNormalizer, normalizeBasic } from '../../../src/nlu/normalize.js';
import { canonicalTone } from '../../../src/nlu/vietnamese-tone.js';
import { foldDiacritics } from '../../../src/nlu/fold-diacritics.js';

describe('normalizeBasic', () => {
  it('composes decomposed input (NFD) so it equals the composed form', () => {
    const nfd = 'Đăng ký khai sinh'.normalize('NFD');
    expect(normalizeBasic(nfd).normalized).toBe('đăng ký khai sinh');
  });

  it('puts tone marks in one place whatever style was typed', () => {
    expect(normalizeBasic('hoà giải').normalized).toBe(normalizeBasic('hòa giải').normalized);
    expect(normalizeBasic('Thuỷ lợi').normalized).toBe('thủy lợi');
    expect(normalizeBasic('sức khoẻ').normalized).toBe('sức khỏe');
    expect(canonicalTone('quý')).toBe('quý');
    expect(canonicalTone('giữa')).toBe('giữa');
    expect(canonicalTone('hoàng')).toBe('hoàng');
    expect(canonicalTone('người')).toBe('người');
  });

  it('gives a folded view beside the accented one, đ -> d', () => {
    const n = normalizeBasic('Đổi Giấy phép lái xe!!! 😀');
    expect(n.normalized).toBe('đổi giấy phép lái xe');
    expect(n.folded).toBe('doi giay phep lai xe');
    expect(foldDiacritics('Đường')).toBe('Duong');
  });

  it('expands chat shorthand and teen code', () => {
    expect(normalizeBasic('lam lai cccd het bn tien').folded).toBe('lam lai the can cuoc het bao nhieu tien');
    expect(normalizeBasic('đk kết hôn cần j z ad').normalized).toBe('đăng ký kết hôn cần gì vậy admin');
    expect(normalizeBasic('nộp online dc ko').normalized).toBe('nộp online được không');
    expect(normalizeBasic('lam online dk ko').folded).toBe('lam online duoc khong');
    expect(normalizeBasic('đk kh').normalized).toBe('đăng ký kết hôn');
    expect(normalizeBasic('hết nhiêu tiền').normalized).toBe('hết bao nhiêu tiền');
  });

  it('reads central and southern words, ages, levels and more shorthand', () => {
    expect(normalizeBasic('làm khai sinh ở mô rứa').normalized).toBe('làm khai sinh ở đâu vậy');
    expect(normalizeBasic('giấy tờ chi').normalized).toBe('giấy tờ gì');
    expect(normalizeBasic('thế nào chi').normalized).toBe('thế nào chi'); // a trailing chi is chị, not gì
    expect(normalizeBasic('con 15t').normalized).toBe('con 15 tuổi');
    expect(normalizeBasic('dinh danh lv2').folded).toBe('dinh danh muc do 2');
    expect(normalizeBasic('nhập hk cho bé').normalized).toBe('nhập thường trú cho bé');
    expect(normalizeBasic('có hk').normalized).toBe('có không');
    expect(normalizeBasic('mấy bữa có').normalized).toBe('mấy ngày có');
    expect(normalizeBasic('cảm ơn nhiu').normalized).toBe('cảm ơn nhiều');
    expect(normalizeBasic('cap sd lan dau').folded).toBe('cap giay chung nhan quyen su dung dat lan dau');
  });

  it('turns place names into one placeholder (never repaired into catalog words)', () => {
    expect(normalizeBasic('nhà ở Thủ Đức').normalized).toBe('nhà ở _place');
    expect(normalizeBasic('que o nghe an').folded).toBe('que o _place');
  });

  it('rewrites everyday names into the catalog wording', () => {
    expect(normalizeBasic('làm sổ hồng').normalized).toBe('làm giấy chứng nhận quyền sử dụng đất');
    expect(normalizeBasic('nhap ho khau cho vo').folded).toBe('nhap thuong tru cho vo');
    expect(normalizeBasic('gia hạn passport').normalized).toBe('gia hạn hộ chiếu');
    expect(normalizeBasic('mất bằng lái xe').normalized).toBe('mất giấy phép lái xe');
    expect(normalizeBasic('gplx hạng a1').normalized).toBe('giấy phép lái xe hạng a1');
    expect(normalizeBasic('chuyển lên thổ cư').normalized).toBe('chuyển lên đất ở');
    expect(normalizeBasic('bhxh 1 lần').normalized).toBe('bảo hiểm xã hội 1 lần');
  });

  it('keeps accented words apart that fold alike ("chứng từ" is not "chứng tử")', () => {
    expect(normalizeBasic('nộp chứng từ').normalized).toBe('nộp chứng từ');
    expect(normalizeBasic('xin giay chung tu').normalized).toBe('xin giay khai tử');
  });
});

describe('createNormalizer (typos against a vocabulary)', () => {
  const normalize = createNormalizer(['đăng ký khai sinh', 'thường trú tạm trú', 'kết hôn', 'giấy phép xây dựng']);

  it('repairs telex leftovers', () => {
    expect(normalize('khai sinhf cho con').folded).toBe('khai sinh cho con');
    expect(normalize('ddang kys kets hoon').normalized).toBe('đăng ký kết hôn');
  });

  it('repairs one or two edits in a syllable that is not a Vietnamese syllable shape', () => {
    expect(normalize('dang ky thuongg tru').folded).toBe('dang ky thuong tru');
    expect(normalize('giay phep xay duung').folded).toBe('giay phep xay dung');
  });

  it('leaves well-formed words it does not know alone', () => {
    expect(normalize('trợ cấp thất nghiệp').normalized).toBe('trợ cấp thất nghiệp');
  });
});

describe('how people mistype (the noise the normaliser repairs)', async () => {
  const { loadCatalog } = await import('../../../src/catalog/load-catalog.js');
  const { createUnderstander } = await import('../../../src/nlu/create-understander.js');
  const nlu = createUnderstander(await loadCatalog());
  it('splits syllables typed without a space', () => {
    expect(nlu.understand('đăngký tạmtrú').normalized).toBe('đăng ký tạm trú');
    expect(nlu.understand('xinlý lịch tư pháp').procedure?.code).toBe('3.000333');
    expect(nlu.understand('khaisinh cho be').procedure?.code).toBe('1.001193');
  });
  it('repairs a dropped letter or wrong accents from the words around it', () => {
    expect(nlu.understand('gấy pép xây dựng').normalized).toBe('giấy phép xây dựng');
    expect(nlu.understand('giấy phếp xây dựng').normalized).toBe('giấy phép xây dựng');
    expect(nlu.understand('thườg trú').procedure?.code).toBe('1.004222');
  });
  it('splits three syllables typed as one, and everyday names the abbreviation table rewrites', () => {
    expect(nlu.understand('muon tachhokhau cho con').normalized).toContain('tách hộ');
    expect(nlu.understand('nhap hokhau cho vo').procedure?.code).toBe('1.004222');
  });
  it('decodes telex typed without the keyboard driver when the words around say so', () => {
    expect(nlu.understand('lamf hoj chieeus lan dau').normalized).toContain('hộ chiếu');
  });
  it('prefers the repair one edit away from the accents as typed', () => {
    // Both fit "bao …" here and "đầu" is the more frequent; the typed "sâu" is one letter from "lâu", two from "đầu".
    const n = createNormalizer(['bao lâu', 'bao đầu', 'bao đầu']);
    expect(n('bao sâu').normalized).toBe('bao lâu');
  });
  it('leaves a real word typed with its accents alone, catalog word or not', () => {
    expect(nlu.understand('chồng em bị liệt nằm một chỗ').normalized).toContain('liệt nằm');
  });
});
