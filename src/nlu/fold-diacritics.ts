/**
 * Diacritic-free view of Vietnamese text (đ -> d), for unaccented input. A per-char
 * table for the Vietnamese letters (the hot path: every token of every message and
 * catalog passage), with Unicode NFD as the fallback for anything else.
 */
import { MAX_CACHED_TOKEN } from './message-limits.js';

const TABLE = new Map<string, string>();
const GROUPS: Record<string, string> = {
  a: 'àáảãạăắằẳẵặâấầẩẫậ', e: 'èéẻẽẹêếềểễệ', i: 'ìíỉĩị', o: 'òóỏõọôốồổỗộơớờởỡợ', u: 'ùúủũụưứừửữự', y: 'ỳýỷỹỵ', d: 'đ',
};
for (const [base, chars] of Object.entries(GROUPS)) {
  for (const ch of chars) {
    TABLE.set(ch, base);
    TABLE.set(ch.toUpperCase(), base.toUpperCase());
  }
}
const ASCII = /^[\x00-\x7f]*$/;
const COMBINING = /[\u0300-\u036f]/;

const cache = new Map<string, string>();

/** foldDiacritics for one word, memoised (vocabularies are small, words repeat); never-words are not kept. */
export function foldWord(word: string): string {
  let f = cache.get(word);
  if (f === undefined) {
    f = foldDiacritics(word);
    if (cache.size < 200_000 && word.length <= MAX_CACHED_TOKEN) cache.set(word, f);
  }
  return f;
}

export function foldDiacritics(text: string): string {
  if (ASCII.test(text)) return text;
  let out = '';
  let other = false;
  for (const ch of text) {
    const f = TABLE.get(ch);
    if (f !== undefined) out += f;
    else {
      out += ch;
      if (ch.charCodeAt(0) > 0x7f) other = true;
    }
  }
  if (other || COMBINING.test(out)) out = out.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  return out;
}
