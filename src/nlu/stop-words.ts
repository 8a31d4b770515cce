import { foldDiacritics } from './fold-diacritics.js';

/**
 * Words that carry no procedure meaning on the query side: pronouns, kinship,
 * particles, question words, generic verbs. An unmatched stop word does not lower a
 * match; a matched one still counts (so "nhận cha mẹ con" can match "con"). Written
 * accented: an accented message is checked against these exact words ("bạn" is a stop
 * word, "bản sao" is not); an unaccented one against their folded forms.
 */
const STOP_ACCENTED = (
  'tôi tui mình em anh chị bạn ad admin bot ông bà bố mẹ ba má con cháu bé họ nó người nhà vợ chồng ' +
  'à ạ ơi nhé nha nhỉ hả hở hen đi với và thì là mà những các cái này kia đó đấy vậy thế nào sao gì ' +
  'không có được chưa rồi phải cần muốn hỏi biết giúp xin làm cách hướng dẫn thủ tục hồ sơ giấy tờ ' +
  'ở đâu cho của tại để về đến từ trong trên dưới bao nhiêu lâu mất hết tốn tiền phí lệ ngày mấy tuần tháng ' +
  'năm giờ khi lúc sáng chiều tối nay mai qua mới vừa sắp đã đang sẽ nhiều ít một hai ba ' +
  'online trực tuyến nộp mạng đem theo gồm thông tin xong kết quả lấy ok dạ ừ ' +
  'xin chào cảm ơn vui lòng hành chính việc phạt trễ muộn gấp hạn bị ' +
  'nội ngoại xã phường huyện quận tỉnh thị trấn ủy ban ' +
  // everyday story words: who, when, hearsay, measure words ("nghe nói đủ 25 tuổi", "con gái", "miếng đất")
  'nghe nói bảo kêu đủ xíu chút gái trai đứa tụi bọn quê hôm bữa hồi xưa luôn lỡ giúp coi hoài ' +
  'miếng mảnh chiếc tính định giùm dùm chỉ còn nữa hay hoặc hả ' +
  // details every procedure has ("chụp ảnh", "chỗ nào", "quán ăn", "báo ai")
  'chụp chỗ tuổi quán ăn ai lên bác cô chú dì cậu mợ thím như'
)
  .split(' ')
  .filter(Boolean);
const STOP_SET = new Set(STOP_ACCENTED);
const STOP_FOLDED = new Set(STOP_ACCENTED.map(foldDiacritics));

/** Filler only when typed with accents: unaccented they are catalog words ("nhắn" vs "nhan" = nhận). */
const STOP_ACCENTED_ONLY = new Set(['nhắn', 'nhắc']);

/** folded: the folded token; accented: the same token as typed (normalised). */
export function isQueryStopWord(folded: string, accented: string): boolean {
  return accented === folded ? STOP_FOLDED.has(folded) : STOP_SET.has(accented) || STOP_ACCENTED_ONLY.has(accented);
}

/** Folded stop words (for callers that only have folded text). */
export const QUERY_STOP_WORDS: ReadonlySet<string> = STOP_FOLDED;

/**
 * Differences in substance between sibling procedures. `name` finds the marker in a
 * procedure name (accented normalised text: folded "doi" would also be "đối với"),
 * `query` finds the citizen saying it (folded text, since citizens often type
 * without accents; both padded with spaces). A procedure with a marker the message does not say is held back; so is a
 * procedure without a marker the message says, when a close candidate has it.
 */
export interface VariantMarker {
  id: string;
  name: RegExp;
  query: RegExp;
}

export const NATIONALITIES =
  'quoc tich (?!viet|vn)[a-z]+|nguoi canada|nguoi singapore|nguoi an do|nguoi philippines|nguoi indonesia|nguoi malaysia|nguoi anh|nguoi y|nguoi ha lan|nguoi bi|nguoi thuy|nguoi dan mach|nguoi na uy|nguoi nam phi|nguoi chau|nguoi ngoai quoc|nuoc ngoai|viet kieu|ngoai quoc|nguoi nuoc ngoai|han quoc|nhat ban|trung quoc|dai loan|nguoi han|nguoi nhat|nguoi trung|nguoi my|nguoi uc|nguoi phap|nguoi duc|nguoi thai|nguoi lao|nguoi nga|nguoi tay|nguoi campuchia|nguoi hoa ky';

export const VARIANT_MARKERS: readonly VariantMarker[] = [
  // Going abroad ("đi du lịch nước ngoài", "ra nước ngoài làm việc") is a purpose, not a foreign element.
  { id: 'foreign', name: / nước ngoài /, query: new RegExp(` (?<!(?:di|ra|sang|du lich|cong tac|lam viec|hoc|du hoc|xuat canh|dinh cu|(?:du lich|cong tac|lam viec|du hoc|song|dinh cu|xuat khau lao dong) o) )(?:${NATIONALITIES}) | (?:chong|vo|bo|me|cha|ba|ck|vk) (?:han|nhat|trung quoc|my|uc|phap|duc|dai loan|thai|lao|nga|campuchia|canada|singapore|tay) `) },
  { id: 'mobile', name: / lưu động /, query: / luu dong | tai nha | tai benh vien / },
  { id: 'border', name: / biên giới /, query: / bien gioi / },
  { id: 'redo', name: / (?:đăng ký lại|cấp lại|làm lại|xin lại) /, query: / (?:(?:cap|lam|xin|ky|dk|in|lay|nop|dang ky) lai (?!ban sao|trich luc|giay xac nhan)|(?<!de |con |tro |o |ve |quay |ban |mua |phep |tai |xay |dap |cat |sua |nay |ma |thi |sao )lai (?!ban sao|trich luc|xe|du |bi |phai |co |khong |chua |duoc |con |ghi |sai |qua |vua ))/ },
  { id: 'exchange', name: / (?:cấp đổi|(?<!thay )đổi) /, query: / (?:cap doi|(?<!chao |cuoc |mot |ca |tron |doi |thay )doi(?! (?:bao|lau|may|mot|den|toi|ket|kq|xet|duyet|hoai|mai|cho|lau|it|khi))|het han) / },
  { id: 'change', name: / (?:thay đổi|điều chỉnh|đính chính) /, query: / (?:thay doi|dieu chinh|dinh chinh|sua|doi ten|doi dia chi|(?:them|bo sung|bot|doi|thay) (?:nganh|nghe|von|dia diem)) / },
  { id: 'child', name: / dưới 14 tuổi /, query: / (?:duoi 14|tre em|tre nho|cho be|be|(?:[1-9]|1[0-3]) tuoi|so sinh|em be) / },
  { id: 'infant', name: / dưới 6 tuổi /, query: / (?:duoi 6|tre em|tre so sinh|so sinh|moi sinh|cho be|em be|[1-5] tuoi|con nho) / },
  { id: 'combined', name: / kết hợp /, query: / (?:ket hop|vua (?:lam |dang ky )?khai sinh vua|khai sinh (?:kem|cung|luon)(?: ca)? nhan) / },
  { id: 'central', name: / trung ương /, query: / (?:trung uong|bo cong an) / },
  { id: 'temporary', name: / tạm thời /, query: / tam thoi / },
  { id: 'stop', name: / (?:dừng|chấm dứt|tạm ngừng) /, query: / (?:dung thuc hien|dung kinh doanh|dung hoat dong|cham dut|tam ngung|ngung|nghi kinh doanh) / },
  { id: 'revoke', name: / thu hồi /, query: / thu hoi / },
  { id: 'delete', name: / xóa /, query: / (?:xoa|cat (?:khau|ho khau|thuong tru|tam tru|ten|ho|giay|dang ky))( |$)/ },
  { id: 'extend', name: / gia hạn /, query: / gia han / },
  { id: 'restore', name: / khôi phục /, query: / khoi phuc / },
  { id: 'lock', name: / khóa /, query: / khoa / },
  { id: 'unlock', name: / mở khóa /, query: / mo khoa / },
  { id: 'military', name: / quân sự /, query: / quan su / },
  { id: 'police', name: / công an nhân dân /, query: / cong an nhan dan / },
  { id: 'international', name: / quốc tế /, query: / quoc te / },
  { id: 'organisation', name: / tổ chức /, query: / (?:to chuc|doanh nghiep|co quan (?:toi|em|minh|chung toi|tui|cua toi|cua em)|(?:cho|cua|thanh lap|mo|lap|dang ky|chu) cong ty|cong ty (?:toi|em|minh|tui|chung toi|co phan|trach nhiem|tnhh))( |$)/ },
  { id: 'fully-online', name: / toàn trình /, query: / (?:toan trinh) / },
  { id: 'on-request', name: / theo yêu cầu /, query: / theo yeu cau / },
  // "mất" in an alias ("mất bằng lái") marks the lost-document path; saying it also means "lại".
  { id: 'lost', name: / (?:mất|bị mất) /, query: / (?:bi mat|(?:danh |lam |roi )?mat (?:giay|bang|the|can cuoc|ho chieu|so|chung minh|dang ky|bien|cai|vi|tieu)|(?:lam |danh )?roi (?:mat |cai )?(?:giay|bang|the|can cuoc|ho chieu|so|vi|chung minh)|that lac|bi trom|bi moc tui|mat tieu)( |$)/ },
  { id: 'lost-report', name: / trình báo /, query: / (?:trinh bao|bao mat|(?:bi |danh |lam )?mat ho chieu|ho chieu (?:bi )?mat) / },
];
