/**
 * Vietnamese normalisation: an accented canonical view and a folded (no diacritics)
 * view, token-aligned. `normalizeBasic` needs no vocabulary (used to index catalog
 * text); `createNormalizer` adds typo correction against a vocabulary.
 */
import { cleanText } from './clean-text.js';
import { expandAbbreviations } from './expand-abbreviations.js';
import { foldDiacritics, foldWord } from './fold-diacritics.js';
import { createTypoCorrector, editDistance, type TypoCorrector } from './correct-typos.js';
import { looksLikeSyllable } from './syllable-shape.js';
import { decodeTelex } from './telex-decode.js';
import { PHRASE_EXPANSIONS, TOKEN_EXPANSIONS } from './chat-abbreviations.js';
import { MAX_REPAIR_LETTERS } from './message-limits.js';

export interface NormalizedText {
  normalized: string;
  folded: string;
  tokens: string[];
  foldedTokens: string[];
  /** Folded words the typo repair put in place of what was typed (its guesses, not the citizen's words), or kept as typed though they are likely slips ("vạy"). */
  guessed?: ReadonlySet<string>;
  /** True where a token opens a new clause (after a comma, full stop, question mark…): no word pair spans it. */
  clauseStart?: readonly boolean[];
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
  const clauseStart = q.clauseStart?.filter((_, i) => keep[i]);
  return { normalized: tokens.join(' '), folded: foldedTokens.join(' '), tokens, foldedTokens, guessed: q.guessed, clauseStart };
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
  // The everyday names the abbreviation table rewrites ("hộ khẩu") are typed words and word
  // pairs too, though the rewritten vocabulary no longer holds them.
  const typedNames = PHRASE_EXPANSIONS.map(([from]) => from).filter((f) => !f.includes('_'));
  for (const line of [...vocabularyText, ...typedNames]) {
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

  const syllable = (s: string) => known(s) && looksLikeSyllable(s);
  /** Every way to cut a token into two or three known syllables ("tạmtrú", "táchhộkhẩu"). */
  const cuts = (f: string): string[][] => {
    const out: string[][] = [];
    for (let k = 2; k <= f.length - 2; k++) {
      const [a, rest] = [f.slice(0, k), f.slice(k)];
      if (!syllable(a)) continue;
      if (syllable(rest)) out.push([a, rest]);
      for (let j = 2; j <= rest.length - 2; j++) if (syllable(rest.slice(0, j)) && syllable(rest.slice(j))) out.push([a, rest.slice(0, j), rest.slice(j)]);
    }
    return out;
  };
  /**
   * Syllables typed without a space ("đăngký", "xinlý", "tạmtrú", "táchhộkhẩu"): the cut whose
   * parts are known syllables and make known pairs, with each other and with the words around.
   */
  const splitGlued = (f: string, prev?: string, next?: string): string[] | undefined => {
    let best: string[] | undefined;
    let bestScore = 0;
    for (const parts of cuts(f)) {
      let inner = 0;
      for (let i = 1; i < parts.length; i++) inner += Number(pairKnown(parts[i - 1], parts[i]));
      // Every part must hold on to a neighbour: three syllables need both inner pairs known, or one and the context.
      const outer = Number(pairKnown(prev, parts[0])) + Number(pairKnown(parts.at(-1), next));
      if (parts.length === 3 && inner + outer < 2) continue;
      const score = 1 + 2 * inner + outer - (parts.length - 2);
      if (score > bestScore) {
        bestScore = score;
        // Each part in its usual accented form: the tone of a glued token was placed as if it were
        // one syllable ("đăngký" reads "đắngky"), so the typed accents cannot be trusted.
        best = parts.map((p) => preferred.get(p) ?? p);
      }
    }
    return bestScore >= 3 ? best : undefined;
  };
  /**
   * Neighbours that fit the context, those whose usual accented form is one edit from the
   * token as typed first: the accents typed are evidence too ("khai tửu" is "tử" with a doubled
   * letter, not "trú").
   */
  const fitting = (tok: string, f: string, fits: (c: string) => boolean): string | undefined => {
    const list = corrector.neighbours(f).filter(fits);
    if (tok === f) return list[0];
    // Typed with accents, a word two edits from every neighbour as typed ("chặt" is not "cắt") is a word we do not know.
    return list.find((c) => [...(accentedFor.get(c)?.keys() ?? [c])].some((form) => editDistance(tok, form) <= 1));
  };
  /** A telex leftover ("hoj", "chieeus") decoded to a known word, folded; null otherwise. */
  const telexWord = (tok: string): string | null => {
    const decoded = decodeTelex(tok);
    const f = decoded ? foldWord(decoded) : null;
    return f && f !== foldWord(tok) && known(f) ? f : null;
  };

  const normalizeClause = (text: string): NormalizedText => {
    const base = normalizeBasic(text);
    let changed = false;
    const out: string[] = [];
    const outFolded: string[] = [];
    // Each token's telex reading, read at most once (as the next word, then as the word itself).
    const telexRead: (string | null | undefined)[] = [];
    let guessed: Set<string> | undefined;
    /** A word put in place of what was typed. */
    const guess = (t: string) => {
      (guessed ??= new Set()).add(foldWord(t));
      return t;
    };
    const telexAt = (i: number) => (telexRead[i] === undefined ? (telexRead[i] = telexWord(base.tokens[i]!)) : telexRead[i]);
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
      const nextTelex = next === undefined || known(next) ? null : telexAt(i + 1);
      const nextOptions = next === undefined ? [] : known(next) ? [next] : [next, ...(nextTelex ? [nextTelex] : []), ...corrector.neighbours(next)];
      const pairs = (c: string) => pairKnown(prev, c) || nextOptions.some((n) => pairKnown(c, n));
      // Telex typed without the IME ("hoj chieeus"): the decoded word when its neighbours say it.
      const telex = telexAt(i);
      if (telex && pairs(telex)) {
        changed = true;
        return keep(guess(preferred.get(telex) ?? telex));
      }
      const glued = splitGlued(f, prev, next);
      if (glued) {
        changed = true;
        for (const part of glued) keep(guess(part));
        return;
      }
      if (known(f)) {
        // Accents that make no word ("giấy phếp", "gấy pép"): the word its neighbours say, the same
        // letters with other accents first, then one letter away.
        const fit = pairs(f) ? f : fitting(tok, f, pairs);
        // Kept as typed: its letters make a word with other accents ("vạy"), a slip, no new concept.
        if (!fit) {
          changed = true;
          return keep(guess(tok));
        }
        changed = true;
        return keep(fit === f ? preferred.get(fit) ?? fit : guess(preferred.get(fit) ?? fit));
      }
      // One letter off, and its neighbours say which word ("bằg lái" -> bằng lái).
      const inContext = fitting(tok, f, pairs);
      if (inContext) {
        changed = true;
        return keep(guess(preferred.get(inContext) ?? inContext));
      }
      if (looksLikeSyllable(f) && decodeTelex(tok) === null) {
        // A well-formed syllable we do not know is repaired only when one edit makes a word
        // pair the vocabulary knows ("khai inh" -> khai sinh, "can uoc" -> căn cước), with the
        // word before as repaired and the word after as typed or itself one edit away
        // ("gấy pép xây dựng" -> giấy phép).
        const fit = fitting(tok, f, pairs);
        if (fit) {
          changed = true;
          return keep(guess(preferred.get(fit) ?? fit));
        }
        // Kept as typed; one letter from a known word ("vạy"), it is likely a slip, no new concept.
        if (corrector.neighbours(f).length === 0) return keep(tok);
        changed = true;
        return keep(guess(tok));
      }
      if (f.length < 3) return keep(tok);
      const fixed = corrector.correct(f, tok);
      if (fixed === f) return keep(tok);
      changed = true;
      return keep(guess(preferred.get(fixed) ?? fixed));
    });
    if (!changed) return base;
    return { ...fromText(expandAbbreviations(out.join(' '))), guessed };
  };

  // Each clause is repaired on its own (its neighbours are its own words), and its first word is marked.
  return (text) => {
    const parts = text.split(CLAUSE_END);
    if (parts.length === 1) return normalizeClause(text);
    const read = parts.map(normalizeClause).filter((q) => q.tokens.length > 0);
    const tokens = read.flatMap((q) => q.tokens);
    const foldedTokens = read.flatMap((q) => q.foldedTokens);
    const clauseStart = read.flatMap((q, k) => q.tokens.map((_, i) => i === 0 && k > 0));
    let guessed: Set<string> | undefined;
    for (const q of read) for (const g of q.guessed ?? []) (guessed ??= new Set()).add(g);
    return { normalized: tokens.join(' '), folded: foldedTokens.join(' '), tokens, foldedTokens, guessed, clauseStart };
  };
}

/** Punctuation that ends a clause: followed by a space or the end ("TP.HCM", "1.000" are one clause). */
const CLAUSE_END = /[,;:!?…]+|\.+(?=\s|$)|\n|\s[-–]\s/;
