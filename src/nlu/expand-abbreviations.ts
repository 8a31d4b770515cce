/** Rewrites chat shorthand and everyday names into the catalog's wording. */
import { PHRASE_EXPANSIONS, TOKEN_EXPANSIONS } from './chat-abbreviations.js';
import { foldDiacritics } from './fold-diacritics.js';

interface PhraseRule {
  pattern: RegExp;
  replacement: string;
}

function buildPhraseRules(): PhraseRule[] {
  const rules: PhraseRule[] = [];
  const sorted = [...PHRASE_EXPANSIONS].sort((a, b) => b[0].length - a[0].length);
  for (const [from, to] of sorted) {
    for (const form of new Set([from, foldDiacritics(from)])) {
      rules.push({ pattern: new RegExp(`(^| )${form}(?= |$)`, 'g'), replacement: `$1${to}` });
    }
  }
  return rules;
}
const PHRASE_RULES = buildPhraseRules();

const NEGATIONS = new Set(['không', 'chưa', 'rồi', 'ko', 'k', 'hok', 'hông', 'khg', 'kg', 'hem', 'khum', 'hk']);
const AFTER_BN_FOR_BAN = new Set(['ơi', 'oi', 'nhé', 'nha', 'ạ']);

/** Expand one token using its neighbours where the shorthand is ambiguous. */
function expandToken(tokens: string[], i: number): string {
  const tok = tokens[i];
  const prev = tokens[i - 1];
  const next = tokens[i + 1];
  if (tok === 'kh') {
    // "đk kh" = đăng ký kết hôn; elsewhere kh is "không".
    return prev === 'dk' || prev === 'đk' || prev === 'ký' || prev === 'ky' ? 'kết hôn' : 'không';
  }
  if (tok === 'dk' || tok === 'đk') {
    // "làm online dk ko" = được; "dk khai sinh" = đăng ký.
    if ((next !== undefined && NEGATIONS.has(next)) || (next === undefined && i > 0)) return 'được';
    return 'đăng ký';
  }
  if (tok === 'bn') {
    if ((next !== undefined && AFTER_BN_FOR_BAN.has(next)) || prev === 'chào' || prev === 'chao') return 'bạn';
    return 'bao nhiêu';
  }
  if (tok === 'nhiêu' || tok === 'nhiu') {
    // Southern "hết nhiêu tiền" = bao nhiêu.
    return prev === 'bao' ? 'nhiêu' : 'bao nhiêu';
  }
  return TOKEN_EXPANSIONS[tok] ?? tok;
}

/** Input: cleaned text (see clean-text.ts). Output: expanded cleaned text. */
export function expandAbbreviations(cleaned: string): string {
  const tokens = cleaned.split(' ').filter(Boolean);
  let text = tokens.map((_, i) => expandToken(tokens, i)).join(' ');
  for (const rule of PHRASE_RULES) text = text.replace(rule.pattern, rule.replacement);
  return text;
}
