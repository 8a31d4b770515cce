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

export function foldedTerms(text: string): string[] {
  const words = foldDiacritics(text.toLowerCase()).replace(/[^a-z0-9]+/g, ' ').trim().split(' ').filter(Boolean);
  const terms = [...words];
  for (let i = 1; i < words.length; i++) terms.push(`${words[i - 1]} ${words[i]}`);
  return terms;
}

export function buildRecordIndex(procedures: readonly Procedure[]): RecordIndex {
  const postings = new Map<string, { doc: number; tf: number }[]>();
  const lengths: number[] = [];
  const nameTerms: Set<string>[] = [];
  procedures.forEach((p, doc) => {
    const tf = new Map<string, number>();
    let length = 0;
    for (const [field, weight] of FIELD_WEIGHTS) {
      const text = field(p);
      if (!text) continue;
      for (const t of foldedTerms(text)) {
        tf.set(t, (tf.get(t) ?? 0) + weight);
        length += weight;
      }
    }
    lengths.push(length);
    nameTerms.push(new Set(foldDiacritics(p.name.toLowerCase()).replace(/[^a-z0-9]+/g, ' ').trim().split(' ')));
    for (const [t, f] of tf) {
      const list = postings.get(t) ?? [];
      list.push({ doc, tf: f });
      postings.set(t, list);
    }
  });
  const n = procedures.length;
  const avg = lengths.reduce((a, b) => a + b, 0) / Math.max(n, 1);
  const idf = (t: string) => {
    const df = postings.get(t)?.length ?? 0;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  };

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
      const terms = new Set(words);
      for (let i = 1; i < tokens.length; i++) if (!isStop(tokens[i - 1]!) || !isStop(tokens[i]!)) terms.add(`${tokens[i - 1]} ${tokens[i]}`);
      const scores = new Map<number, number>();
      const matched = new Map<number, number>();
      let total = 0;
      for (const t of terms) {
        const list = postings.get(t);
        const w = idf(t);
        total += list ? w : 0;
        // A term in most records hardly tells them apart: it counts in the total, not worth a walk.
        if (!list || list.length > COMMON_SHARE * n) continue;
        for (const { doc, tf } of list) {
          const s = (w * tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * lengths[doc]!) / avg));
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
