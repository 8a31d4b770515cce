/**
 * Vietnamese normalisation: an accented canonical view and a folded (no diacritics)
 * view, token-aligned. `normalizeBasic` needs no vocabulary (used to index catalog
 * text); `createNormalizer` adds typo correction against a vocabulary.
 */
import { cleanText } from './clean-text.js';
import { expandAbbreviations } from './expand-abbreviations.js';
import { foldDiacritics, foldWord } from './fold-diacritics.js';
import { createTypoCorrector, type TypoCorrector } from './correct-typos.js';
import { looksLikeSyllable } from './syllable-shape.js';
import { decodeTelex } from './telex-decode.js';
import { TOKEN_EXPANSIONS } from './chat-abbreviations.js';
import { MAX_REPAIR_LETTERS } from './message-limits.js';

export interface NormalizedText {
  normalized: string;
  folded: string;
  tokens: string[];
  foldedTokens: string[];
}

function fromText(normalized: string): NormalizedText {
  const tokens = normalized.split(' ').filter(Boolean);
  const foldedTokens = tokens.map(foldWord);
  return { normalized: tokens.join(' '), folded: foldedTokens.join(' '), tokens, foldedTokens };
}

/** The same text with only the tokens whose `keep` is true. */
export function keptTokens(q: NormalizedText, keep: readonly boolean[]): NormalizedText {
  const tokens = q.tokens.filter((_, i) => keep[i]);
  const foldedTokens = q.foldedTokens.filter((_, i) => keep[i]);
  return { normalized: tokens.join(' '), folded: foldedTokens.join(' '), tokens, foldedTokens };
}

/** NFC, lower case, canonical tones, punctuation/emoji removed, abbreviations expanded. */
export function normalizeBasic(text: string): NormalizedText {
  return fromText(expandAbbreviations(cleanText(text)));
}

export type Normalize = (text: string) => NormalizedText;

/**
 * vocabulary: accented words (catalog names, aliases, intent utterances), already
 * normalised: what typos are repaired towards. knownWords: more real words (the catalog
 * records' whole text) that are never "repaired", though nothing is repaired into them
 * ("liệt" is a word, not a typo of "việt").
 * Returns a normaliser that repairs the ways people mistype: telex leftovers, dropped,
 * doubled or swapped letters, and syllables typed without the space between them.
 */
export function createNormalizer(vocabularyText: Iterable<string>, knownWords: Iterable<string> = []): Normalize {
  const freq = new Map<string, number>();
  const accentedFor = new Map<string, Map<string, number>>();
  const bigrams = new Set<string>();
  // Abbreviation keys are words too: "gpxl" and "passpport" repair to gplx and passport,
  // which are then expanded.
  for (const key of Object.keys(TOKEN_EXPANSIONS)) if (key.length >= 4) freq.set(foldDiacritics(key), 1);
  for (const line of vocabularyText) {
    const folded = line.split(' ').filter(Boolean).map(foldWord);
    for (let i = 1; i < folded.length; i++) bigrams.add(`${folded[i - 1]} ${folded[i]}`);
    for (const tok of line.split(' ')) {
      if (!tok) continue;
      const f = foldDiacritics(tok);
      freq.set(f, (freq.get(f) ?? 0) + 1);
      const forms = accentedFor.get(f) ?? new Map<string, number>();
      forms.set(tok, (forms.get(tok) ?? 0) + 1);
      accentedFor.set(f, forms);
    }
  }
  const preferred = new Map<string, string>();
  for (const [f, forms] of accentedFor) {
    preferred.set(f, [...forms.entries()].sort((a, b) => b[1] - a[1])[0][0]);
  }
  /** Accented words known to be real (typed with accents, they are what they say). */
  const realAccented = new Set<string>();
  for (const forms of accentedFor.values()) for (const w of forms.keys()) realAccented.add(w);
  for (const w of knownWords) realAccented.add(w);
  const corrector: TypoCorrector = createTypoCorrector(freq);
  const known = (f: string) => corrector.has(f);
  const pairKnown = (a: string | undefined, b: string | undefined) => a !== undefined && b !== undefined && bigrams.has(`${a} ${b}`);

  /**
   * Two syllables typed without a space ("đăngký", "xinlý", "tạmtrú"): the split whose halves
   * are both known syllables, preferring one whose halves make a known pair.
   */
  const splitGlued = (tok: string, f: string, prev?: string, next?: string): [string, string] | undefined => {
    let best: [string, string] | undefined;
    let bestScore = 0;
    for (let k = 2; k <= f.length - 2; k++) {
      const [a, b] = [f.slice(0, k), f.slice(k)];
      if (!known(a) || !known(b) || !looksLikeSyllable(a) || !looksLikeSyllable(b)) continue;
      const score = 1 + 2 * Number(pairKnown(a, b)) + Number(pairKnown(prev, a)) + Number(pairKnown(b, next));
      if (score > bestScore) {
        bestScore = score;
        // Each half in its usual accented form: the tone of a glued token was placed as if it were
        // one syllable ("đăngký" reads "đắngky"), so the typed accents cannot be trusted.
        best = [preferred.get(a) ?? a, preferred.get(b) ?? b];
      }
    }
    return bestScore >= 3 ? best : undefined;
  };

  return (text) => {
    const base = normalizeBasic(text);
    let changed = false;
    const out: string[] = [];
    const outFolded: string[] = [];
    base.tokens.forEach((tok, i) => {
      const keep = (t: string) => {
        out.push(t);
        outFolded.push(foldWord(t));
      };
      const f = base.foldedTokens[i]!;
      // Only word-sized tokens are repaired: a link, a blob or a keyboard mash is no typo of a word.
      if (f.length < 2 || f.length > MAX_REPAIR_LETTERS || /\d|_/.test(f)) return keep(tok);
      // A real word typed with its accents is that word, known to the catalog or not; without accents, a known folding.
      if (realAccented.has(tok) || (tok === f && known(f))) return keep(tok);
      const prev = outFolded[outFolded.length - 1];
      const next = base.foldedTokens[i + 1];
      const nextOptions = next === undefined ? [] : known(next) ? [next] : [next, ...corrector.neighbours(next)];
      const pairs = (c: string) => pairKnown(prev, c) || nextOptions.some((n) => pairKnown(c, n));
      const glued = splitGlued(tok, f, prev, next);
      if (glued) {
        changed = true;
        keep(glued[0]);
        return keep(glued[1]);
      }
      if (known(f)) {
        // Accents that make no word ("giấy phếp", "gấy pép"): the word its neighbours say, the same
        // letters with other accents first, then one letter away.
        const fit = pairs(f) ? f : corrector.neighbours(f).find(pairs);
        if (!fit) return keep(tok);
        changed = true;
        return keep(preferred.get(fit) ?? fit);
      }
      // One letter off, and its neighbours say which word ("bằg lái" -> bằng lái).
      const inContext = corrector.neighbours(f).find(pairs);
      if (inContext) {
        changed = true;
        return keep(preferred.get(inContext) ?? inContext);
      }
      if (looksLikeSyllable(f) && decodeTelex(tok) === null) {
        // A well-formed syllable we do not know is repaired only when one edit makes a word
        // pair the vocabulary knows ("khai inh" -> khai sinh, "can uoc" -> căn cước), with the
        // word before as repaired and the word after as typed or itself one edit away
        // ("gấy pép xây dựng" -> giấy phép).
        const fit = corrector.neighbours(f).find(pairs);
        if (!fit) return keep(tok);
        changed = true;
        return keep(preferred.get(fit) ?? fit);
      }
      if (f.length < 3) return keep(tok);
      const fixed = corrector.correct(f, tok);
      if (fixed === f) return keep(tok);
      changed = true;
      return keep(preferred.get(fixed) ?? fixed);
    });
    if (!changed) return base;
    return fromText(expandAbbreviations(out.join(' ')));
  };
}
