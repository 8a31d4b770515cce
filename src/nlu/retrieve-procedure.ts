/**
 * Finds the procedure a message is about. Each passage gets an IDF-weighted overlap
 * score: the geometric mean of how much of the passage the message covers (syllables
 * + bigrams) and how much of the message's content the passage explains. A procedure
 * scores its best passage, held back by variant markers the message does not say,
 * then the same procedure at several levels is ordered xã, tỉnh, bộ.
 */
import type { ProcedureCandidate } from './nlu-types.js';
import type { NormalizedText } from './normalize.js';
import { bigramWeight, tokenWeight, type ProcedureIndex } from './procedure-index.js';
import { QUERY_STOP_WORDS, VARIANT_MARKERS } from './stop-words.js';
import { foldDiacritics } from './fold-diacritics.js';

export interface Retrieval {
  procedure: ProcedureCandidate | null;
  candidates: ProcedureCandidate[];
  ambiguous: boolean;
  /** Best score before the confidence cut (0..1). */
  bestScore: number;
  /** Content words of the message that the best procedure does not explain. */
  unexplained: string[];
}

/** Below this the best procedure is not trusted (tuned on our own held-out set). */
export const ACCEPT_SCORE = 0.55;
/** ...raised when the message has content words the catalog has never seen ("visa", "karaoke"). */
export const ACCEPT_SCORE_WITH_UNKNOWN = 0.8;
/** A second procedure this close to the first makes the answer ambiguous. */
const AMBIGUOUS_RATIO = 0.9;
const KIND_FACTOR = { name: 1, head: 0.95, alias: 1, keyword: 0.75 } as const;
const VARIANT_PENALTY = 0.8;
/** A procedure lacking what the message says ("cấp lại", "người nước ngoài") is held back harder. */
const SAID_PENALTY = 0.75;
/** Said markers that rule out a plain procedure even when no variant is nearby (companies, foreigners). */
const ALWAYS_DISTINCT = new Set(['organisation', 'foreign']);

export function retrieveProcedure(index: ProcedureIndex, q: NormalizedText): Retrieval {
  const qFolded = ` ${q.folded} `;
  const accentedByFolded = new Map<string, string>();
  q.foldedTokens.forEach((f, i) => accentedByFolded.set(f, q.tokens[i]));
  const qTokens = [...new Set(q.foldedTokens)];
  const qBigrams = new Set(q.foldedTokens.slice(1).map((t, i) => `${q.foldedTokens[i]} ${t}`));

  let contentTotal = 0;
  for (const t of qTokens) {
    if (QUERY_STOP_WORDS.has(t) || /^\d+$/.test(t)) continue;
    contentTotal += index.idf.has(t) ? tokenWeight(index.idf, t) : index.maxIdf * 0.7;
  }

  const matched = new Map<number, { p: number; q: number; stop: number; tokens: string[] }>();
  for (const t of qTokens) {
    const list = index.postings.get(t);
    if (!list) continue;
    const w = tokenWeight(index.idf, t);
    const acc = accentedByFolded.get(t) ?? t;
    const typedAccents = acc !== t;
    const isStop = QUERY_STOP_WORDS.has(t) || /^\d+$/.test(t);
    for (const id of list) {
      const pass = index.passages[id];
      // Accented input that disagrees with the passage's accents is weaker evidence.
      const f = typedAccents && !pass.accented.has(acc) ? 0.6 : 1;
      let m = matched.get(id);
      if (!m) matched.set(id, (m = { p: 0, q: 0, stop: 0, tokens: [] }));
      m.p += w * f;
      m.q += w * f;
      if (isStop) m.stop += w;
      m.tokens.push(t);
    }
  }

  const said = new Set(VARIANT_MARKERS.filter((m) => m.query.test(qFolded)).map((m) => m.id));
  const best = new Map<number, { score: number; tokens: string[] }>();
  for (const [id, m] of matched) {
    const pass = index.passages[id];
    let pm = m.p;
    for (const b of pass.bigrams) if (qBigrams.has(b)) pm += bigramWeight(index.idf, b);
    const covP = pass.total > 0 ? Math.min(1, pm / pass.total) : 0;
    const denomQ = contentTotal + m.stop;
    const covQ = denomQ > 0 ? Math.min(1, m.q / denomQ) : 0;
    let score = Math.sqrt(covP * covQ) * KIND_FACTOR[pass.kind];
    for (const mk of pass.markers) if (!said.has(mk)) score *= VARIANT_PENALTY;
    const prev = best.get(pass.proc);
    if (!prev || score > prev.score) best.set(pass.proc, { score, tokens: m.tokens });
  }

  const raw = [...best.entries()].map(([i, v]) => ({ i, ...v }));
  const topRaw = [...raw].sort((a, b) => b.score - a.score).slice(0, 12);
  const nearby = new Set(topRaw.flatMap((r) => index.procs[r.i].markers));
  for (const r of raw) {
    const markers = index.procs[r.i].markers;
    for (const m of said) if ((nearby.has(m) || ALWAYS_DISTINCT.has(m)) && !markers.includes(m)) r.score *= SAID_PENALTY;
  }
  const unsaid = (i: number) => index.procs[i].markers.filter((m) => !said.has(m)).length;
  const ranked = raw
    .sort((a, b) => b.score - a.score || unsaid(a.i) - unsaid(b.i) || index.procs[a.i].levelRank - index.procs[b.i].levelRank || (index.procs[a.i].code < index.procs[b.i].code ? -1 : 1));
  // Same procedure at several levels: group them, the citizen's level first.
  const groups: { key: string; members: typeof ranked }[] = [];
  for (const r of ranked.slice(0, 40)) {
    const key = index.procs[r.i].groupKey;
    const g = groups.find((x) => x.key === key);
    if (g) g.members.push(r);
    else groups.push({ key, members: [r] });
  }
  for (const g of groups) {
    const top = g.members[0].score;
    g.members.sort((a, b) => (b.score >= top - 1e-9 ? 1 : 0) - (a.score >= top - 1e-9 ? 1 : 0) || index.procs[a.i].levelRank - index.procs[b.i].levelRank);
    const s = Math.max(...g.members.map((m) => m.score));
    for (const m of g.members) m.score = s;
  }
  const ordered = groups.flatMap((g) => g.members);
  const candidates: ProcedureCandidate[] = ordered.slice(0, 8).map((r) => ({
    code: index.procs[r.i].code,
    name: index.procs[r.i].name,
    score: round(r.score),
  }));
  const top = ordered[0];
  const bestScore = top?.score ?? 0;
  const unexplained = top
    ? qTokens.filter((t) => !QUERY_STOP_WORDS.has(t) && !/^\d+$/.test(t) && !top.tokens.includes(t))
    : qTokens.filter((t) => !QUERY_STOP_WORDS.has(t));
  const unknownWord = unexplained.some((t) => !index.idf.has(t) && t.length > 1 && !/_/.test(t));
  const bigramVocab = index.bigramVocab;
  const unknownPair = q.foldedTokens.some(
    (t, i) => i > 0 && unexplained.includes(t) && unexplained.includes(q.foldedTokens[i - 1]) && !bigramVocab.has(`${q.foldedTokens[i - 1]} ${t}`),
  );
  const threshold = unknownWord || unknownPair ? ACCEPT_SCORE_WITH_UNKNOWN : ACCEPT_SCORE;
  if (!top || bestScore < threshold) {
    return { procedure: null, candidates, ambiguous: false, bestScore, unexplained };
  }
  const second = groups[1]?.members[0];
  const ambiguous = !!second && second.score >= AMBIGUOUS_RATIO * bestScore;
  return { procedure: candidates[0], candidates, ambiguous, bestScore, unexplained };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

export { foldDiacritics };
