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

/** Accepted as a code in the feed: 4–64 chars of letters, digits and . - / _ with at least one digit. */
export function isAcceptableDossierCode(code: string): boolean {
  return /^[0-9A-Z][0-9A-Z./_-]{3,63}$/.test(code) && /\d/.test(code);
}

// One-stop codes, tolerating stray spaces around '-' and '.'.
const ONE_STOP_IN_TEXT = /([0-9A-Za-z]+(?:\s*\.\s*[0-9A-Za-z]+)+\s*-\s*\d{6}\s*-\s*\d{4,})/;
// Other shapes, only after "mã hồ sơ", "hồ sơ số", "số hồ sơ", "mã" …
const INTRODUCED_CODE = /(?:m[aã]\s*(?:h[oồ]\s*s[oơ])?|h[oồ]\s*s[oơ](?:\s*s[oố])?|s[oố]\s*h[oồ]\s*s[oơ]|s[oố]\s*bi[eê]n\s*nh[aậ]n)\s*(?:l[aà]|:)?\s*(\S+)/i;

/** In free text, a receipt number, not a 4-digit challenge answer, a phone or a CCCD number. */
function looksLikeReceiptNumber(code: string): boolean {
  return isAcceptableDossierCode(code) && code.length >= 6 && !/^\d{1,12}$/.test(code);
}

/**
 * A code in free text, or null. `bare` accepts a message that is only a token
 * (the answer to "mã hồ sơ của anh/chị là gì?").
 */
export function extractDossierCode(text: string, opts: { bare?: boolean } = {}): string | null {
  const oneStop = ONE_STOP_IN_TEXT.exec(text);
  if (oneStop) return normaliseDossierCode(oneStop[1]);
  // "mã hồ sơ của tôi là X": the first introduced token that looks like a code.
  for (const m of text.matchAll(new RegExp(INTRODUCED_CODE.source, 'gi'))) {
    const rest = text.slice((m.index ?? 0) + m[0].length - m[1].length);
    for (const w of [m[1], ...rest.split(/\s+/).slice(1, 6)]) {
      const code = normaliseDossierCode(w.replace(/[.,;!?]+$/, ''));
      if (looksLikeReceiptNumber(code)) return code;
    }
  }
  if (opts.bare) {
    const token = text.trim().replace(/[.,;!?]+$/, '');
    if (!/\s/.test(token)) {
      const code = normaliseDossierCode(token);
      if (looksLikeReceiptNumber(code)) return code;
    }
  }
  return null;
}
