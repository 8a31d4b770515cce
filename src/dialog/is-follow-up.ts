/**
 * A message that names no procedure of its own ("còn lệ phí thì sao?", "nộp ở
 * đâu vậy em"): only question and filler words. The NLU may still attach a weak
 * procedure to such a message; the router uses the conversation's topic instead,
 * so a follow-up never jumps to an unrelated procedure.
 * Words are compared with their tone marks ("giảm" is filler, "giám hộ" is not);
 * a message typed without any marks is compared folded, with the words whose
 * folded form is also part of a procedure name ("so", "do", "con"…) left out.
 */
import { cueWordSet, loadCues } from '../nlu/cue-lists.js';
import { foldText } from './menu.js';

/** The filler words, with their tone marks, and the folded forms that are not filler (intents/cues/follow-up-filler.txt). */
const FILLER = loadCues('follow-up-filler');
const ACCENTED = cueWordSet(FILLER, 'filler');
/** Folded forms that are also words of procedure names (sổ đỏ, giám hộ, nhận con): not filler when unaccented. */
const AMBIGUOUS_FOLDED = cueWordSet(FILLER, 'ambiguous-folded');
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
