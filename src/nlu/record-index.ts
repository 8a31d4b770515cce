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
import { foldDiacritics } from './fold-diacritics.js';
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

/** The folded syllables of a text. */
export function foldedWords(text: string): string[] {
  return foldDiacritics(text.toLowerCase()).replace(/[^a-z0-9]+/g, ' ').trim().split(' ').filter(Boolean);
}

/**
 * Terms are syllables and syllable pairs, interned as numbers: a syllable gets an id, a pair
 * the key `a * PAIR_BASE + b` of its syllables' ids (no string is built for a pair).
 */
const PAIR_BASE = 2 ** 21;

export function buildRecordIndex(procedures: readonly Procedure[]): RecordIndex {
  const wordIds = new Map<string, number>();
  const wordId = (w: string) => {
    let id = wordIds.get(w);
    if (id === undefined) wordIds.set(w, (id = wordIds.size));
    return id;
  };
  // term key -> parallel lists of documents and term frequencies
  const postDocs = new Map<number, number[]>();
  const postTf = new Map<number, number[]>();
  const lengths: number[] = [];
  const nameTerms: Set<string>[] = [];
  const tf = new Map<number, number>();
  procedures.forEach((p, doc) => {
    tf.clear();
    let length = 0;
    for (const [field, weight] of FIELD_WEIGHTS) {
      const text = field(p);
      if (!text) continue;
      let prev = -1;
      for (const w of foldedWords(text)) {
        const id = wordId(w);
        tf.set(id + PAIR_BASE * PAIR_BASE, (tf.get(id + PAIR_BASE * PAIR_BASE) ?? 0) + weight);
        length += weight;
        if (prev >= 0) {
          const pair = prev * PAIR_BASE + id;
          tf.set(pair, (tf.get(pair) ?? 0) + weight);
          length += weight;
        }
        prev = id;
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
  /** A syllable's term key (unigrams live above every pair key), or undefined when unseen. */
  const unigram = (w: string) => {
    const id = wordIds.get(w);
    return id === undefined ? undefined : id + PAIR_BASE * PAIR_BASE;
  };
  const pairKey = (a: string, b: string) => {
    const ia = wordIds.get(a);
    const ib = wordIds.get(b);
    return ia === undefined || ib === undefined ? undefined : ia * PAIR_BASE + ib;
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
