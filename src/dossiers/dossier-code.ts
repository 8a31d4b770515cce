/**
 * Dossier codes (mã hồ sơ, the receipt number). One-stop systems print
 * `<agency>-<yymmdd>-<sequence>` (000.00.12.H12-240315-0001); other systems
 * (BHXH 03706/2026/07906, older CBQTG2018051589HK) use other shapes, so any
 * reasonable token is accepted; the stored code is upper case without spaces.
 */

/** Upper case, trimmed, spaces removed (also around '-' and '.'). */
export function normaliseDossierCode(raw: string): string {
  return raw.normalize('NFC').trim().replace(/\s+/g, '').toUpperCase();
}

export const ONE_STOP_CODE = /^[0-9A-Z.]+-\d{6}-\d{4,}$/;

/** The longest code the feed accepts; no longer token is ever a code. */
export const MAX_CODE_CHARS = 64;

const ACCEPTABLE = new RegExp(`^[0-9A-Z][0-9A-Z./_-]{3,${MAX_CODE_CHARS - 1}}$`);

/** Accepted as a code in the feed: 4–64 chars of letters, digits and . - / _ with at least one digit. */
export function isAcceptableDossierCode(code: string): boolean {
  return ACCEPTABLE.test(code) && /\d/.test(code);
}

// Patterns run on the text with its white space squeezed to single spaces, so an optional
// space stands for any amount and nothing backtracks over a long run (linear in the text).
// One-stop codes, tolerating stray spaces around '-' and '.'; a code starts a word.
const ONE_STOP_IN_TEXT = /(?<![0-9A-Za-z])([0-9A-Za-z]{1,16}(?: ?\. ?[0-9A-Za-z]{1,16}){1,8} ?- ?\d{6} ?- ?\d{4,})/;
// Other shapes, only after "mã hồ sơ", "hồ sơ số", "số hồ sơ", "mã" …
const INTRODUCER = /(?:m[aã] ?(?:h[oồ] ?s[oơ])?|h[oồ] ?s[oơ](?: ?s[oố])?|s[oố] ?h[oồ] ?s[oơ]|s[oố] ?bi[eê]n ?nh[aậ]n) ?(?:l[aà]|:)? ?(?=\S)/gi;
const WORD = /\S+/g;
/** Runs of white space and single tabs or newlines (a lone space stays: no needless copy). */
const SPACES = /\s{2,}|[^\S ]/g;
/** The introducer and the next few words: "mã hồ sơ của tôi là X". */
const WORDS_AFTER_INTRODUCER = 6;

/** In free text, a receipt number, not a 4-digit challenge answer, a phone or a CCCD number. */
function looksLikeReceiptNumber(code: string): boolean {
  return isAcceptableDossierCode(code) && code.length >= 6 && !/^\d{1,12}$/.test(code);
}

/** A word as a code, or null (trailing punctuation dropped; a long word or one without a digit is not looked at). */
function asCode(word: string): string | null {
  if (word.length > MAX_CODE_CHARS * 2 || !/\d/.test(word)) return null;
  const code = normaliseDossierCode(withoutTrailingPunctuation(word));
  return looksLikeReceiptNumber(code) ? code : null;
}

function withoutTrailingPunctuation(word: string): string {
  let end = word.length;
  while (end > 0 && '.,;!?'.includes(word[end - 1])) end--;
  return word.slice(0, end);
}

/**
 * A code in free text, or null. `bare` accepts a message that is only a token
 * (the answer to "mã hồ sơ của anh/chị là gì?"). Linear in the text's length.
 */
export function extractDossierCode(raw: string, opts: { bare?: boolean } = {}): string | null {
  const text = raw.replace(SPACES, ' ');
  const oneStop = ONE_STOP_IN_TEXT.exec(text);
  if (oneStop) return normaliseDossierCode(oneStop[1]);
  // "mã hồ sơ của tôi là X": the first introduced word that looks like a code. Each introducer
  // reads a few words, and the search goes on after the first of them (never rescans the rest).
  INTRODUCER.lastIndex = 0;
  while (INTRODUCER.exec(text)) {
    WORD.lastIndex = INTRODUCER.lastIndex;
    let resumeAt = -1;
    for (let k = 0; k < WORDS_AFTER_INTRODUCER; k++) {
      const w = WORD.exec(text);
      if (!w) break;
      if (k === 0) resumeAt = WORD.lastIndex;
      const code = asCode(w[0]);
      if (code) return code;
    }
    if (resumeAt < 0) break;
    INTRODUCER.lastIndex = resumeAt;
  }
  if (opts.bare) {
    const token = text.trim();
    if (!token.includes(' ')) return asCode(token);
  }
  return null;
}
