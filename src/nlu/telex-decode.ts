/**
 * Undo telex typing leftovers ("sinhf", "ddang", "kys", "nuwowcs") so the typo
 * corrector sees the intended syllable. Returns null when nothing looked like telex.
 */
import { applyTone, canonicalTone, splitTone } from './vietnamese-tone.js';

const TONE_KEYS: Record<string, number> = { s: 1, f: 2, r: 3, x: 4, j: 5 };
const VOWEL_KEYS: ReadonlyArray<readonly [RegExp, string]> = [
  [/dd/g, 'đ'], [/uow/g, 'ươ'], [/uwow/g, 'ươ'], [/aw/g, 'ă'], [/aa/g, 'â'], [/ee/g, 'ê'],
  [/oo/g, 'ô'], [/ow/g, 'ơ'], [/uw/g, 'ư'],
];

export function decodeTelex(word: string): string | null {
  let w = word;
  let tone = 0;
  const last = w[w.length - 1];
  if (w.length > 2 && last in TONE_KEYS && /[aeiouyăâêôơư]/.test(w.slice(0, -1))) {
    tone = TONE_KEYS[last];
    w = w.slice(0, -1);
  }
  for (const [re, rep] of VOWEL_KEYS) w = w.replace(re, rep);
  if (!tone && w === word) return null;
  if (!tone) return w;
  // Put the tone on the first vowel; canonicalTone moves it to the right place.
  const chars = [...w];
  const idx = chars.findIndex((c) => splitTone(c)[0] !== c || /[aeiouyăâêôơư]/.test(c));
  if (idx < 0) return w;
  chars[idx] = applyTone(splitTone(chars[idx])[0], tone);
  return canonicalTone(chars.join(''));
}
