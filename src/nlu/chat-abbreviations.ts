/**
 * Chat shorthand, teen code and domain abbreviations, keyed by the folded token
 * (so "đc" and "dc" are one entry). Values are accented expansions.
 * Context-dependent ones (kh, dk, bn, v) are resolved in expand-abbreviations.ts.
 */
export const TOKEN_EXPANSIONS: Readonly<Record<string, string>> = {
  // negation / question particles
  ko: 'không', k: 'không', khg: 'không', kg: 'không', hok: 'không', hong: 'không', hông: 'không',
  hem: 'không', khum: 'không', hk: 'không', kô: 'không', ko0: 'không', k0: 'không', 
  khôg: 'không', hôk: 'không', khnog: 'không', kp: 'không phải', pk: 'phải không',
  j: 'gì', ji: 'gì', z: 'vậy', zay: 'vậy', zậy: 'vậy', dzay: 'vậy', dzậy: 'vậy',
  r: 'rồi', rùi: 'rồi', roai: 'rồi', ntn: 'như thế nào', bh: 'bao giờ', bgio: 'bao giờ',
  bjo: 'bao giờ', bl: 'bao lâu', bnhieu: 'bao nhiêu', bnh: 'bao nhiêu', nhiu: 'nhiêu',
  // people
  ad: 'admin', adm: 'admin', mn: 'mọi người', mk: 'mình', mik: 'mình', mh: 'mình', mjk: 'mình',
  ng: 'người', ngta: 'người ta', ck: 'chồng', vk: 'vợ', bme: 'bố mẹ', e: 'em', a: 'anh', c: 'chị',
  // verbs / misc
  dc: 'được', đc: 'được', dk: 'đăng ký', đk: 'đăng ký', dky: 'đăng ký', đky: 'đăng ký', dki: 'đăng ký',
  đki: 'đăng ký', dangky: 'đăng ký', đkí: 'đăng ký', lm: 'làm', mún: 'muốn', mun: 'muốn', bít: 'biết',
  bik: 'biết', bjt: 'biết', bit: 'biết', ik: 'đi', trc: 'trước', ns: 'nói', nc: 'nói chuyện',
  vs: 'với', v: 'vậy', cx: 'cũng', cug: 'cũng', wa: 'qua', ntin: 'nhắn tin', dt: 'điện thoại',
  đt: 'điện thoại', sdt: 'số điện thoại', sđt: 'số điện thoại', kq: 'kết quả', hs: 'hồ sơ',
  hsơ: 'hồ sơ', tks: 'cảm ơn', thks: 'cảm ơn', thx: 'cảm ơn', thanks: 'cảm ơn',
  thank: 'cảm ơn', camon: 'cảm ơn', onl: 'online', oke: 'ok', okie: 'ok',
  okela: 'ok', okay: 'ok', uk: 'ừ', uh: 'ừ', dạ: 'dạ', hello: 'xin chào', hi: 'xin chào', helo: 'xin chào',
  ak: 'à', ah: 'à', oy: 'rồi', thui: 'thôi', tg: 'thời gian', tgian: 'thời gian', nv: 'nhân viên', cb: 'cán bộ',
  dchi: 'địa chỉ', đchi: 'địa chỉ', trg: 'trường', bhtn: 'bảo hiểm thất nghiệp', mst: 'mã số thuế', gp: 'giấy phép',
  csgt: 'cảnh sát giao thông', xnc: 'xuất nhập cảnh',
  hso: 'hồ sơ', tk: 'tài khoản', tkhoan: 'tài khoản', hđ: 'hợp đồng', hd: 'hợp đồng', md: 'mục đích',
  xèng: 'tiền', xeng: 'tiền', sanh: 'sinh', xklđ: 'xuất khẩu lao động', xkld: 'xuất khẩu lao động',
  giùm: 'giúp', dùm: 'giúp', jum: 'giúp', zùm: 'giúp',
  alo: 'alô', lun: 'luôn', hnay: 'hôm nay', hqua: 'hôm qua', nx: 'nữa', bn: 'bao nhiêu',
  // domain
  cccd: 'thẻ căn cước', ccd: 'thẻ căn cước', cc: 'căn cước', cmnd: 'chứng minh nhân dân',
  cmt: 'chứng minh nhân dân', cmtnd: 'chứng minh nhân dân', gplx: 'giấy phép lái xe',
  gpxd: 'giấy phép xây dựng', hkd: 'hộ kinh doanh', bhxh: 'bảo hiểm xã hội', bhyt: 'bảo hiểm y tế',
  lltp: 'lý lịch tư pháp', ltp: 'lý lịch tư pháp', ks: 'khai sinh', đkks: 'đăng ký khai sinh', dkks: 'đăng ký khai sinh',
  dkkh: 'đăng ký kết hôn', đkkh: 'đăng ký kết hôn', nvqs: 'nghĩa vụ quân sự', vneid: 'vneid',
  dvc: 'dịch vụ công', dvcqg: 'dịch vụ công quốc gia', tthc: 'thủ tục hành chính',
  gcn: 'giấy chứng nhận', gcnqsdd: 'giấy chứng nhận quyền sử dụng đất', qsdd: 'quyền sử dụng đất',
  qsdđ: 'quyền sử dụng đất', ubnd: 'ủy ban nhân dân', ub: 'ủy ban', cty: 'công ty', tnhh: 'trách nhiệm hữu hạn',
  dn: 'doanh nghiệp', passport: 'hộ chiếu', pasport: 'hộ chiếu', hc: 'hộ chiếu', atvstp: 'an toàn vệ sinh thực phẩm',
  attp: 'an toàn thực phẩm', tnld: 'tai nạn lao động', tnlđ: 'tai nạn lao động', bnn: 'bệnh nghề nghiệp',
  vn: 'việt nam', vnam: 'việt nam', xm: 'xe máy', oto: 'ô tô', gks: 'giấy khai sinh', hn: 'hôn nhân', tthn: 'tình trạng hôn nhân', xntthn: 'xác nhận tình trạng hôn nhân',
  cavet: 'giấy đăng ký xe', cavẹt: 'giấy đăng ký xe', caveth: 'giấy đăng ký xe', gpkd: 'giấy phép kinh doanh', ttđt: 'trực tuyến', online: 'online',
};

/**
 * Multi-word everyday names rewritten to the catalog's wording, matched on the
 * normalised accented text at word boundaries, longest first. Each pattern is also
 * matched in its folded form (for unaccented input) - so "chứng từ" (receipts) never
 * matches "chứng tử" while "chung tu" typed without accents does.
 */
export const PHRASE_EXPANSIONS: ReadonlyArray<readonly [string, string]> = [
  ['sổ đỏ', 'giấy chứng nhận quyền sử dụng đất'],
  ['sổ hồng', 'giấy chứng nhận quyền sử dụng đất'],
  ['bìa đỏ', 'giấy chứng nhận quyền sử dụng đất'],
  ['thổ cư', 'đất ở'],
  ['tách hộ khẩu', 'tách hộ'],
  ['hộ khẩu', 'thường trú'],
  ['bằng lái xe', 'giấy phép lái xe'],
  ['bằng lái', 'giấy phép lái xe'],
  ['thẻ căn cước công dân', 'thẻ căn cước'],
  ['căn cước công dân', 'thẻ căn cước'],
  ['xe máy', 'xe'],
  ['xe mô tô', 'xe'],
  ['xe ô tô', 'xe'],
  ['ô tô', 'xe'],
  ['xe hơi', 'xe'],
  ['hằng tháng', 'hàng tháng'],
  ['chứng minh thư', 'chứng minh nhân dân'],
  ['hộ chiếu phổ thông', 'hộ chiếu'],
  ['giấy báo tử', 'giấy khai tử'],
  ['chứng tử', 'khai tử'],
  ['báo tử', 'khai tử'],
  ['độc thân', 'tình trạng hôn nhân'],
  ['mức độ 2', 'mức độ 2'],
  ['mức 2', 'mức độ 2'],
  ['mức 1', 'mức độ 1'],
  ['level 2', 'mức độ 2'],
  ['level 1', 'mức độ 1'],
  ['lv 2', 'mức độ 2'],
  ['lv 1', 'mức độ 1'],
  ['mấy bữa', 'mấy ngày'],
  ['mấy hôm', 'mấy ngày'],
  ['nhiêu bữa', 'bao nhiêu ngày'],
  ['bao nhiêu bữa', 'bao nhiêu ngày'],
  ['bấm biển số', 'đăng ký biển số'],
  ['bấm biển', 'đăng ký biển số'],
  ['bốc biển', 'đăng ký biển số'],
  ['công chứng', 'chứng thực'],
  ['đăng kí', 'đăng ký'],
  ['qua mạng', 'trực tuyến'],
  ['trên mạng', 'trực tuyến'],
  ['hộ cá thể', 'hộ kinh doanh'],
  ['cà vẹt xe', 'giấy đăng ký xe'],
  ['cà vẹt', 'giấy đăng ký xe'],
  ['ca vet', 'giấy đăng ký xe'],
  ['kinh doanh cá thể', 'hộ kinh doanh'],
];
