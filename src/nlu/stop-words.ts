/**
 * Folded words that carry no procedure meaning on the query side: pronouns, kinship,
 * particles, question words, generic verbs. An unmatched stop word does not lower a
 * match; a matched one still counts (so "nhận cha mẹ con" can match "con").
 */
export const QUERY_STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'toi tui minh em anh chi ban ban oi ad admin bot ong ba bo me ba ma con chau be ho no nguoi nha vo chong ' +
    'a ah a oi nhe nha nhi ha ho hen di voi va thi la ma ma nhung cac cai nay kia do day vay the nao sao gi ' +
    'khong co duoc chua roi phai can muon hoi biet giup xin lam cach huong dan thu tuc ho so giay to ' +
    'o dau cho cua tai de ve den tu trong ngoai tren duoi bao nhieu lau mat het ton tien phi le ngay may tuan thang ' +
    'nam gio khi nao luc sang chieu toi nay mai qua moi vua sap da dang se dang can nhieu it mot hai ba ' +
    'online truc tuyen nop mang dem theo gom nhung thong tin xong ket qua lay nhan ok da duoc khong a u ' +
    'xin chao cam on vui long thu tuc hanh chinh di lam viec phat tre muon gap han bi'
  )
    .split(' ')
    .filter(Boolean),
);

/**
 * Differences in substance between sibling procedures. `name` finds the marker in a
 * procedure name, `query` finds the citizen saying it (folded text padded with
 * spaces). A procedure with a marker the message does not say is held back; so is a
 * procedure without a marker the message says, when a close candidate has it.
 */
export interface VariantMarker {
  id: string;
  name: RegExp;
  query: RegExp;
}

const NATIONALITIES =
  'nuoc ngoai|viet kieu|ngoai quoc|nguoi nuoc ngoai|han quoc|nhat ban|trung quoc|dai loan|nguoi han|nguoi nhat|nguoi trung|nguoi my|nguoi uc|nguoi phap|nguoi duc|nguoi thai|nguoi lao|nguoi nga|nguoi tay|nguoi campuchia|nguoi hoa ky';

export const VARIANT_MARKERS: readonly VariantMarker[] = [
  { id: 'foreign', name: / nuoc ngoai /, query: new RegExp(` (?:${NATIONALITIES}) `) },
  { id: 'mobile', name: / luu dong /, query: / luu dong | tai nha | tai benh vien / },
  { id: 'border', name: / bien gioi /, query: / bien gioi / },
  { id: 'redo', name: / (?:dang ky lai|cap lai) /, query: / lai / },
  { id: 'exchange', name: / (?:cap doi|doi) /, query: / (?:cap doi|doi|het han) / },
  { id: 'change', name: / (?:thay doi|dieu chinh|dinh chinh) /, query: / (?:thay doi|dieu chinh|dinh chinh|sua|doi ten|doi dia chi) / },
  { id: 'child', name: / duoi 14 tuoi /, query: / (?:duoi 14|tre em|tre nho|cho be|be|(?:[1-9]|1[0-3]) tuoi|so sinh|em be) / },
  { id: 'combined', name: / ket hop /, query: / ket hop / },
  { id: 'central', name: / trung uong /, query: / (?:trung uong|bo cong an) / },
  { id: 'temporary', name: / tam thoi /, query: / tam thoi / },
  { id: 'stop', name: / (?:dung|cham dut|tam ngung) /, query: / (?:dung|cham dut|tam ngung|ngung|nghi kinh doanh) / },
  { id: 'revoke', name: / thu hoi /, query: / thu hoi / },
  { id: 'delete', name: / xoa /, query: / (?:xoa|cat) / },
  { id: 'extend', name: / gia han /, query: / gia han / },
  { id: 'restore', name: / khoi phuc /, query: / khoi phuc / },
  { id: 'lock', name: / khoa /, query: / khoa / },
  { id: 'unlock', name: / mo khoa /, query: / mo khoa / },
  { id: 'military', name: / quan su /, query: / quan su / },
  { id: 'police', name: / cong an nhan dan /, query: / cong an nhan dan / },
  { id: 'international', name: / quoc te /, query: / quoc te / },
  { id: 'organisation', name: / to chuc /, query: / (?:to chuc|cong ty|doanh nghiep|co quan) / },
  { id: 'fully-online', name: / toan trinh /, query: / (?:toan trinh) / },
  { id: 'on-request', name: / theo yeu cau /, query: / theo yeu cau / },
  { id: 'lost-report', name: / trinh bao /, query: / (?:trinh bao|bao mat) / },
];
