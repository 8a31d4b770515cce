/**
 * Inverted index over procedure passages (names, heads, aliases, keywords) on folded
 * syllables, with IDF weights over procedures and syllable bigrams for word order.
 * Accented forms are kept beside the folded ones so accented input can prefer the
 * exact word ("chứng tử" vs "chứng từ").
 */
import type { Catalog } from '../services.js';
import { foldDiacritics } from './fold-diacritics.js';
import { passagesFor, procedureGroupKey, type PassageKind } from './procedure-passages.js';
import { VARIANT_MARKERS } from './stop-words.js';

export interface IndexedProcedure {
  code: string;
  name: string;
  groupKey: string;
  /** 0 = cấp xã (what a citizen uses first), 1 = cấp tỉnh, 2 = cấp bộ/other. */
  levelRank: number;
  /** Ids of variant markers present in the name. */
  markers: string[];
}

export interface Passage {
  proc: number;
  kind: PassageKind;
  folded: string[];
  accented: Set<string>;
  bigrams: string[];
  total: number;
  /** Variant markers this passage carries (an alias only carries those it says). */
  markers: string[];
}

export interface ProcedureIndex {
  procs: IndexedProcedure[];
  byCode: Map<string, number>;
  passages: Passage[];
  postings: Map<string, number[]>;
  idf: Map<string, number>;
  maxIdf: number;
  /** Every syllable bigram of every passage (to tell unknown word pairs). */
  bigramVocab: Set<string>;
  /** Normalised passage texts, for the typo corrector's vocabulary. */
  vocabularyText: string[];
}

/** Function words inside procedure names that should not need to be typed. */
const NAME_FILLER = new Set('cho cua doi voi va cac nhung co duoc trong truong hop tai thuc hien theo ve hoac la mot'.split(' '));

function levelRank(levels: readonly string[]): number {
  const l = levels.map((x) => foldDiacritics(x.toLowerCase()));
  if (l.some((x) => x.includes('cap xa'))) return 0;
  if (l.some((x) => x.includes('cap tinh'))) return 1;
  return 2;
}

export function tokenWeight(idf: ReadonlyMap<string, number>, t: string): number {
  return NAME_FILLER.has(t) ? 0.05 : (idf.get(t) ?? 0);
}

export function buildProcedureIndex(catalog: Catalog): ProcedureIndex {
  const procs: IndexedProcedure[] = [];
  const raw: { proc: number; kind: PassageKind; accented: string[]; folded: string[] }[] = [];
  const df = new Map<string, number>();
  catalog.procedures.forEach((p, i) => {
    const texts = passagesFor(p, catalog.aliasesFor?.(p.code) ?? [], catalog.keywordsFor?.(p.code) ?? []);
    const groupKey = procedureGroupKey(p.name);
    const nameFolded = ` ${texts[0].tokens.map(foldDiacritics).join(' ')} `;
    procs.push({
      code: p.code,
      name: p.name,
      groupKey,
      levelRank: levelRank(p.levels),
      markers: VARIANT_MARKERS.filter((m) => m.name.test(nameFolded)).map((m) => m.id),
    });
    const seen = new Set<string>();
    for (const t of texts) {
      const folded = t.tokens.map(foldDiacritics);
      raw.push({ proc: i, kind: t.kind, accented: t.tokens, folded });
      for (const f of folded) seen.add(f);
    }
    for (const f of seen) df.set(f, (df.get(f) ?? 0) + 1);
  });
  const n = Math.max(procs.length, 1);
  const idf = new Map<string, number>();
  let maxIdf = 0;
  for (const [t, d] of df) {
    const w = Math.log(1 + (n - d + 0.5) / (d + 0.5));
    idf.set(t, w);
    if (w > maxIdf) maxIdf = w;
  }
  const passages: Passage[] = [];
  const postings = new Map<string, number[]>();
  for (const r of raw) {
    const uniq = [...new Set(r.folded)];
    const bigrams = [...new Set(r.folded.slice(1).map((t, j) => `${r.folded[j]} ${t}`))];
    let total = 0;
    for (const t of uniq) total += tokenWeight(idf, t);
    for (const b of bigrams) total += bigramWeight(idf, b);
    const id = passages.length;
    const markers =
      r.kind === 'name' || r.kind === 'head'
        ? procs[r.proc].markers
        : VARIANT_MARKERS.filter((m) => m.name.test(` ${r.folded.join(' ')} `)).map((m) => m.id);
    passages.push({ proc: r.proc, kind: r.kind, folded: uniq, accented: new Set(r.accented), bigrams, total, markers });
    for (const t of uniq) {
      const list = postings.get(t);
      if (list) list.push(id);
      else postings.set(t, [id]);
    }
  }
  const byCode = new Map(procs.map((p, i) => [p.code, i]));
  const bigramVocab = new Set(passages.flatMap((p) => p.bigrams));
  return { procs, byCode, passages, postings, idf, maxIdf, bigramVocab, vocabularyText: raw.map((r) => r.accented.join(' ')) };
}

/** Bigrams count half the mean weight of their syllables: order evidence, not content. */
export function bigramWeight(idf: ReadonlyMap<string, number>, bigram: string): number {
  const [a, b] = bigram.split(' ');
  return 0.25 * (tokenWeight(idf, a) + tokenWeight(idf, b));
}
