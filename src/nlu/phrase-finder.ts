/**
 * Finds cue phrases in a token sequence in one left-to-right pass: phrases are grouped
 * by their first word, so each position checks only the phrases that can start there
 * (linear in the message for a fixed list). The longest phrase at a position wins.
 */
export interface PhraseHit {
  /** Index of the first token of the phrase. */
  start: number;
  /** Index after its last token. */
  end: number;
}

export interface PhraseFinder {
  /** Every non-overlapping hit, left to right. */
  findAll(tokens: readonly string[], from?: number, to?: number): PhraseHit[];
  /** The hit starting exactly at `i`, if any. */
  at(tokens: readonly string[], i: number): PhraseHit | undefined;
}

export function createPhraseFinder(phrases: readonly (readonly string[])[]): PhraseFinder {
  const byFirst = new Map<string, (readonly string[])[]>();
  for (const p of phrases) {
    if (!p.length) continue;
    const list = byFirst.get(p[0]!) ?? [];
    list.push(p);
    byFirst.set(p[0]!, list);
  }
  // Longest first, so "khong phai la" wins over "khong phai".
  for (const list of byFirst.values()) list.sort((a, b) => b.length - a.length);

  const at = (tokens: readonly string[], i: number, to = tokens.length): PhraseHit | undefined => {
    const list = byFirst.get(tokens[i] ?? '');
    if (!list) return undefined;
    for (const p of list) {
      if (i + p.length > to) continue;
      let ok = true;
      for (let k = 1; k < p.length && ok; k++) ok = tokens[i + k] === p[k];
      if (ok) return { start: i, end: i + p.length };
    }
    return undefined;
  };

  return {
    at: (tokens, i) => at(tokens, i),
    findAll(tokens, from = 0, to = tokens.length) {
      const hits: PhraseHit[] = [];
      for (let i = from; i < to; i++) {
        const h = at(tokens, i, to);
        if (h) {
          hits.push(h);
          i = h.end - 1;
        }
      }
      return hits;
    },
  };
}
