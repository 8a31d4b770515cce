/**
 * Inverted index over procedure passages (names, heads, aliases, keywords) on folded
 * syllables, with IDF weights over procedures and syllable bigrams for word order.
 * Accented forms are kept beside the folded ones so accented input can prefer the
 * exact word ("chứng tử" vs "chứng từ").
 */
import type { Catalog } from '../services.js';
import { cueWordSet } from './cue-lists.js';
import { WORD_ROLES } from './word-roles.js';
import { foldDiacritics, foldWord } from './fold-diacritics.js';
import { normalizeBasic } from './normalize.js';
import { cleanProcedureName, passagesFromName, type PassageKind } from './procedure-passages.js';
import { markersInName } from './variant-markers.js';

export interface IndexedProcedure {
  code: string;
  name: string;
  groupKey: string;
  /** 0 = cấp xã (what a citizen uses first), 1 = cấp tỉnh, 2 = cấp bộ/other. */
  levelRank: number;
  /** Ids of variant markers present in the name. */
  markers: string[];
  /** Folded syllables and syllable pairs of the name passage: words the procedure explains whichever passage won. */
  nameTokens: Set<string>;
  nameBigrams: Set<string>;
  /** Rare folded words of the name's head ("thẻ căn cước" of "… cho người dưới 14 tuổi"): what the procedure is, not whom it is for. */
  headWords: Set<string>;
  /** Word pairs of the name after its head ("hộ kinh doanh, cá nhân kinh doanh" of a tax settlement): whom or where it is for. */
  qualifierBigrams: Set<string>;
}

export interface Passage {
  proc: number;
  kind: PassageKind;
  folded: string[];
  tokenSet: Set<string>;
  accented: Set<string>;
  bigrams: string[];
  bigramSet: Set<string>;
  total: number;
  /** Weight of the syllables alone (no bigrams): "all its words are in the message" test. */
  unigramTotal: number;
  /** Variant markers this passage carries (an alias only carries those it says). */
  markers: string[];
  /** A head that is another procedure's whole name ("đăng ký khai sinh" of "… cho người đã có hồ sơ"): the plain one is meant unless the rest is said. */
  shadowed?: boolean;
  /** The passage holds one of its procedure's head words (procedure `headWords`). */
  holdsHead?: boolean;
}

export interface ProcedureIndex {
  procs: IndexedProcedure[];
  byCode: Map<string, number>;
  passages: Passage[];
  postings: Map<string, number[]>;
  idf: Map<string, number>;
  maxIdf: number;
  /** Every syllable bigram of every passage with its weight (to tell unknown word pairs). */
  bigramVocab: Map<string, number>;
  /** Bigrams of procedure names (not aliases): unaccented stop words inside one are content ("ho chieu"). */
  nameBigrams: Set<string>;
  /** Word pairs of names as written, with accents ("kết hôn", not "kết quả"). */
  accentedNameBigrams: Set<string>;
  /** The same for aliases ("đổi họ", "nhận con"). */
  accentedAliasBigrams: Set<string>;
  /** Per-passage scratch accumulators for one query (understand() is synchronous). */
  scratch: { m: Float64Array; stop: Float64Array; bigram: Float64Array; procBest: Float64Array; procPassage: Int32Array };
  /** Folded words of the records' whole text: known to the catalog, though no name says them. */
  recordWords: ReadonlySet<string>;
  /** Bigram -> passages holding it. */
  bigramPostings: Map<string, number[]>;
  /** Normalised passage texts, for the typo corrector's vocabulary. */
  vocabularyText: string[];
}

/** Head words rarer than this name the thing ("hộ chiếu", "căn cước"), not the act ("cấp", "đăng ký"). */
const HEAD_WORD_IDF = 1.5;

/** Function words inside procedure names that should not need to be typed. */
const NAME_FILLER = cueWordSet(WORD_ROLES, 'name-filler');

function levelRank(levels: readonly string[]): number {
  const l = levels.map((x) => foldDiacritics(x.toLowerCase()));
  if (l.some((x) => x.includes('cap xa'))) return 0;
  if (l.some((x) => x.includes('cap tinh'))) return 1;
  return 2;
}

export function tokenWeight(idf: ReadonlyMap<string, number>, t: string): number {
  return NAME_FILLER.has(t) ? 0.05 : (idf.get(t) ?? 0);
}

/**
 * recordWords: folded words of the records' whole text (steps, documents, conditions…), which a
 * message may use without any name or alias saying them ("sống", "sức khỏe", "công ty").
 */
export function buildProcedureIndex(catalog: Catalog, recordWords: ReadonlySet<string> = new Set()): ProcedureIndex {
  const procs: IndexedProcedure[] = [];
  const raw: { proc: number; kind: PassageKind; accented: string[]; folded: string[] }[] = [];
  const df = new Map<string, number>();
  catalog.procedures.forEach((p, i) => {
    const name = normalizeBasic(cleanProcedureName(p.name));
    const texts = passagesFromName(name.normalized, catalog.aliasesFor?.(p.code) ?? [], catalog.keywordsFor?.(p.code) ?? []);
    const groupKey = name.folded;
    const nameText = ` ${name.normalized} `;
    procs.push({
      code: p.code,
      name: p.name,
      groupKey,
      levelRank: levelRank(p.levels),
      markers: markersInName(nameText),
      nameTokens: new Set(),
      nameBigrams: new Set(),
      headWords: new Set(),
      qualifierBigrams: new Set(),
    });
    const seen = new Set<string>();
    for (const t of texts) {
      const folded = t.tokens.map(foldWord);
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
  const bigramCache = new Map<string, number>();
  const bw = (b: string) => {
    let w = bigramCache.get(b);
    if (w === undefined) bigramCache.set(b, (w = bigramWeight(idf, b)));
    return w;
  };
  // Heads that are another procedure's whole name.
  const wholeNames = new Map<string, number>();
  for (const r of raw) if (r.kind === 'name') wholeNames.set(r.folded.join(' '), r.proc);
  for (const r of raw) {
    const uniq = [...new Set(r.folded)];
    const bigrams = [...new Set(r.folded.slice(1).map((t, j) => `${r.folded[j]} ${t}`))];
    let total = 0;
    for (const t of uniq) total += tokenWeight(idf, t);
    const unigramTotal = total;
    for (const b of bigrams) total += bw(b);
    const id = passages.length;
    const markers =
      r.kind === 'name' || r.kind === 'head'
        ? procs[r.proc].markers
        : markersInName(r.accented.join(' '));
    if (r.kind === 'head') {
      for (const t of uniq) if (tokenWeight(idf, t) >= HEAD_WORD_IDF) procs[r.proc].headWords.add(t);
      // The name passage came first: its pairs the head lacks are the qualifier's.
      const own = new Set(bigrams);
      for (const b of procs[r.proc].nameBigrams) if (!own.has(b)) procs[r.proc].qualifierBigrams.add(b);
    }
    if (r.kind === 'name') {
      for (const t of uniq) procs[r.proc].nameTokens.add(t);
      for (const b of bigrams) procs[r.proc].nameBigrams.add(b);
    }
    const owner = r.kind === 'head' ? wholeNames.get(r.folded.join(' ')) : undefined;
    const shadowed = owner !== undefined && owner !== r.proc;
    passages.push({ proc: r.proc, kind: r.kind, folded: uniq, tokenSet: new Set(uniq), accented: new Set(r.accented), bigrams, bigramSet: new Set(bigrams), total, unigramTotal, markers, shadowed });
    for (const t of uniq) {
      const list = postings.get(t);
      if (list) list.push(id);
      else postings.set(t, [id]);
    }
  }
  for (const p of passages) if (procs[p.proc].headWords.size) p.holdsHead = p.folded.some((t) => procs[p.proc].headWords.has(t));
  const byCode = new Map(procs.map((p, i) => [p.code, i]));
  const bigramVocab = bigramCache;
  const nameBigrams = new Set(passages.filter((p) => p.kind === 'name' || p.kind === 'head').flatMap((p) => p.bigrams));
  const accentedNameBigrams = new Set(
    raw.filter((r) => r.kind === 'name' || r.kind === 'head').flatMap((r) => r.accented.slice(1).map((t, j) => `${r.accented[j]} ${t}`)),
  );
  const accentedAliasBigrams = new Set(raw.filter((r) => r.kind === 'alias').flatMap((r) => r.accented.slice(1).map((t, j) => `${r.accented[j]} ${t}`)));
  const scratch = {
    m: new Float64Array(passages.length),
    stop: new Float64Array(passages.length),
    bigram: new Float64Array(passages.length),
    procBest: new Float64Array(procs.length).fill(-1),
    procPassage: new Int32Array(procs.length),
  };
  const bigramPostings = new Map<string, number[]>();
  passages.forEach((p, id) => {
    for (const b of p.bigrams) {
      const list = bigramPostings.get(b);
      if (list) list.push(id);
      else bigramPostings.set(b, [id]);
    }
  });
  return { procs, byCode, passages, postings, idf, maxIdf, bigramVocab, nameBigrams, accentedNameBigrams, accentedAliasBigrams, scratch, bigramPostings, recordWords, vocabularyText: raw.map((r) => r.accented.join(' ')) };
}

/** Bigrams count half the mean weight of their syllables: order evidence, not content. */
export function bigramWeight(idf: ReadonlyMap<string, number>, bigram: string): number {
  const [a, b] = bigram.split(' ');
  return 0.25 * (tokenWeight(idf, a) + tokenWeight(idf, b));
}
