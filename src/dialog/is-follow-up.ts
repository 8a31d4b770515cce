/**
 * A message that names no procedure of its own ("còn lệ phí thì sao?", "nộp ở
 * đâu vậy em"): only question and filler words. The NLU may still attach a weak
 * procedure to such a message; the router uses the conversation's topic instead,
 * so a follow-up never jumps to an unrelated procedure.
 * Words are compared with their tone marks ("giảm" is filler, "giám hộ" is not);
 * a message typed without any marks is compared folded, with the words whose
 * folded form is also part of a procedure name ("so", "do", "con"…) left out.
 */
import { foldText } from './menu.js';

const FILLER_WORDS =
  'còn thì sao thế nào vậy vầy à ạ ah nhỉ nhé nha ơi em anh chị tôi mình bạn ad cho hỏi xin biết được không ko k có cần gì ' +
  'những bao nhiêu lâu mất mấy ngày giờ tiền lệ phí giấy tờ hồ sơ thời gian hạn giải quyết nộp ở đâu online trực tuyến ' +
  'tiếp qua mạng làm thủ tục này đó đây kia là gồm phải mang theo hết tổng cộng mức thu khi kết quả trả nhận cách để và ' +
  'hay hoặc với của về đi lên ra đăng ký rằng vui lòng giúp hướng dẫn chi tiết thêm nữa rồi trực tiếp bưu chính ' +
  'mẫu đơn tờ khai bản chính sao bằng cụ thể xem thôi uh ừ vâng dạ đúng ok oke okay thanks cảm ơn miễn tốn chi ' +
  'nhiều ít nơi cơ quan nào vào hả hem tại xử lý xong lấy giá giảm điều kiện yêu cầu thông tin cũ như các bước trình thực hiện';

const ACCENTED = new Set(FILLER_WORDS.split(' '));
/** Folded forms that are also words of procedure names (sổ đỏ, giám hộ, nhận con): not filler when unaccented. */
const AMBIGUOUS_FOLDED = new Set(['so', 'do', 'con', 'nhan', 'giam', 'ho', 'tu', 'dang', 'ky', 'ban']);
const FOLDED = new Set([...ACCENTED].map((w) => foldText(w)).filter((w) => w && !AMBIGUOUS_FOLDED.has(w)));

const words = (text: string) =>
  text
    .normalize('NFC')
    .toLocaleLowerCase('vi')
    .replace(/[^\p{L}\p{N}\s]+/gu, ' ')
    .split(/\s+/)
    .filter(Boolean);

export function isPureFollowUp(text: string): boolean {
  const list = words(text);
  if (!list.length) return false;
  const marked = list.some((w) => foldText(w) !== w);
  return list.every((w) => /^\d+$/.test(w) || (marked ? ACCENTED.has(w) : FOLDED.has(w)));
}

const DETAIL_WORDS: [RegExp, 'ask_documents' | 'ask_fee' | 'ask_duration' | 'ask_location' | 'ask_online'][] = [
  [/\b(online|truc tuyen|qua mang)\b/, 'ask_online'],
  [/\b(giay to|ho so|mau don|to khai|ban chinh|ban sao)\b/, 'ask_documents'],
  [/\b(le phi|phi|tien|bao nhieu tien|chi phi)\b/, 'ask_fee'],
  [/\b(bao lau|may ngay|thoi gian|thoi han|bao gio|khi nao)\b/, 'ask_duration'],
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
