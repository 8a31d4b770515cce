/**
 * Typo tolerance against a known vocabulary (catalog + intents), on folded
 * syllables: telex leftovers first, then up to one edit (short words) or two edits
 * (5+ letters), found through a precomputed deletion index (SymSpell-style) so a
 * lookup costs a few hash probes instead of a scan of the vocabulary.
 */
import { decodeTelex } from './telex-decode.js';
import { foldDiacritics } from './fold-diacritics.js';
import { MAX_REPAIR_LETTERS } from './message-limits.js';

export interface TypoCorrector {
  /** Folded correction of a folded token, or the token itself. */
  correct(folded: string, accented: string): string;
  /** Vocabulary words within one edit of a folded token, most frequent first. */
  neighbours(folded: string): string[];
  has(folded: string): boolean;
}

function deletes(word: string, depth: number, out: Set<string>): void {
  if (depth === 0 || word.length <= 1) return;
  for (let i = 0; i < word.length; i++) {
    const d = word.slice(0, i) + word.slice(i + 1);
    if (!out.has(d)) {
      out.add(d);
      deletes(d, depth - 1, out);
    }
  }
}

export function editDistance(a: string, b: string): number {
  // Damerau (adjacent transposition) Levenshtein; words are short.
  const m = a.length;
  const n = b.length;
  const d: number[][] = Array.from({ length: m + 1 }, (_, i) => [i, ...Array(n).fill(0)]);
  for (let j = 0; j <= n; j++) d[0][j] = j;
  for (let i = 1; i <= m; i++) {
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[m][n];
}

/** vocabulary: folded word -> frequency. */
export function createTypoCorrector(vocabulary: ReadonlyMap<string, number>): TypoCorrector {
  const index = new Map<string, string[]>();
  const add = (key: string, word: string) => {
    const list = index.get(key);
    if (list) list.push(word);
    else index.set(key, [word]);
  };
  for (const word of vocabulary.keys()) {
    if (word.length < 3 || /\d/.test(word)) continue;
    add(word, word);
    const ds = new Set<string>();
    deletes(word, word.length >= 5 ? 2 : 1, ds);
    for (const d of ds) add(d, word);
  }
  const cache = new Map<string, string>();

  function lookup(word: string): string | null {
    const maxEdits = word.length >= 5 ? 2 : 1;
    const probes = new Set<string>([word]);
    deletes(word, maxEdits, probes);
    let best: string | null = null;
    let bestDist = Infinity;
    let bestFreq = -1;
    for (const p of probes) {
      for (const cand of index.get(p) ?? []) {
        const limit = Math.min(maxEdits, cand.length >= 5 ? 2 : 1);
        const dist = editDistance(word, cand);
        if (dist > limit) continue;
        // Two edits that also change the first letter make another word ("iphone" is not "phòng").
        if (dist === 2 && word[0] !== cand[0]) continue;
        const freq = vocabulary.get(cand) ?? 0;
        if (dist < bestDist || (dist === bestDist && freq > bestFreq)) {
          best = cand;
          bestDist = dist;
          bestFreq = freq;
        }
      }
    }
    return best;
  }

  const neighbourCache = new Map<string, string[]>();
  function neighbours(word: string): string[] {
    if (word.length > MAX_REPAIR_LETTERS) return [];
    const hit = neighbourCache.get(word);
    if (hit) return hit;
    const result = findNeighbours(word);
    if (neighbourCache.size < 50_000) neighbourCache.set(word, result);
    return result;
  }

  function findNeighbours(word: string): string[] {
    const probes = new Set<string>([word]);
    deletes(word, 1, probes);
    const found = new Set<string>();
    for (const p of probes) for (const cand of index.get(p) ?? []) if (cand !== word && editDistance(word, cand) <= 1) found.add(cand);
    return [...found].sort((a, b) => (vocabulary.get(b) ?? 0) - (vocabulary.get(a) ?? 0));
  }

  return {
    has: (w) => vocabulary.has(w),
    neighbours,
    correct(folded, accented) {
      // Longer than a word: not a typo, and a deletion index over it would cost its length cubed.
      if (folded.length < 3 || folded.length > MAX_REPAIR_LETTERS || vocabulary.has(folded) || /\d/.test(folded)) return folded;
      const hit = cache.get(accented);
      if (hit !== undefined) return hit;
      let result = folded;
      const telex = decodeTelex(accented);
      const telexFolded = telex ? foldDiacritics(telex) : null;
      if (telexFolded && vocabulary.has(telexFolded)) result = telexFolded;
      // Three letters are too few to guess an edit from ("atm", "sim", "app" are words, not typos).
      else result = (folded.length >= 4 ? lookup(folded) : null) ?? (telexFolded ? lookup(telexFolded) : null) ?? folded;
      if (cache.size < 50_000) cache.set(accented, result);
      return result;
    },
  };
}
