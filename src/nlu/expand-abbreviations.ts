/** Rewrites chat shorthand and everyday names into the catalog's wording. */
import { PHRASE_EXPANSIONS, TOKEN_EXPANSIONS } from './chat-abbreviations.js';
import { cueWordSet, loadCues } from './cue-lists.js';
import { foldDiacritics } from './fold-diacritics.js';

/** Phrases by first token, longest first: a token-level scan instead of many regexes. */
function buildPhraseTable(): Map<string, { from: string[]; to: string[] }[]> {
  const table = new Map<string, { from: string[]; to: string[] }[]>();
  for (const [from, to] of PHRASE_EXPANSIONS) {
    for (const form of new Set([from, foldDiacritics(from)])) {
      const tokens = form.split(' ');
      const list = table.get(tokens[0]) ?? [];
      list.push({ from: tokens, to: to.split(' ') });
      table.set(tokens[0], list);
    }
  }
  for (const list of table.values()) list.sort((a, b) => b.from.length - a.from.length);
  return table;
}
const PHRASES = buildPhraseTable();

function expandPhrases(tokens: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < tokens.length; ) {
    const rule = PHRASES.get(tokens[i])?.find((r) => r.from.every((t, k) => tokens[i + k] === t));
    if (rule) {
      out.push(...rule.to);
      i += rule.from.length;
    } else out.push(tokens[i++]);
  }
  return out;
}

/** Words around an ambiguous shorthand that decide its meaning (what each section means: intents/cues/shorthand-context.txt). */
const CONTEXT = loadCues('shorthand-context');
/** "dk" before these is "được" ("làm online dk ko"). */
const NEGATIONS = cueWordSet(CONTEXT, 'dk-for-duoc-before');
/** "mất" before these is "tốn" ("mất bao lâu"). */
const COST_OR_TIME = cueWordSet(CONTEXT, 'mat-for-ton-before');
/** "sd" after these is "sổ đỏ" ("cấp sd"). */
const SD_FOR_SO_DO_AFTER = cueWordSet(CONTEXT, 'sd-for-so-do-after');
/** "chi" before these is "gì" ("làm chi rứa"). */
const CHI_MEANS_GI_BEFORE = cueWordSet(CONTEXT, 'chi-for-gi-before');
/** A trailing "chi" after these is "gì" ("giấy tờ chi"). */
const CHI_GI_AFTER = cueWordSet(CONTEXT, 'chi-for-gi-at-end-after');
/** "h" before these is "giờ" ("h muốn"). */
const H_FOR_GIO_BEFORE = cueWordSet(CONTEXT, 'h-for-gio-before');
/** "hk" after these is "hộ khẩu" ("nhập hk"). */
const HK_FOR_HO_KHAU = cueWordSet(CONTEXT, 'hk-for-ho-khau-after');
/** "bn" before these is "bạn" ("bn ơi"). */
const AFTER_BN_FOR_BAN = cueWordSet(CONTEXT, 'bn-for-ban-before');

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
  if ((tok === 'hong' || tok === 'hồng') && (prev === 'so' || prev === 'sổ' || prev === 'bia' || prev === 'bìa')) {
    // "sổ hồng" (land certificate), not the southern "hông" = không.
    return 'hồng';
  }
  if ((tok === 'a' || tok === 'e') && next === undefined && i > 0) {
    // A trailing "a" is the polite "ạ" typed without accents ("được rồi a"), not "anh".
    return tok === 'a' ? 'ạ' : 'em';
  }
  if (tok === 'h' && next !== undefined && H_FOR_GIO_BEFORE.has(next)) {
    // "h muốn nhập hộ khẩu": giờ (now).
    return 'giờ';
  }
  if (tok === 'hk' && prev !== undefined && HK_FOR_HO_KHAU.has(prev)) {
    // "nhập hk", "ks, hk, bhyt": hộ khẩu; elsewhere hk is "không".
    return 'hộ khẩu';
  }
  const age = /^(\d{1,2})(?:t|tuoi|tuổi)$/.exec(tok);
  if (age) return `${Number(age[1])} tuổi`;
  const level = /^(?:lv|lvl|level|muc|mức)(\d)$/.exec(tok);
  if (level) return `mức độ ${level[1]}`;
  if (tok === 'chi' && i > 0 && (CHI_MEANS_GI_BEFORE.has(next ?? '') || (next === undefined && CHI_GI_AFTER.has(prev ?? '')))) {
    // Central "giấy tờ chi", "làm chi" = gì; "chi phí", "chi nhánh", "chi trả" stay.
    return 'gì';
  }
  if (tok === 'sd' && prev !== undefined && SD_FOR_SO_DO_AFTER.has(prev)) {
    // "cấp sd lần đầu", "làm sd": sổ đỏ (elsewhere sd may be "sử dụng").
    return 'sổ đỏ';
  }
  if (tok === 'nc' && (next === 'ngoài' || next === 'ngoai')) {
    // "người nc ngoài": nước; elsewhere nc is "nói chuyện".
    return 'nước';
  }
  if (tok === 'bn') {
    if ((next !== undefined && AFTER_BN_FOR_BAN.has(next)) || prev === 'chào' || prev === 'chao') return 'bạn';
    return 'bao nhiêu';
  }
  if ((tok === 'mất' || tok === 'mat') && next !== undefined && COST_OR_TIME.has(next)) {
    // "mất bao lâu / mất phí / mất mấy ngày" is what it takes, not a loss ("mất hộ chiếu").
    return 'tốn';
  }
  if (tok === 'nhiêu' || tok === 'nhiu') {
    // Southern "hết nhiêu tiền" = bao nhiêu; "cảm ơn nhiu" = nhiều.
    if (prev === 'ơn' || prev === 'on') return 'nhiều';
    return prev === 'bao' ? 'nhiêu' : 'bao nhiêu';
  }
  return TOKEN_EXPANSIONS[tok] ?? tok;
}

/** Input: cleaned text (see clean-text.ts). Output: expanded cleaned text. */
export function expandAbbreviations(cleaned: string): string {
  const tokens = cleaned.split(' ').filter(Boolean);
  const expanded = tokens.map((_, i) => expandToken(tokens, i)).join(' ').split(' ');
  return expandPhrases(expanded).join(' ');
}
