/**
 * A message that names no procedure of its own ("còn lệ phí thì sao?", "nộp ở
 * đâu vậy em"): only question and filler words. The NLU may still attach a weak
 * procedure to such a message; the router uses the conversation's topic instead,
 * so a follow-up never jumps to an unrelated procedure.
 */
import { foldText } from './menu.js';

const FILLER = new Set(
  (
    'con thi sao the nao vay a ah nhi nhe nha oi em anh chi toi minh ban ad cho hoi xin biet duoc khong ko k co can gi ' +
    'nhung bao nhieu lau mat may ngay gio tien le phi giay to ho so thoi gian giai quyet nop o dau online truc tuyen ' +
    'tiep qua mang lam thu tuc nay do day kia la gom phai mang theo het tong cong muc thu khi ket qua tra nhan cach de va ' +
    'hay hoac voi cua ve di len ra dang ky rang vui long giup huong dan chi tiet them nua roi duoc truc tiep buu chinh ' +
    'mau don to khai ban chinh ban sao bang cu the xem the thoi uh u vang da dung ok oke okay thanks cam on bao lau mien ' +
    'ton phai tra chi phi nhieu it noi co quan nao nop vao dau ha hem tai sao'
  ).split(' '),
);

export function isPureFollowUp(text: string): boolean {
  const words = foldText(text).split(' ').filter(Boolean);
  return words.length > 0 && words.every((w) => FILLER.has(w) || /^\d+$/.test(w));
}

const DETAIL_WORDS: [RegExp, 'ask_documents' | 'ask_fee' | 'ask_duration' | 'ask_location' | 'ask_online'][] = [
  [/\b(online|truc tuyen|qua mang)\b/, 'ask_online'],
  [/\b(giay to|ho so|mau don|to khai|ban chinh|ban sao)\b/, 'ask_documents'],
  [/\b(le phi|phi|tien|bao nhieu tien|chi phi)\b/, 'ask_fee'],
  [/\b(bao lau|may ngay|thoi gian|bao gio|khi nao)\b/, 'ask_duration'],
  [/\b(o dau|cho nao|noi nao|co quan nao|nop vao dau)\b/, 'ask_location'],
];

/**
 * The detail a bare follow-up asks for ("giấy tờ", "ở đâu làm") when the NLU only
 * saw a general procedure question; undefined when the words say nothing specific.
 */
export function guessDetailIntent(text: string): (typeof DETAIL_WORDS)[number][1] | undefined {
  const f = foldText(text);
  return DETAIL_WORDS.find(([re]) => re.test(f))?.[1];
}
