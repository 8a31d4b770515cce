/**
 * A second reading of the catalog: BM25 over each record's own text (its name, the
 * result it issues, who it is for and its conditions), on folded syllables and syllable
 * pairs. The passage retrieval (procedure-index.ts) knows names and everyday aliases;
 * this finds the procedures nobody wrote an alias for ("tiền sinh con khi nghỉ việc trước
 * khi sinh" → thai sản, "phụ cấp thâm niên nhà giáo nghỉ hưu") and tells when the
 * record's own text disagrees with the passage winner. Built once; a query is a few
 * posting-list walks.
 */
import type { Procedure } from '../catalog/procedure-schema.js';
import { foldWord } from './fold-diacritics.js';
import { normalizeBasic } from './normalize.js';

/** How much each part of a record counts (its name says most about it). */
const FIELD_WEIGHTS: readonly (readonly [(p: Procedure) => string | null | undefined, number])[] = [
  [(p) => p.name, 3],
  [(p) => p.result.name, 1.5],
  [(p) => p.audiences.join(' '), 0.5],
  [(p) => p.conditions?.slice(0, 800), 0.7],
  [(p) => p.documents.map((d) => d.name).join(' ').slice(0, 1200), 0.4],
];
const K1 = 1.2;
/** Terms in more than this share of the records are not walked (their weight is near nothing). */
const COMMON_SHARE = 0.2;
const B = 0.5;

export interface RecordHit {
  code: string;
  /** BM25 score over the query's terms. */
  score: number;
  /** Share of the query's weight the record matches (0..1). */
  cover: number;
}

export interface RecordIndex {
  /** Share of the record name's weight the message says (0..1): a phrase buried in another procedure's long name is not that procedure. */
  nameCover(code: string, foldedTokens: readonly string[]): number;
  search(foldedTokens: readonly string[], isStop: (t: string) => boolean, limit?: number): RecordHit[];
}

const WORD_SPLIT = /[^\p{L}\p{M}\p{N}]+/u;
const NOT_FOLDED = /[^a-z0-9]+/g;

/** The folded syllables of a text, word by word (each word folded once, through foldWord's memo). */
export function foldedWords(text: string): string[] {
  const out: string[] = [];
  for (const word of text.toLowerCase().split(WORD_SPLIT)) {
    if (!word) continue;
    const f = foldWord(word);
    if (!NOT_FOLDED.test(f)) out.push(f);
    else for (const part of f.replace(NOT_FOLDED, ' ').split(' ')) if (part) out.push(part);
    NOT_FOLDED.lastIndex = 0;
  }
  return out;
}

/**
 * Terms are syllables and syllable pairs, interned as numbers: a syllable is its id, a pair
 * `(a + 1) * base + b` of its syllables' ids, base the vocabulary's size (no string is built for a
 * pair). A catalog's records say a few thousand syllables at most, so every key is a small integer,
 * which Maps hash and store without allocating.
 */
export function buildRecordIndex(procedures: readonly Procedure[]): RecordIndex {
  const wordIds = new Map<string, number>();
  const wordId = (w: string) => {
    let id = wordIds.get(w);
    if (id === undefined) wordIds.set(w, (id = wordIds.size));
    return id;
  };
  // Each record's fields as syllable ids, with their weights: the vocabulary is known before any key is
  // made. Records repeat texts (a family's documents and conditions): each text is read once.
  const idsOfText = new Map<string, readonly number[]>();
  const idsOf = (text: string) => {
    let ids = idsOfText.get(text);
    if (!ids) idsOfText.set(text, (ids = foldedWords(text).map(wordId)));
    return ids;
  };
  const fields = procedures.map((p) =>
    FIELD_WEIGHTS.map(([field, weight]) => {
      const text = field(p);
      return { weight, ids: text ? idsOf(text) : [] };
    }),
  );
  const base = wordIds.size + 1;
  // term key -> parallel lists of documents and term frequencies
  const postDocs = new Map<number, number[]>();
  const postTf = new Map<number, number[]>();
  const lengths: number[] = [];
  const nameTerms: Set<string>[] = [];
  const tf = new Map<number, number>();
  procedures.forEach((p, doc) => {
    tf.clear();
    let length = 0;
    for (const { weight, ids } of fields[doc]!) {
      for (let k = 0; k < ids.length; k++) {
        const id = ids[k]!;
        tf.set(id, (tf.get(id) ?? 0) + weight);
        length += weight;
        if (k > 0) {
          const pair = (ids[k - 1]! + 1) * base + id;
          tf.set(pair, (tf.get(pair) ?? 0) + weight);
          length += weight;
        }
      }
    }
    lengths.push(length);
    // The name as a message would be read: the catalog's own abbreviations spelled out ("DSPHSK").
    nameTerms.push(new Set(normalizeBasic(p.name).foldedTokens));
    for (const [t, f] of tf) {
      let docs = postDocs.get(t);
      if (!docs) {
        postDocs.set(t, (docs = []));
        postTf.set(t, []);
      }
      docs.push(doc);
      postTf.get(t)!.push(f);
    }
  });
  const n = procedures.length;
  const avg = lengths.reduce((a, b) => a + b, 0) / Math.max(n, 1);
  const idfOf = (key: number | undefined) => {
    const df = key === undefined ? 0 : (postDocs.get(key)?.length ?? 0);
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  };
  /** A syllable's term key, or undefined when unseen. */
  const unigram = (w: string) => wordIds.get(w);
  const pairKey = (a: string, b: string) => {
    const ia = wordIds.get(a);
    const ib = wordIds.get(b);
    return ia === undefined || ib === undefined ? undefined : (ia + 1) * base + ib;
  };
  const idf = (t: string) => idfOf(unigram(t));

  const docOf = new Map(procedures.map((p, doc) => [p.code, doc]));
  const nameCover = (code: string, words: readonly string[]) => {
    const doc = docOf.get(code);
    if (doc === undefined) return 0;
    const name = nameTerms[doc]!;
    let all = 0;
    let said = 0;
    const query = new Set(words);
    for (const t of name) {
      const w = idf(t);
      all += w;
      if (query.has(t)) said += w;
    }
    return all ? said / all : 0;
  };

  return {
    nameCover,
    search(tokens, isStop, limit = 5) {
      const words = tokens.filter((t) => !isStop(t));
      // Each distinct term once; an unseen one still counts in the total (as a rare term).
      const keys = new Map<string, number | undefined>();
      for (const w of words) keys.set(w, unigram(w));
      for (let i = 1; i < tokens.length; i++) {
        const [a, b] = [tokens[i - 1]!, tokens[i]!];
        if (!isStop(a) || !isStop(b)) keys.set(`${a} ${b}`, pairKey(a, b));
      }
      const scores = new Map<number, number>();
      const matched = new Map<number, number>();
      let total = 0;
      for (const key of keys.values()) {
        const docs = key === undefined ? undefined : postDocs.get(key);
        const w = idfOf(key);
        total += docs ? w : 0;
        // A term in most records hardly tells them apart: it counts in the total, not worth a walk.
        if (!docs || docs.length > COMMON_SHARE * n) continue;
        const tfs = postTf.get(key!)!;
        for (let j = 0; j < docs.length; j++) {
          const doc = docs[j]!;
          const f = tfs[j]!;
          const s = (w * f * (K1 + 1)) / (f + K1 * (1 - B + (B * lengths[doc]!) / avg));
          scores.set(doc, (scores.get(doc) ?? 0) + s);
          matched.set(doc, (matched.get(doc) ?? 0) + w);
        }
      }
      return [...scores.entries()]
        .sort((a, b) => b[1] - a[1])
        .slice(0, limit)
        .map(([doc, score]) => ({ code: procedures[doc]!.code, score, cover: total ? matched.get(doc)! / total : 0 }));
    },
  };
}
