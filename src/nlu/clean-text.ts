/** First normalisation pass: Unicode, case, tone placement, punctuation, emoji. */
import { canonicalTone } from './vietnamese-tone.js';
import { MAX_CACHED_TOKEN } from './message-limits.js';

// Letters Vietnamese uses plus ASCII letters and digits; everything else is a separator.
const NON_WORD = /[^0-9a-zàáảãạăắằẳẵặâấầẩẫậèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵđ_]+/g;

const LEADING_ZEROS = /^0+(?=\d)/;

const toneCache = new Map<string, string>();
function cachedTone(w: string): string {
  let t = toneCache.get(w);
  if (t === undefined) {
    // Leading zeros dropped ("mức 02" = "mức 2"); not through Number(), which makes 5,000 digits "Infinity".
    t = /^\d+$/.test(w) ? w.replace(LEADING_ZEROS, '') : canonicalTone(w);
    if (toneCache.size < 100_000 && w.length <= MAX_CACHED_TOKEN) toneCache.set(w, t);
  }
  return t;
}

/** NFC (composed, so decomposed input compares equal), lower case, canonical tones, words only. */
export function cleanText(text: string): string {
  const lower = text.normalize('NFC').toLowerCase();
  return lower
    .replace(NON_WORD, ' ')
    .split(' ')
    .filter(Boolean)
    .map(cachedTone)
    .join(' ');
}
