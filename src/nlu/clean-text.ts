/** First normalisation pass: Unicode, case, tone placement, punctuation, emoji. */
import { canonicalTone } from './vietnamese-tone.js';

// Letters Vietnamese uses plus ASCII letters and digits; everything else is a separator.
const NON_WORD = /[^0-9a-zàáảãạăắằẳẵặâấầẩẫậèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵđ_]+/g;

const toneCache = new Map<string, string>();
function cachedTone(w: string): string {
  let t = toneCache.get(w);
  if (t === undefined) {
    t = /^\d+$/.test(w) ? String(Number(w)) : canonicalTone(w);
    if (toneCache.size < 100_000) toneCache.set(w, t);
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
