/**
 * Precise rules that override the classifier where words are unambiguous. All
 * patterns run on the folded, normalised text padded with spaces.
 */
import type { Intent } from './nlu-types.js';

export type AskIntent = 'ask_fee' | 'ask_duration' | 'ask_documents' | 'ask_location' | 'ask_online';

const ASK_RULES: ReadonlyArray<readonly [AskIntent, RegExp]> = [
  ['ask_online', / (?:online|truc tuyen|qua mang|dich vu cong|buu dien|buu chinh|tai nha duoc|khong can den)( |$)| (?:tren|qua|bang) (?:dien thoai|app|ung dung|vneid)(?: [a-z]+){0,4} (?:duoc khong|duoc ko|duoc k|duoc hong|duoc chua|co duoc|duoc)(?: [a-z]+)?( |$)/],
  ['ask_fee', / (?:le phi|(?<!tang |hoc |vien |mien )phi|bao nhieu tien|nhieu tien|(?<!khong )(?:mat tien|ton tien)|het tien|chi phi|(?:co )?mien phi(?= (?:khong|hay|ha|chu|phai|dung)(?: |$))|co mien phi|dong bao nhieu|nop bao nhieu|gia bao nhieu|ton dong|mat dong|dong nao|co ton|ton kem|may tien|bao nhieu (?:1|mot) (?:trang|ban|to|lan|bo|bia)|(?:ton|het|mat) (?:may|nhieu) xu|(?:mat|ton|het) nhieu(?: (?:khong|ko|ha|hong|vay|the|a|tien))?(?= ?$)|(?:mat|ton|het) nhieu (?:khong|ko|ha|hong)|tinh tien|tien [a-z]+(?: [a-z]+){0,3} tinh (?:sao|the nao|nhu nao))( |$)|(?:het|mat|ton) bao nhieu(?! ngay| lau| tuan| thang)/],
  ['ask_duration', / (?:bao lau|may ngay|bao nhieu ngay|may hom|may bua|bao nhieu bua|may tieng|may tuan|bao nhieu lau|thoi gian|thoi han|lau khong|co lau|(?:ton|het|doi|cho|trong|khoang|lau|mat) (?:may|bao nhieu) (?:thang|nam)|(?<!chua )bao gio (?:co|xong|lay|duoc)|khi nao (?:co|xong|lay|duoc)|trong ngay|cho bao lau|doi may|nhanh khong|lay lien|lay ngay|co lien|lam lien|co ngay|lay lien duoc|cho lay)( |$)/],
  ['ask_documents', / (?:can gi|can nhung gi|giay to (?:gi|nao|gom|can)|(?:can|nhung|loai|mang) giay to|ho so gom|gom gi|gom nhung|thanh phan ho so|mang gi|mang theo|dem theo|chuan bi (?:gi|nhung gi|giay|ho so|nhung|cai gi)|can mang|mau don|to khai|can nhung giay|nhung loai giay|can nhung|giay gi|giay nao|can giay gi|(?:can|nhung|gom) ho so (?:gi|nao|nhung gi)|can giay to|cam theo|cam gi|dem gi|mang nhung gi|(?:co )?can (?:giay|ban sao|ban chinh|anh|hinh|so|the|chung minh|can cuoc|ho chieu|hop dong)(?: [a-z]+){0,6} (?:khong|hay khong|ko))( |$)|^ giay to (?:xin|lam|dang ky|de|cap) /],
  ['ask_location', / (?:o dau|cho nao|noi nao|(?<!lan )dau lam|di dau|toi dau|den dau|ra dau|co quan nao|dia chi (?:nop|lam|o|cua|co quan|uy ban|phuong|xa|bo phan|mot cua|cong an)|xa hay|phuong hay|tai dau|len dau|nop dau|xin dau|(?:nop|lam|xin) (?:ho so|giay to|giay) (?:o )?dau|(?:xa|phuong|ben|toa|co quan|trung tam|van phong|phong|so|noi|cho) nao|(?:len|ra|den|toi) (?:[a-z]+ ){0,4}(?:cho|noi|co quan|phong|so|toa|trung tam|van phong|ban)(?: (?!thi |the )[a-z]+){0,4} nao|(?:xa|phuong) (?:anh|em|a|e|chong|vo) hay|(?:xa|phuong|huyen|tinh) (?:noi|ben) [a-z]+(?: [a-z]+)? (?:o )?hay|hay (?:phai )?(?:ra|len|den) (?:van phong|uy ban|xa|phuong|huyen|quan|tinh|cong an|so|bo phan))( |$)| (?:lam|nop|xin|sao y|chung thuc|dang ky) (?:[a-z]+ ){0,5}o (?:uy ban|phuong|quan|huyen|cong an|phong|so|bo phan|mot cua)(?: [a-z]+){0,4}(?: (?:duoc khong|khong|a|ha|phai khong|dung khong|duoc|nhi|nhe|vay|the)){0,3} ?$| (?:phai|thi|co phai|di|la) (?:ra|len|den|toi|ve) (?:cong an|uy ban|xa|phuong|huyen|quan|tinh|so|bo phan|van phong|phong|noi|trung tam|toa)(?: [a-z0-9]+){0,4}(?: (?:duoc khong|duoc|khong|ha|a|phai khong|dung khong|nhi|vay))+ ?$| hay (?:phai )?(?:ra|len|den|ve) (?:van phong|uy ban|xa|phuong|huyen|quan|tinh|cong an|so|bo phan|phong|trung tam|que|noi thuong tru)( |$)| (?:ra|len|den|qua) (?:so|phong|cong an|uy ban|xa|phuong|huyen|quan)(?: [a-z]+){0,4} hay (?:qua|ra|len|den|o|ve)( |$)| o (?:cho|noi) (?:tam tru|thuong tru|dang o|minh o|em o)(?: [a-z]+){0,3} (?:duoc|hay)( |$)/],
];

const SELLS_ONLINE = / (?:ban|mua|hoc|day|choi|buon ban)(?: (?!lam |dang |nop |xin |cap |ho |duoc |dc )[a-z]+){1,3} online(?= )/g;

const GLOBAL = new Map<RegExp, RegExp>();

function lastMatch(re: RegExp, text: string): number {
  let g = GLOBAL.get(re);
  if (!g) GLOBAL.set(re, (g = new RegExp(re.source, 'g')));
  g.lastIndex = 0;
  let pos = -1;
  let m: RegExpExecArray | null;
  while ((m = g.exec(text))) {
    pos = m.index;
    g.lastIndex = m.index + 1;
  }
  return pos;
}

/** Every question cue the message says, in the order said (each intent once, at its last cue). */
export function askCues(folded: string): { intent: AskIntent; pos: number }[] {
  // "bán quần áo online" is how the citizen trades, not a question about applying online.
  const text = ` ${folded} `.replace(SELLS_ONLINE, ' ');
  const found: { intent: AskIntent; pos: number }[] = [];
  for (const [intent, re] of ASK_RULES) {
    const pos = lastMatch(re, text);
    if (pos >= 0) found.push({ intent, pos });
  }
  return found.sort((a, b) => a.pos - b.pos);
}

const UNSUBSCRIBE = / (?:huy|tat|ngung|dung|bo|thoi|khong muon|khong nhan|dung gui|dung nhan|dung bao)( |$)/;
const SUBSCRIBE = / (?:thong bao|bao cho|bao toi|bao em|bao minh|nhan tin|nhan tin|theo doi|bao lai|nhac)( |$)/;

/** With a dossier code the message is about that dossier: status unless it (un)subscribes. */
export function dossierIntent(folded: string): Intent {
  const text = ` ${folded} `;
  if (NOTIFICATIONS_OFF.test(text)) return 'unsubscribe';
  if (SUBSCRIBE.test(text) || / nhan thong bao /.test(text)) return UNSUBSCRIBE.test(text) ? 'unsubscribe' : 'subscribe';
  return 'dossier_status';
}

/**
 * "hồ sơ (đăng ký xe) của tôi nộp rồi sao chưa có": a citizen asking about a dossier already
 * filed, whatever procedure it names.
 */
const DOSSIER_STATUS_CUE =
  / ho so (?:[a-z]+ ){0,5}(?:cua )?(?:toi|em|minh|tui|me|bo|ba|chong|vo)(?: [a-z]+){0,6} (?:chua|sao roi|toi dau|den dau|the nao roi|xong chua)( |$)| (?:nop|ho so)(?: [a-z]+){0,14} (?:toi dau roi|den dau roi|sao van|van chua|van o trang thai|trang thai cho|cho tiep nhan|chua thay (?:ai|gi|ket qua|tra loi)|(?:dang|toi|den) (?:o )?buoc nao|xu ly toi dau|xu ly den dau)( |$)| (?:da nop|nop roi|nop tu|nop hom|nop tuan|nop thang|nop (?:giay to|ho so|giay|hs) (?:tu|hom|tuan|thang))(?: [a-z0-9]+){0,6} (?:chua|sao|dau)(?: [a-z]+)?( |$)/;

export function asksAboutFiledDossier(folded: string): boolean {
  return DOSSIER_STATUS_CUE.test(` ${folded} `);
}

/** Words that show a message asks about some administrative procedure. */
export const PROCEDURE_CUES =
  / (?:thu tuc|lam|xin|nop|phat|dang ky|cap|giay|giay phep|chung nhan|xac nhan|tro cap|che do|ho tro|thanh lap|gia han|ho so|dang ki|bao hiem|visa|thi thuc|khai|chuyen|doi)( |$)/;

/** "ngừng nhận tin báo từ bot", "không muốn nhận tin nhắn nữa": bot control, never a procedure ("báo tử"). */
const NOTIFICATIONS_OFF = / (?:huy|tat|ngung|dung|thoi|khong muon|khong can|khoi|(?<!can )bo) (?:[a-z]+ ){0,2}(?:nhan|gui) (?:tin|tin nhan|tin bao|thong bao)( |$)| (?:huy|tat|ngung|bo) thong bao( |$)/;

export function turnsNotificationsOff(folded: string): boolean {
  return NOTIFICATIONS_OFF.test(` ${folded} `);
}

/** Pets: no citizen procedure in the catalog is about an animal ("khai sinh cho mèo" is a joke). */
const PET = / (?:con meo|meo nha|cho meo|meo con|thu cung|con cun|chu cho|chu meo|cho cung|meo cung)( |$)/;

export function mentionsPet(folded: string): boolean {
  return PET.test(` ${folded} `);
}

/**
 * Land and housing taxes (thuế đất, thuế nhà đất, nộp thuế đất hằng năm): the catalog has no tax
 * procedure for land. Unaccented "thue dat" could also be "thuê đất" (lease), so only with a paying
 * verb or a tax-only companion, and never when the accented text says "thuê".
 */
const LAND_TAX = / (?:nop|dong|tien|muc|bieu) thue (?:nha )?dat( |$)| thue nha dat( |$)| thue (?:su dung )?dat (?:hang nam|nam nay|phi nong nghiep|nong nghiep)( |$)/;

export function asksLandTax(folded: string, normalized: string): boolean {
  return LAND_TAX.test(` ${folded} `) && !normalized.includes('thuê');
}

/** Words a request for a person always has: someone to talk to, or a way to reach them. */
const PERSON_WORDS = / (?:gap|noi chuyen|trao doi|nguoi that|nguoi|can bo|nhan vien|chuyen vien|tu van vien|tu van|admin|ad|truc tiep|tong dai|hotline|goi dien|goi|dien thoai|so dien thoai|lanh dao|chu tich|ai do|truc|chuyen may|anh chi|co chu|ban oi)( |$)/;

export function mentionsPerson(folded: string): boolean {
  return PERSON_WORDS.test(` ${folded} `);
}

/** "cho em hỏi trực tiếp", "gặp người thật" ("có ai trực không" alone is a greeting): asking for a person, whatever the classifier guessed. */
const HANDOFF = / (?:hoi|noi chuyen|trao doi|gap) truc tiep( |$)| (?:gap|noi chuyen voi|cho gap) nguoi that( |$)/;

export function asksForPerson(folded: string): boolean {
  return HANDOFF.test(` ${folded} `);
}

/** "nhắn em khi nào có kết quả nhé", "báo giúp tôi lúc xong": asking to be told later, not how long. */
const TELL_ME_WHEN = / (?:nhan|bao|nhac|bao cho|bao giup|nhan tin cho|nhan cho|goi cho) (?:em|toi|minh|tui|anh|chi|co|chu|bac|giup em|giup toi|giup) (?:[a-z]+ ){0,2}(?:khi|luc|lien khi|ngay khi|khi nao|bao gio)( |$)/;

/** "khi nào sổ đỏ có kết quả thì nhắn zalo báo em": the same request, condition first. */
/** "bật thông báo hồ sơ", "cho em nhận thông báo": switching notifications on. */
const NOTIFICATIONS_ON = / (?:bat|mo|cai|muon nhan|cho (?:em|toi|minh|tui) nhan|dang ky nhan) (?:[a-z]+ ){0,2}thong bao( |$)/;
const WHEN_THEN_TELL = / (?:khi|luc|bao gio|khi nao)(?: [a-z0-9]+){0,8} (?:co ket qua|xong|duoc duyet|tra ket qua) thi (?:nhan|bao|nhac|goi|thong bao)( |$)/;

export function asksToBeTold(folded: string): boolean {
  const text = ` ${folded} `;
  return TELL_ME_WHEN.test(text) || WHEN_THEN_TELL.test(text) || (NOTIFICATIONS_ON.test(text) && !NOTIFICATIONS_OFF.test(text));
}

/** Complaints about how an office treated the citizen: feedback, whatever procedure they name. */
const COMPLAINT = / (?:khieu nai|to cao|phan anh|kien nghi|buc xuc|tieu cuc|nhung nhieu|hach sach|thu them tien|doi tien|voi tien|thai do (?:kem|te|khong|hach)|lam kho)( |$)/;

export function complains(folded: string): boolean {
  return COMPLAINT.test(` ${folded} `);
}

/** "cảm ơn chị, giấy khai sinh nhận được rồi": thanks that mention a procedure, with no new question. */
export function thanksOnly(folded: string): boolean {
  const text = ` ${folded} `;
  return / (?:cam on|thank|thanks|tks)( |$)/.test(text) && !/ (?:cho (?:em|toi|minh|tui|chau) hoi|hoi them|muon hoi|con (?:[a-z]+ ){0,6}thi sao|nhung|khong biet)( |$)/.test(text);
}

/**
 * Everyday topics no procedure is about: loans and interest, shopping and prices, weather,
 * health, sport. Only trusted when no procedure was found with confidence.
 */
const EVERYDAY_TOPIC =
  / (?:lai suat|lai bao nhieu|tin chap|vay (?:tien|nong|ngan hang|online|nhanh|tin chap|the chap|[0-9]+)|cho vay|gia vang|gia xang|chung khoan|co phieu|thoi tiet|troi (?:co )?(?:mua|nang|lanh)|co mua (?:khong|ko|k)|bi sot|ha sot|uong thuoc|uong gi|dau bung|dau dau|iphone|samsung|dien thoai nao|mua (?:giay a4|do|quan ao|dien thoai|xe cu)|o dau re|re (?:vay|khong|nhat)|ship|shipper|shop|op lung|ip[0-9]+|laptop|may tinh|tai nghe|(?:ban|mua) (?:[a-z0-9]+ ){1,6}(?:duoc|gia) bao nhieu|giao hang|dat do an|giao do an|bong da|da banh|ca si|phim|nau an|mon an|cong thuc nau)( |$)/;

export function mentionsEverydayTopic(folded: string): boolean {
  return EVERYDAY_TOPIC.test(` ${folded} `);
}

/** "bắt đầu từ đâu", "bắt đầu thế nào": how to go about a named procedure. */
export function asksWhereToStart(folded: string): boolean {
  return / bat dau (?:tu dau|the nao|ra sao|nhu the nao|sao|tu)( |$)/.test(` ${folded} `);
}

/** "làm thủ tục gì", "làm thế nào" about something named: a procedure question, not a request for the menu. */
export function asksHowToDoSomething(folded: string): boolean {
  return / (?:thu tuc (?:gi|nao|ra sao|the nao|nhu the nao)|lam (?:the nao|sao|nhu the nao|ra sao))( |$)/.test(` ${folded} `);
}
