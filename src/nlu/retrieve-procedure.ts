/**
 * Finds the procedure a message is about. Each passage gets an IDF-weighted overlap
 * score: the geometric mean of how much of the passage the message covers (syllables
 * + bigrams) and how much of the message's content the passage explains. A procedure
 * scores its best passage, held back by variant markers the message does not say
 * (or says while the procedure lacks them); the same procedure at several levels is
 * ordered xã, tỉnh, bộ. No confident match -> no procedure.
 */
import { cuePhraseSet, cueWordSet } from './cue-lists.js';
import type { ProcedureCandidate } from './nlu-types.js';
import type { NormalizedText } from './normalize.js';
import { tokenWeight, type IndexedProcedure, type ProcedureIndex } from './procedure-index.js';
import { WORD_ROLES } from './word-roles.js';
import { isQueryStopWord } from './stop-words.js';
import { COUNTRY_WORDS, NATIONALITY_WORDS, OVER_14, OVER_6, UNSERVED_UNLESS_NAMED, VARIANT_MARKERS, markerHits } from './variant-markers.js';

export interface Retrieval {
  procedure: ProcedureCandidate | null;
  candidates: ProcedureCandidate[];
  ambiguous: boolean;
  /** Best score before the confidence cut (0..1). */
  bestScore: number;
  /** Content words of the message that the best procedure does not explain. */
  unexplained: string[];
  /** Variant features the message says (marker ids: foreign, mobile, border, child, adult, redo, exchange…). */
  features: string[];
  /**
   * Unexplained words and word pairs said right next to a word the winner explains: what may
   * qualify the procedure named ("hộ chiếu công vụ", "giấy phép … karaoke"). Folded; a pair is "a b".
   */
  specifiers: string[];
  /** No procedure trusted, and the best one's head (what it is: "biến động", "thẻ căn cước") was not said: the message asks about something else. */
  headUnsaid?: boolean;
}

/** Below this the best procedure is not trusted (tuned on our own held-out set). */
export const ACCEPT_SCORE = 0.55;
/** ...raised when the message has content words the catalog has never seen ("visa", "karaoke"). */
export const ACCEPT_SCORE_WITH_UNKNOWN = 0.8;
/** A second procedure this close to the first makes the answer ambiguous. */
const AMBIGUOUS_RATIO = 0.9;
/** A variant scoring this close to the plain procedure makes the default a guess. */
const VARIANT_AMBIGUOUS_RATIO = 0.8;
/** A runner-up this close that explains a word pair the winner leaves unexplained is offered beside it. */
const SPLIT_READING_RATIO = 0.85;
/** An unexplained word this rare (few names say it) that the winner's record says corroborates it. */
const CORROBORATING_IDF = 2.5;
/** Variants that split citizens by who they are or what they hold: worth asking back. */
const AUDIENCE_SPLITS = new Set(['child', 'exchange']);
/** A passage that holds its procedure's head words ("thẻ căn cước"), none of them said: it matched in whom or where the procedure is for. */
const QUALIFIER_ONLY_FACTOR = 0.7;
const KIND_FACTOR = { name: 1, head: 0.95, alias: 1, keyword: 0.5 } as const;
const VARIANT_PENALTY = 0.8;
/** Foreign-element procedures are a different office path: held back harder when not said. */
const FOREIGN_UNSAID_PENALTY = 0.65;
/** A procedure lacking what the message says ("cấp lại", "người nước ngoài") is held back harder. */
const SAID_PENALTY = 0.75;
/**
 * Said markers that rule out a plain procedure harder (companies, foreigners, a paper recorded abroad):
 * a company or a foreigner only when a close procedure of the same family carries the marker (a company
 * asking for a building permit is served by the plain permit, no "cho tổ chức" variant being near).
 */
const ALWAYS_DISTINCT = new Set(['organisation', 'foreign', 'recorded-abroad']);
const DISTINCT_PENALTY = 0.5;
/**
 * Family features that, said and carried by the best procedure, back it though its score is low
 * (a long story). Not "foreign" or "abroad": a foreigner's or an emigrant's matter is often one
 * the catalog does not hold (measured: honest "not in the catalog" fell on four sets); not
 * "military" or "police" either: "nghĩa vụ quân sự" says the army, not the army's driving licence.
 */
const FEATURE_BACKED: ReadonlySet<string> = new Set(['recorded-abroad', 'border', 'mobile', 'own-translation', 'again', 'restore', 'unlock']);
/** Below this score, a fully said everyday name with two doubts beside it is asked back, not answered. */
const DOUBTED_COVER_SCORE = 0.7;
/** The least score a feature-backed procedure needs to be offered. */
const FEATURE_BACKED_SCORE = 0.25;
interface RankedProc {
  i: number;
  score: number;
  passage: number;
  /** Variant markers of the procedure the message does not say. */
  unsaid: number;
}
const EMPTY_SET: ReadonlySet<string> = new Set();
/** Postings longer than this share of all passages are only checked on passages rarer words found. */
const COMMON_SHARE = 0.04;
const MAX_SKIPPED = 0.25;
/** Passages whose best possible score is below this are not scored at all. */
const MIN_USEFUL = 0.3;
/** Lowest score of a procedure whose whole name or alias the message holds. */
const WHOLE_NAME_FLOOR = 0.6;
/** Passages less covered than this are held back (see step 2). */
const MIN_PASSAGE_COVER = 0.45;

interface QueryToken {
  t: string;
  w: number;
  stop: boolean;
  accented: string | null;
  postings: number[];
}

/** A catalog-name word pair, other than the question pairs every procedure has ("thủ tục", "hồ sơ"…). */
function isNamePair(index: ProcedureIndex, pair: string): boolean {
  return index.nameBigrams.has(pair) && !QUESTION_PAIRS.has(pair);
}

/** Pairs of procedure names that citizens use for every procedure ("thủ tục", "lệ phí"). */
const QUESTION_PAIRS = cuePhraseSet(WORD_ROLES, 'question-pair');

/**
 * An accented pair of a name whose other word is content ("kết hôn", "xác nhận"; not "đất của", "lệ phí").
 * q's tokens a, b (accented) and their folded forms; self: which of the two is being judged.
 */
function isAccentedNamePair(index: ProcedureIndex, q: NormalizedText, a: number, self: 0 | 1): boolean {
  const [fa, fb] = [q.foldedTokens[a], q.foldedTokens[a + 1]];
  if (QUESTION_PAIRS.has(`${fa} ${fb}`)) return false;
  const words = [q.tokens[a], q.tokens[a + 1]];
  const pair = `${words[0]} ${words[1]}`;
  // An alias pair makes a kinship or pronoun word content ("đổi họ", "nhận con"), never a verb or particle ("làm lại").
  const inAlias = index.accentedAliasBigrams.has(pair) && ALIAS_MAY_MAKE_CONTENT.has(words[self]);
  if (!index.accentedNameBigrams.has(pair) && !inAlias) return false;
  const other = 1 - self;
  return !isQueryStopWord([fa, fb][other], words[other]) && tokenWeight(index.idf, [fa, fb][self]) > 0.05;
}

/** Digits, then optionally letters and digits ("200m2", "50tr"); no two quantifiers share a digit run (linear). */
const MEASURE = /^\d+(?:[a-z]+\d*)?$/;

function saysAny(said: ReadonlySet<string>, words: ReadonlySet<string>): boolean {
  for (const t of words) if (said.has(t)) return true;
  return false;
}

function isStop(t: string, accented: string): boolean {
  // Numbers, measures ("200m2", "50tr"), licence classes ("a1", "b2") and place names ("_place") name no procedure.
  return isQueryStopWord(t, accented) || MEASURE.test(t) || /^[a-f]\d$/.test(t) || t.startsWith('_');
}

export interface RetrievalContext {
  /** Where situation markers are read when it differs from q (the request without its background still keeps "chồng Hàn" or "dưới 14 tuổi" said in the story). */
  markerText?: NormalizedText;
  /** Where act markers are read: the request as said, question words included ("kéo dài thời hạn"). */
  actText?: NormalizedText;
  /** Word pairs the citizen said they do not want ("không nhập hộ khẩu"); a procedure whose name says one is held back when a close candidate does not. */
  refused?: ReadonlySet<string>;
  /** Whether a procedure's whole record text says a word pair: what it says is no other concept. */
  recordSays?: (code: string, pair: string) => boolean;
}

export function retrieveProcedure(index: ProcedureIndex, q: NormalizedText, context: RetrievalContext = {}): Retrieval {
  const { markerText, actText, refused, recordSays } = context;
  const qFolded = ` ${q.folded} `;
  const markerFolded = markerText ? ` ${markerText.folded} ` : qFolded;
  const seen = new Set<string>();
  const stopTokens = new Set<string>();
  const qTokens: QueryToken[] = [];
  let contentTotal = 0;
  q.foldedTokens.forEach((t, i) => {
    if (seen.has(t)) return;
    seen.add(t);
    const ft = q.foldedTokens;
    // Typed without accents, a stop word inside a catalog name's word pair is content:
    // "ho chieu" is hộ chiếu, not "họ" + "chiều"; "ban sao" is bản sao.
    // Typed with accents, the same holds for the exact pair of a name: "kết" of "kết hôn" is
    // content, "kết" of "kết quả" is not.
    const inName =
      q.tokens[i] === t
        ? (i > 0 && isNamePair(index, `${ft[i - 1]} ${t}`)) || (i + 1 < ft.length && isNamePair(index, `${t} ${ft[i + 1]}`))
        : (i > 0 && isAccentedNamePair(index, q, i - 1, 1)) || (i + 1 < ft.length && isAccentedNamePair(index, q, i, 0));
    // Unaccented "so" is sổ/số unless it ends "hồ sơ" ("so bhxh" is the social-insurance book).
    const stop = !inName && isStop(t, q.tokens[i]) && !(t === 'so' && q.tokens[i] === 'so' && ft[i - 1] !== 'ho');
    if (stop) stopTokens.add(t);
    if (!stop) contentTotal += index.idf.has(t) ? tokenWeight(index.idf, t) : index.maxIdf * 0.7;
    const postings = index.postings.get(t);
    if (!postings) return;
    qTokens.push({ t, w: tokenWeight(index.idf, t), stop, accented: q.tokens[i] !== t ? q.tokens[i] : null, postings });
  });
  if (contentTotal === 0) {
    // Only question and filler words (e.g. "em hỏi chút được không"): no procedure is named.
    return { procedure: null, candidates: [], ambiguous: false, bestScore: 0, unexplained: [], features: [], specifiers: [] };
  }
  const qBigrams = new Set(q.foldedTokens.slice(1).map((t, i) => `${q.foldedTokens[i]} ${t}`));
  const said = new Set<string>();
  // Who the citizen is (a foreign spouse, a child, a border commune, a company) holds across the
  // whole message; what they want done (again, exchanged, changed…) is said in the request itself
  // ("… mất công đi lại nhiều lần" in the story is not "đăng ký lại").
  const ruledOut = new Set<string>();
  // Situation markers read the whole message; the act asked for is read from the request as said,
  // question words included ("kéo dài thời hạn").
  const situationSaid = markerText ?? q;
  const actSaid = actText ?? q;
  // Words a said situation marker reads ("sống ở Canada", "chồng Hàn") are understood, known to the
  // index or not. (An act marker's words are not: "bị trộm" says "lost", not what was stolen.)
  const markerWords = new Set<string>();
  for (const m of VARIANT_MARKERS) {
    const text = m.situation ? situationSaid : actSaid;
    const words = text.foldedTokens;
    const hits = markerHits(m, words, text.tokens);
    if (!hits.length) continue;
    if (m.situation) for (const h of hits) for (let k = h.start; k < h.end; k++) markerWords.add(words[k]!);
    said.add(m.id);
    for (const x of m.rulesOut) ruledOut.add(x);
  }
  if (said.has('lost')) said.add('redo');
  for (const m of said) ruledOut.delete(m);
  // A stated age decides the age variants ("con 16 tuổi làm căn cước" is the 14+ card).
  const over14 = OVER_14.test(markerFolded) || said.has('adult');
  const over6 = OVER_6.test(markerFolded);
  if (over14) said.delete('child');
  if (over6) said.delete('infant');
  const features = [...new Set([...said, ...(over14 ? ['adult'] : [])])];

  // 1. Accumulate matches: rare words through their postings, common words only on passages found.
  const limit = Math.max(50, COMMON_SHARE * index.passages.length);
  // Stop words never open candidates: they only add to passages content words found.
  // Long-postings content words are skipped as openers while their total weight stays
  // under MAX_SKIPPED of the content (a passage only they match could not pass the
  // threshold anyway: MaxScore-style pruning).
  const content = qTokens.filter((x) => !x.stop).sort((a, b) => b.postings.length - a.postings.length);
  let skipped = 0;
  const openers: QueryToken[] = [];
  for (const x of content) {
    if (x.postings.length > limit && skipped + x.w <= MAX_SKIPPED * contentTotal && openers.length + 1 < content.length) skipped += x.w;
    else openers.push(x);
  }
  // Stop words never open candidates, even when every content word is one the index has never seen.
  const rare = openers;
  const rareSet = new Set(rare);
  const common = qTokens.filter((x) => !rareSet.has(x));
  const { m: accM, stop: accStop, bigram: accB, procBest, procPassage } = index.scratch;
  const touched: number[] = [];
  for (const x of rare) {
    const w = x.w + 1e-12;
    const sw = x.stop ? x.w : 0;
    for (const id of x.postings) {
      if (accM[id] === 0) touched.push(id);
      accM[id] += w;
      accStop[id] += sw;
    }
  }
  // A word pair of skipped words still opens its passages: a name or alias made only of
  // common words ("đăng ký kết hôn") can be whole in a long message full of other words.
  // So does a skipped word next to a stop word ("nhận con" among rarer words like "như").
  const skippedWords = new Set(common.filter((x) => !x.stop).map((x) => x.t));
  if (skippedWords.size > 0) {
    for (const b of qBigrams) {
      const sp = b.indexOf(' ');
      const a1 = b.slice(0, sp);
      const a2 = b.slice(sp + 1);
      if (!skippedWords.has(a1) && !skippedWords.has(a2)) continue;
      if (!(skippedWords.has(a1) || stopTokens.has(a1)) || !(skippedWords.has(a2) || stopTokens.has(a2))) continue;
      const list = index.bigramPostings.get(b);
      // A pair as common as a skipped word ("giấy phép", "đăng ký") opens nothing: it names no one procedure.
      if (!list || list.length > limit) continue;
      for (const id of list) {
        if (accM[id] === 0) {
          touched.push(id);
          accM[id] = 1e-12;
        }
      }
    }
  }
  // Common words and bigrams only add to passages already found (typed-array checks, no hashing).
  for (const x of common) {
    const sw = x.stop ? x.w : 0;
    for (const id of x.postings) {
      if (accM[id] !== 0) {
        accM[id] += x.w;
        accStop[id] += sw;
      }
    }
  }
  for (const b of qBigrams) {
    const list = index.bigramPostings.get(b);
    if (!list) continue;
    const w = index.bigramVocab.get(b) ?? 0;
    for (const id of list) if (accM[id] !== 0) accB[id] += w;
  }
  // Accented query words by folded form: a passage looks up its own few words (work per passage
  // independent of the message's length).
  const accentedByToken = new Map<string, QueryToken>();
  for (const x of qTokens) if (x.accented) accentedByToken.set(x.t, x);

  // 2. Score passages; keep each procedure's best. The score is at most sqrt(covQ):
  // passages that cannot reach a useful score are dropped before the rest of the work.
  const procsTouched: number[] = [];
  const fullyCovered = new Set<number>();
  const wholeWords = new Map<number, Set<string>>();
  let bestSoFar = 0;
  // Many passages found (large catalogs): score the one with the highest upper bound first,
  // so the bound below prunes the rest from the start (same result, less work).
  if (touched.length > 1) {
    let top = 0;
    let topKey = -1;
    for (let j = 0; j < touched.length; j++) {
      const id = touched[j];
      const d = contentTotal + accStop[id];
      const total = index.passages[id].total;
      const key = (d > 0 ? Math.min(1, accM[id] / d) : 0) * (total > 0 ? Math.min(1, (accM[id] + accB[id]) / total) : 0);
      if (key > topKey) {
        topKey = key;
        top = j;
      }
    }
    const first = touched[top];
    touched[top] = touched[0];
    touched[0] = first;
  }
  for (const id of touched) {
    let am = accM[id];
    const astop = accStop[id];
    const ab = accB[id];
    accM[id] = 0;
    accStop[id] = 0;
    accB[id] = 0;
    const denomQ = contentTotal + astop;
    const pass = index.passages[id];
    const couldBeWhole = am >= 0.99 * pass.unigramTotal;
    if (!couldBeWhole) {
      const ubQ = denomQ > 0 ? Math.min(1, am / denomQ) : 0;
      if (Math.sqrt(ubQ) < MIN_USEFUL) continue;
      // The score can only fall from here (accents, markers, cover): below 0.3 of the best it is dropped anyway.
      const ubP = pass.total > 0 ? Math.min(1, (am + ab) / pass.total) : 0;
      if (Math.sqrt(ubP * ubQ) * KIND_FACTOR[pass.kind] < 0.3 * bestSoFar) continue;
    }
    // Accented input that disagrees with the passage's accents is weaker evidence.
    if (accentedByToken.size > 0) {
      for (const t of pass.folded) {
        const x = accentedByToken.get(t);
        if (x && !pass.accented.has(x.accented!)) am -= 0.4 * x.w;
      }
    }
    // A nationality said ("bố là người Hàn Quốc") says the passage's "yếu tố nước ngoài".
    if (said.has('foreign') && pass.markers.includes('foreign')) for (const t of FOREIGN_WORDS) if (pass.tokenSet.has(t) && !seen.has(t)) am += tokenWeight(index.idf, t);
    const covQ = denomQ > 0 ? Math.min(1, am / denomQ) : 0;
    const covP = pass.total > 0 ? Math.min(1, (am + ab) / pass.total) : 0;
    let score = Math.sqrt(covP * covQ) * KIND_FACTOR[pass.kind];
    // A name matched only in whom or where it is for ("… cho người dưới 14 tuổi"), none of its head's
    // words said ("hộ chiếu cho trẻ dưới 14 tuổi"), is not what the message asks for.
    if (pass.holdsHead && !saysAny(seen, index.procs[pass.proc].headWords)) score *= QUALIFIER_ONLY_FACTOR;
    // A message holding every word of a name or alias names that procedure, however much
    // else it says ("tui với bồ tính cưới, đăng ký kết hôn ở phường hay ở đâu").
    // At least one of its word pairs must be said as such: "làm sao … y tế … cấp"
    // holds the words of "sao y bằng cấp" but does not say it.
    const whole =
      (pass.kind === 'alias' || pass.kind === 'name') &&
      pass.folded.length >= 2 &&
      am >= 0.99 * pass.unigramTotal &&
      (ab > 0 || pass.folded.length < 3);
    if (whole) {
      fullyCovered.add(pass.proc);
      // Every name or alias the message holds explains its words ("hộ chiếu hết hạn" + "làm lại hộ chiếu").
      let words = wholeWords.get(pass.proc);
      if (!words) wholeWords.set(pass.proc, (words = new Set()));
      for (const t of pass.folded) words.add(t);
      score = Math.max(score, WHOLE_NAME_FLOOR + (1 - WHOLE_NAME_FLOOR) * covQ);
    }
    for (const mk of pass.markers) if (!said.has(mk)) score *= mk === 'foreign' ? FOREIGN_UNSAID_PENALTY : VARIANT_PENALTY;
    // Only the head of a longer name said, and the head is another procedure's whole name: that one is meant.
    if (pass.shadowed) score *= VARIANT_PENALTY;
    // Too little of the passage said: a stray shared word ("đại học" in an alias about
    // certifying diplomas) must not carry the match.
    if (covP < MIN_PASSAGE_COVER && !whole) score *= 0.7;
    if (score > bestSoFar) bestSoFar = score;
    if (procBest[pass.proc] < 0) procsTouched.push(pass.proc);
    if (score > procBest[pass.proc]) {
      procBest[pass.proc] = score;
      procPassage[pass.proc] = id;
    }
  }
  // 3. Rank procedures: markers said but missing, then level preference within a group.
  let raw: RankedProc[] = [];
  let maxRaw = 0;
  for (const i of procsTouched) {
    const sc = procBest[i];
    if (sc >= 0.3 * bestSoFar) {
      raw.push({ i, score: sc, passage: procPassage[i], unsaid: 0 });
      if (sc > maxRaw) maxRaw = sc;
    }
    procBest[i] = -1;
  }
  raw = raw.filter((r) => r.score >= 0.3 * maxRaw);
  const topRaw = raw.slice().sort((a, b) => b.score - a.score);
  const close = topRaw.slice(0, NEARBY);
  const nearby = new Set<string>();
  for (const r of close) for (const m of index.procs[r.i].markers) nearby.add(m);
  const refusedNames = (i: number) => {
    for (const p of refused ?? []) if (!GENERIC_PAIRS.has(p) && index.procs[i].nameBigrams.has(p)) return true;
    return false;
  };
  /** A close procedure sharing a rare word pair of r's name ("giấy phép xây dựng") carries the marker. */
  const familyCarries = (i: number, m: string) => close.some((x) => x.i !== i && index.procs[x.i].markers.includes(m) && sharesConcept(index, index.procs[i], index.procs[x.i]));
  const someNearbyAccepts = refused?.size ? close.some((r) => !refusedNames(r.i)) : false;
  for (const r of raw) {
    const markers = index.procs[r.i].markers;
    if (someNearbyAccepts && refusedNames(r.i)) r.score *= DISTINCT_PENALTY;
    if ((over14 && markers.includes('child')) || (over6 && markers.includes('infant'))) r.score *= DISTINCT_PENALTY;
    if (markers.some((m) => ruledOut.has(m))) r.score *= DISTINCT_PENALTY;
    for (const m of markers) if (!said.has(m)) r.unsaid++;
    for (const m of said) {
      // "lost" only holds back passages that say "mất"; a plain "cấp lại" is fine for it.
      if (markers.includes(m) || m === 'lost') continue;
      // An alias that says "mất" already answers the lost-document question ("mất giấy khai sinh").
      if (m === 'redo' && said.has('lost') && index.passages[r.passage].markers.includes('lost')) continue;
      if (ALWAYS_DISTINCT.has(m) && nearby.has(m) && (m === 'recorded-abroad' || familyCarries(r.i, m))) r.score *= DISTINCT_PENALTY;
      else if (nearby.has(m)) r.score *= SAID_PENALTY;
    }
  }
  const ranked = raw.sort(
    (a, b) =>
      b.score - a.score ||
      a.unsaid - b.unsaid ||
      index.procs[a.i].levelRank - index.procs[b.i].levelRank ||
      (index.procs[a.i].code < index.procs[b.i].code ? -1 : 1),
  );
  const groups = new Map<string, typeof ranked>();
  for (const r of ranked.slice(0, 40)) {
    const key = index.procs[r.i].groupKey;
    const g = groups.get(key);
    if (g) g.push(r);
    else groups.set(key, [r]);
  }
  for (const g of groups.values()) {
    const top = g[0].score;
    // Same procedure at several levels scores alike: the citizen's level first.
    g.sort((a, b) => Number(b.score >= top - 1e-9) - Number(a.score >= top - 1e-9) || index.procs[a.i].levelRank - index.procs[b.i].levelRank);
    for (const m of g) m.score = top;
  }
  const groupList = [...groups.values()];
  const ordered = groupList.flat();
  const candidates: ProcedureCandidate[] = ordered.slice(0, MAX_CANDIDATES).map((r) => ({
    code: index.procs[r.i].code,
    name: index.procs[r.i].name,
    score: round(r.score),
  }));

  // 4. Confidence: unexplained content, unknown words, threshold.
  const top = ordered[0];
  const bestScore = top?.score ?? 0;
  const topTokens = top ? index.passages[top.passage].tokenSet : EMPTY_SET;
  const unexplained: string[] = [];
  // A nationality said to a foreign-element winner is what picked it, not an unexplained word.
  // A foreigner said ("chồng em người Trung Quốc") and a winner for foreigners: its name says a foreign
  // element, or its own record says whom it serves ("nhập quốc tịch": người nước ngoài).
  const foreignWinner = !!top && said.has('foreign') && (index.procs[top.i].markers.includes('foreign') || !!recordSays?.(index.procs[top.i].code, 'nuoc ngoai'));
  // A word pair of the winner's own name is not another concept when an alias passage won ("đăng ký" + "kết hôn có yếu tố nước ngoài").
  const topName = top ? index.procs[top.i] : null;
  const topWhole = top ? wholeWords.get(top.i) : undefined;
  // The winner's official name explains its words whichever of its passages won (an everyday name
  // "lương hưu đi định cư" and the name's "trợ cấp một lần").
  const topNameWords = top ? index.procs[top.i].nameTokens : EMPTY_SET;
  for (const t of seen) if (!stopTokens.has(t) && !topTokens.has(t) && !topWhole?.has(t) && !topNameWords.has(t) && !(foreignWinner && NATIONALITY_WORDS.has(t))) unexplained.push(t);
  // A country's name the catalog's names never use ("Úc", "Singapore") is a place said, not a concept.
  const countryOnly = (t: string) => COUNTRY_WORDS.has(t) && !index.idf.has(t);
  // Words the typo repair guessed are no evidence of another concept: the citizen did not type them.
  const unexplainedSet = new Set(unexplained.filter((t) => !q.guessed?.has(t)));
  // A word the catalog never says, in no name and in no record text ("karaoke", "visa").
  const unknownWord = [...unexplainedSet].some((t) => !index.idf.has(t) && !index.recordWords.has(t) && !markerWords.has(t) && !countryOnly(t) && t.length > 1 && !t.includes('_'));
  // Two content words side by side that the catalog never puts together, at least one of them
  // unexplained by the winner: the message names something else ("nhập học đại học" is not
  // "bằng đại học", "xe đạp điện" is not "đăng ký xe").
  // Words either side of a comma or a full stop are no pair ("hỏi thêm: cải chính …").
  const paired = (i: number) => i > 0 && !q.clauseStart?.[i];
  const unknownPair = q.foldedTokens.some((t, i) => {
    if (!paired(i)) return false;
    const a = q.foldedTokens[i - 1];
    if (!unexplainedSet.has(t) && !unexplainedSet.has(a)) return false;
    if (a.length < 2 || t.length < 2 || stopTokens.has(a) || stopTokens.has(t) || GENERIC_VERBS.has(a) || GENERIC_VERBS.has(t) || countryOnly(a) || countryOnly(t)) return false;
    return !index.bigramVocab.has(`${a} ${t}`);
  });
  // Words the catalog has never seen ask for more certainty, unless the message holds a
  // whole name or alias of the procedure ("mở hộ kinh doanh bán tạp hóa").
  // A catalog word pair in the message that the winner lacks, one of its words unexplained:
  // the message names another concept ("ly hôn" is not "kết hôn").
  const topPassage = top ? index.passages[top.passage] : null;
  // Siblings of the winner (most of its name's word pairs in theirs: "gia hạn" / "cấp" the same
  // permit) share their everyday names' wording: an alias of one is no other concept for another.
  let siblingSet: ReadonlySet<number> | undefined;
  const siblings = () => (siblingSet ??= new Set(top ? ordered.slice(1, SIBLING_LOOKUP).filter((r) => isSibling(index.procs[top.i], index.procs[r.i])).map((r) => r.i) : []));
  /** A passage of a sibling (name, everyday name or keyword) says the pair. */
  const siblingSays = (pair: string) => siblings().size > 0 && (index.bigramPostings.get(pair) ?? []).some((id) => siblings().has(index.passages[id].proc));
  const otherConcept =
    !!topPassage &&
    q.foldedTokens.some((t, i) => {
      if (!paired(i)) return false;
      const a = q.foldedTokens[i - 1];
      const pair = `${a} ${t}`;
      return !stopTokens.has(a) && !stopTokens.has(t) && !(foreignWinner && (LINK_WORDS.has(a) || LINK_WORDS.has(t))) && !GENERIC_PAIRS.has(pair) && ((unexplainedSet.has(a) && !GENERIC_NOUNS.has(a)) || (unexplainedSet.has(t) && !GENERIC_NOUNS.has(t))) && index.bigramVocab.has(pair) && !topPassage.bigramSet.has(pair) && !(topName && topName.nameTokens.size <= 12 && topName.nameBigrams.has(pair)) && !(topName && recordSays?.(topName.code, pair)) && !siblingSays(pair);
    });
  // What the winner's names leave unexplained, its own record says (its conditions, result, steps:
  // "sát hạch", "mãn hạn tù"): a word the catalog knows only there, and every unexplained word and word
  // pair in that record, is no other concept but the record's detail.
  const recordExplains = (t: string) => !!topName && !!recordSays?.(topName.code, t);
  const corroborated = () =>
    [...unexplainedSet].some((t) => (index.idf.get(t) ?? 0) >= CORROBORATING_IDF) &&
    [...unexplainedSet].every(recordExplains) &&
    q.foldedTokens.every((t, i) => !paired(i) || !unexplainedSet.has(t) || !unexplainedSet.has(q.foldedTokens[i - 1]!) || recordExplains(`${q.foldedTokens[i - 1]} ${t}`));
  const doubtful = (unknownWord || unknownPair || otherConcept) && !corroborated();
  const covered = !!top && fullyCovered.has(top.i);
  const threshold = doubtful && !covered ? ACCEPT_SCORE_WITH_UNKNOWN : ACCEPT_SCORE;
  // A whole everyday name said, but beside it another catalog concept and a word pair the catalog never
  // says ("đấu giá biển số ô tô đẹp"), on a middling score: asked back, not answered.
  const doubtedCover = covered && otherConcept && unknownPair && bestScore < DOUBTED_COVER_SCORE;
  if (top && bestScore < threshold && bestScore >= FEATURE_BACKED_SCORE) {
    // A family feature the citizen states ("đã đăng ký bên Nhật", "ở biên giới") that the best
    // procedures carry: the message is about them, though it says much else; the citizen chooses.
    const stated = [...said].filter((m) => FEATURE_BACKED.has(m) && index.procs[top.i].markers.includes(m));
    if (stated.length) {
      const backed = candidates.filter((_, k) => stated.every((m) => index.procs[ordered[k]!.i].markers.includes(m))).slice(0, 3);
      if (backed.length) return { procedure: backed[0], candidates: backed, ambiguous: true, bestScore, unexplained, features, specifiers: [] };
    }
  }
  if (!top || bestScore < threshold) {
    const heads = top ? index.procs[top.i].headWords : EMPTY_SET;
    return { procedure: null, candidates, ambiguous: false, bestScore, unexplained, features, specifiers: [], headUnsaid: heads.size > 0 && !saysAny(seen, heads) };
  }
  // An office the catalog does not hold said ("tại Đại sứ quán ở Tokyo"), no close candidate served there.
  const unserved = features.filter((m) => UNSERVED_UNLESS_NAMED.has(m));
  const servedBy = unserved.flatMap((m) => UNSERVED_UNLESS_NAMED.get(m)!);
  if (unserved.length && !ordered.slice(0, NEARBY).some((r) => r.score >= VARIANT_AMBIGUOUS_RATIO * bestScore && servedBy.some((m) => index.procs[r.i].markers.includes(m)))) {
    return { procedure: null, candidates, ambiguous: false, bestScore, unexplained: [...unexplained, ...unserved], features, specifiers: [] };
  }
  // A qualifier qualifies what the winner issues (its head, when its name has one: "giấy phép xây
  // dựng"), not every word it explains ("nhà ở nông thôn" says where the house is).
  const topHeads = index.procs[top.i].headWords;
  const qualified = (t: string) => topHeads.size === 0 || topHeads.has(t);
  const specifiers = specifiersOf(q.foldedTokens, unexplainedSet, (t) => !stopTokens.has(t) && (topTokens.has(t) || !!topWhole?.has(t)) && qualified(t), q.clauseStart);
  const second = groupList[1]?.[0];
  // Two different procedures nearly tie, or the message picks the plain procedure only
  // by default while a close variant (dưới 14 tuổi, cấp lại...) could be meant.
  const topUnsaid = top.unsaid;
  const variantNearby = groupList
    .slice(1)
    .some(
      (g) =>
        g[0].score >= VARIANT_AMBIGUOUS_RATIO * bestScore &&
        g[0].unsaid > topUnsaid &&
        index.procs[g[0].i].markers.some((m) => AUDIENCE_SPLITS.has(m) && !said.has(m)),
    );
  // The act said ("đổi thiết kế", "đổi người khác") names a sibling of the winner, not the winner
  // itself: the winner's everyday name covers the family, so the citizen chooses between the two.
  const actSibling = groupList.slice(1, SIBLING_LOOKUP).map((g) => g[0]).find((g) => {
    const markers = index.procs[g.i].markers;
    return markers.some((m) => said.has(m) && !ACT_NEUTRAL.has(m) && !SITUATION_MARKERS.has(m) && !index.procs[top.i].markers.includes(m)) && isSibling(index.procs[top.i], index.procs[g.i]);
  });
  if (actSibling) {
    // Offered second, as close as the winner (once: it may stand further down already).
    const p = index.procs[actSibling.i];
    const at = candidates.findIndex((c) => c.code === p.code);
    if (at > 0) candidates.splice(at, 1);
    candidates.splice(1, 0, { code: p.code, name: p.name, score: round(bestScore) });
    candidates.length = Math.min(candidates.length, MAX_CANDIDATES);
  }
  // Two siblings nearly tie, but the message says a word pair of the winner's name the other's name lacks
  // ("… đăng ký thường trú, thẻ BHYT"), and not the reverse: the message tells them apart.
  const contentPair = (p: string) => !GENERIC_PAIRS.has(p) && !QUESTION_PAIRS.has(p) && p.split(' ').every((w) => !stopTokens.has(w));
  const saysOnly = (a: IndexedProcedure, b: IndexedProcedure) => [...qBigrams].some((p) => a.nameBigrams.has(p) && !b.nameBigrams.has(p) && contentPair(p));
  const tie = !!second && second.score >= AMBIGUOUS_RATIO * bestScore;
  const toldApart = tie && covered && isSibling(index.procs[top.i], index.procs[second.i]) && saysOnly(index.procs[top.i], index.procs[second.i]) && !saysOnly(index.procs[second.i], index.procs[top.i]);
  // The runner-up's own name explains a word pair the winner leaves unexplained ("chứng thực" of
  // "chứng thực bản sao" beside "bản sao giấy khai sinh"): each reads part of the message.
  const splitReading = !!second && second.score >= SPLIT_READING_RATIO * bestScore && [...qBigrams].some((p) => {
    const [a, b] = p.split(' ');
    return (unexplainedSet.has(a!) || unexplainedSet.has(b!)) && contentPair(p) && index.procs[second.i].nameBigrams.has(p) && !topPassage?.bigramSet.has(p);
  });
  const ambiguous = (tie && !toldApart) || variantNearby || !!actSibling || doubtedCover || splitReading;
  return { procedure: candidates[0], candidates, ambiguous, bestScore, unexplained, features, specifiers };
}

/** How many candidates a retrieval returns. */
const MAX_CANDIDATES = 8;
/** How many of the best-scoring procedures count as close ("nearby") for markers. */
const NEARBY = 12;

/** Said act markers that name no sibling on their own ("mất" only qualifies a re-issue). */
const ACT_NEUTRAL: ReadonlySet<string> = new Set(['lost']);
const SITUATION_MARKERS: ReadonlySet<string> = new Set(VARIANT_MARKERS.filter((m) => m.situation).map((m) => m.id));

/** How many of the next candidates may be the winner's siblings. */
const SIBLING_LOOKUP = 6;
/** Share of the shorter name's word pairs two sibling names have in common. */
const SIBLING_OVERLAP = 0.6;

/** Two procedures' names share a word pair few names have ("xây dựng", "hộ kinh doanh"): one family. */
function sharesConcept(index: ProcedureIndex, a: IndexedProcedure, b: IndexedProcedure): boolean {
  for (const x of a.nameBigrams) if (b.nameBigrams.has(x) && !QUESTION_PAIRS.has(x) && !GENERIC_PAIRS.has(x) && (index.bigramPostings.get(x)?.length ?? 0) <= CONCEPT_SHARE * index.passages.length) return true;
  return false;
}
const CONCEPT_SHARE = 0.05;

function isSibling(a: IndexedProcedure, b: IndexedProcedure): boolean {
  const [small, large] = a.nameBigrams.size <= b.nameBigrams.size ? [a, b] : [b, a];
  if (small.nameBigrams.size < 2) return false;
  let shared = 0;
  for (const x of small.nameBigrams) if (large.nameBigrams.has(x)) shared++;
  return shared >= SIBLING_OVERLAP * small.nameBigrams.size;
}

/**
 * Pairs of unexplained words said right after an explained one, in the same clause: Vietnamese puts
 * the qualifier after the thing it qualifies ("hộ chiếu công vụ", "giấy phép kinh doanh karaoke");
 * a new sentence starts something else ("… lý lịch tư pháp. Công ty bắt nộp …").
 */
function specifiersOf(tokens: readonly string[], unexplained: ReadonlySet<string>, explained: (t: string) => boolean, clauseStart?: readonly boolean[]): string[] {
  const out = new Set<string>();
  // Everyday verbs, paper words and a thing's condition qualify nothing ("từ chối nhận phần …", "… giấy bìa", "xe cũ nát").
  const loose = (i: number) => i < tokens.length && unexplained.has(tokens[i]) && !tokens[i].includes('_') && !GENERIC_VERBS.has(tokens[i]) && !GENERIC_NOUNS.has(tokens[i]) && !CONDITION_WORDS.has(tokens[i]);
  for (let i = 1; i + 1 < tokens.length; i++) if (!clauseStart?.[i] && !clauseStart?.[i + 1] && explained(tokens[i - 1]) && loose(i) && loose(i + 1)) out.add(`${tokens[i]} ${tokens[i + 1]}`);
  return [...out];
}
/** Everyday verbs that go with any procedure ("bhxh trả", "lên xã hỏi"). */
const GENERIC_VERBS = cueWordSet(WORD_ROLES, 'generic-verb');
/** Kinship and people words an alias pair can make content ("đổi họ"); accented. */
const ALIAS_MAY_MAKE_CONTENT = cueWordSet(WORD_ROLES, 'alias-may-make-content');
/** The words of "yếu tố nước ngoài", in the file's order. */
const FOREIGN_WORDS = [...cueWordSet(WORD_ROLES, 'foreign-element')];
/** A thing's condition ("cũ nát", "rách"): a state, not a kind. */
const CONDITION_WORDS = cueWordSet(WORD_ROLES, 'condition-word');
/** Paper words that go with any procedure ("cái thẻ"). */
const GENERIC_NOUNS = cueWordSet(WORD_ROLES, 'generic-noun');
/** "cho"/"với"/"của" linking a foreign-element procedure to the foreigner. */
const LINK_WORDS = cueWordSet(WORD_ROLES, 'link-word');
/** Generic question nouns and pairs ("giấy tờ", "hồ sơ"): never another concept. */
const GENERIC_PAIRS = cuePhraseSet(WORD_ROLES, 'generic-pair');

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
