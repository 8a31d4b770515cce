/**
 * Canonical tone-mark placement for Vietnamese syllables, so that "hoà"/"hòa",
 * "thuỷ"/"thủy", "khoẻ"/"khỏe" compare equal. We place marks the way most
 * administrative text does (the "classic" style: hòa, thủy, khỏe).
 */

const TONED: Record<string, [string, number]> = {};
// base vowel -> forms with tones: 0 none, 1 sắc, 2 huyền, 3 hỏi, 4 ngã, 5 nặng
const TABLE: Record<string, string> = {
  a: 'aáàảãạ', ă: 'ăắằẳẵặ', â: 'âấầẩẫậ', e: 'eéèẻẽẹ', ê: 'êếềểễệ', i: 'iíìỉĩị',
  o: 'oóòỏõọ', ô: 'ôốồổỗộ', ơ: 'ơớờởỡợ', u: 'uúùủũụ', ư: 'ưứừửữự', y: 'yýỳỷỹỵ',
};
for (const [base, forms] of Object.entries(TABLE)) {
  [...forms].forEach((ch, tone) => (TONED[ch] = [base, tone]));
}

const MARKED = new Set(['ă', 'â', 'ê', 'ô', 'ơ', 'ư']);

export function isVowel(ch: string): boolean {
  return ch in TONED;
}

/** Split a character into its toneless base vowel and tone (0 when none or not a vowel). */
export function splitTone(ch: string): [string, number] {
  return TONED[ch] ?? [ch, 0];
}

const FORMS: Record<string, string[]> = Object.fromEntries(Object.entries(TABLE).map(([b, f]) => [b, [...f]]));

export function applyTone(base: string, tone: number): string {
  const forms = FORMS[base];
  return forms ? forms[tone] : base;
}

/** Re-place the tone mark of one lower-case syllable; non-Vietnamese words pass through. */
const HAS_TONE = /[áàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ]/;

export function canonicalTone(syllable: string): string {
  if (!HAS_TONE.test(syllable)) return syllable;
  const chars = [...syllable];
  let tone = 0;
  const bare = chars.map((ch) => {
    const [base, t] = splitTone(ch);
    if (t) tone = t;
    return base;
  });
  if (!tone) return syllable;
  // Vowel nucleus: the first run of vowels, skipping the consonant-like u of "qu" and i of "gi".
  let start = bare.findIndex((ch) => isVowel(ch));
  if (start < 0) return syllable;
  if (start > 0 && bare[start - 1] === 'q' && bare[start] === 'u') start++;
  else if (start === 1 && bare[0] === 'g' && bare[1] === 'i' && start + 1 < bare.length && isVowel(bare[start + 1])) start++;
  let end = start;
  while (end < bare.length && isVowel(bare[end])) end++;
  if (start >= end) return syllable;
  const nucleus = bare.slice(start, end);
  let pos: number;
  const markedIdx = nucleus.map((c, i) => (MARKED.has(c) ? i : -1)).filter((i) => i >= 0);
  if (markedIdx.length) pos = markedIdx[markedIdx.length - 1]; // ươ -> ơ, others have one
  else if (nucleus.length === 1) pos = 0;
  else if (end < bare.length) pos = nucleus.length - 1; // closed syllable: last vowel (hoàng, toán)
  else if (nucleus.length === 2) pos = 0; // open, two vowels: first (hòa, thủy, mái)
  else pos = 1; // open, three vowels: middle (ngoài, khuỷu)
  bare[start + pos] = applyTone(bare[start + pos], tone);
  return bare.join('');
}
