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

/** NFC, lower case, canonical tones, punctuation/emoji removed, abbreviations expanded. */
export function normalizeBasic(text: string): NormalizedText {
  return fromText(expandAbbreviations(cleanText(text)));
}

export type Normalize = (text: string) => NormalizedText;

/**
 * vocabulary: accented words (catalog names, aliases, intent utterances), already
 * normalised. Returns a normaliser that also repairs typos and telex leftovers.
 */
export function createNormalizer(vocabularyText: Iterable<string>): Normalize {
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
  const corrector: TypoCorrector = createTypoCorrector(freq);

  return (text) => {
    const base = normalizeBasic(text);
    let changed = false;
    const tokens = base.tokens.map((tok, i) => {
      const f = base.foldedTokens[i];
      // Only word-sized tokens are repaired: a link, a blob or a keyboard mash is no typo of a word.
      if (f.length < 2 || f.length > MAX_REPAIR_LETTERS || corrector.has(f) || /\d|_/.test(f)) return tok;
      if (looksLikeSyllable(f) && decodeTelex(tok) === null) {
        // A well-formed syllable we do not know is repaired only when one edit makes a word
        // pair the vocabulary knows ("khai inh" -> khai sinh, "can uoc" -> căn cước).
        const prev = base.foldedTokens[i - 1];
        const next = base.foldedTokens[i + 1];
        const fit = corrector
          .neighbours(f)
          .find((c) => (prev !== undefined && bigrams.has(`${prev} ${c}`)) || (next !== undefined && bigrams.has(`${c} ${next}`)));
        if (!fit) return tok;
        changed = true;
        return preferred.get(fit) ?? fit;
      }
      if (f.length < 3) return tok;
      const fixed = corrector.correct(f, tok);
      if (fixed === f) return tok;
      changed = true;
      return preferred.get(fixed) ?? fixed;
    });
    if (!changed) return base;
    return fromText(expandAbbreviations(tokens.join(' ')));
  };
}
