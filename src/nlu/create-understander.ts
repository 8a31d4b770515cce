/**
 * The understanding pipeline: entities -> normalisation -> intent (classifier + rules)
 * -> procedure retrieval -> one NluResult. Everything is built once here (index,
 * vocabulary, classifier); understand() is pure and fast.
 */
import { cueWordSet, loadCues } from './cue-lists.js';
import { fileURLToPath } from 'node:url';
import type { Catalog } from '../services.js';
import { PROCEDURE_INTENTS, isProcedureIntent, type Intent, type NluResult, type ProcedureIntent, type TaughtAliasEntry, type Understander } from './nlu-types.js';
import { buildTaughtAliasIndex, type TaughtAliasIndex } from './taught-alias-index.js';
import { extractEntities } from './entities.js';
import { readablePrefix } from './message-limits.js';
import { cleanText } from './clean-text.js';
import { foldWord } from './fold-diacritics.js';
import { learnInitialisms } from './chat-abbreviations.js';
import { createNormalizer, keptTokens, normalizeBasic, type NormalizedText } from './normalize.js';
import { WANT_WORDS, clauses, withoutContext, type RequestText } from './context-spans.js';
import { createNegationScope } from './negation-scope.js';
import { createAskReader, type AskReading } from './read-asks.js';
import { createYesNoReader } from './read-yes-no.js';
import { buildProcedureIndex } from './procedure-index.js';
import { retrieveProcedure, type Retrieval } from './retrieve-procedure.js';
import { buildRecordIndex } from './record-index.js';
import { buildRecordTerms } from './record-terms.js';
import { createOutOfCatalogReader, recordSaysTerm } from './out-of-catalog.js';
import { actMarkerPositions } from './variant-markers.js';
import { QUERY_STOP_WORDS, isQueryStopWord } from './stop-words.js';
import { loadIntentUtterances, readIntentLines } from './load-intent-utterances.js';
import { trainIntentClassifier } from './intent-classifier.js';
import { askCues, questionTokens, asksAboutFiledDossier, mentionsPerson, asksHowToDoSomething, asksToBeTold, complains, thanksOnly, asksWhereToStart, mentionsEverydayTopic, asksForPerson, asksLandTax, dossierIntent, mentionsPet, turnsNotificationsOff, namesProcedureWords, refersBack, asksIfDoneYet, shiftsTopic } from './intent-rules.js';

export const DEFAULT_INTENTS_DIR = fileURLToPath(new URL('../../intents', import.meta.url));

/** Intents the classifier may keep against a procedure match (they are about the conversation). */
const CONVERSATIONAL: ReadonlySet<Intent> = new Set([
  'greeting', 'help', 'thanks', 'human_handoff', 'feedback', 'subscribe', 'unsubscribe', 'dossier_status',
]);
const SOFT_CONVERSATIONAL: ReadonlySet<Intent> = new Set(['greeting', 'help', 'thanks']);
/** A retrieval this strong outweighs a conversational guess by the classifier. */
const STRONG_PROCEDURE = 0.8;

/**
 * Everyday words that neither the catalog nor intents/ happen to contain: known words are never
 * "repaired" ("vua" must stay vừa, not become mua). Vocabulary only, not training data.
 */
const EVERYDAY_WORDS = 'vừa mới xong đẻ rồi nữa hôm qua sáng chiều tối nay mai bữa hổm bển hông rứa răng nghe nói xíu gái trai đứa quê miếng mảnh chiếc cuốn quyển tận cầm';

/** How much of each record text is read for its words (the start of long step lists says enough). */
const RECORD_WORDS_CHARS = 2000;

/** Every accented word of the records' own text: real words, never to be "repaired". */
function recordWords(catalog: Catalog): Set<string> {
  const words = new Set<string>();
  // Records repeat texts (the same document names, steps shared by a family): each is read once.
  const read = new Set<string>();
  for (const p of catalog.procedures) {
    const texts = [p.name, p.steps, p.conditions, p.result.name, ...p.documents.map((d) => d.name), ...p.audiences];
    for (const t of texts) {
      const text = t?.slice(0, RECORD_WORDS_CHARS);
      if (!text || read.has(text)) continue;
      read.add(text);
      for (const w of cleanText(text).split(' ')) words.add(w);
    }
  }
  return words;
}

export interface UnderstanderOptions {
  intentsDir?: string;
}

export function createUnderstander(catalog: Catalog, opts: UnderstanderOptions = {}): Understander {
  const intentsDir = opts.intentsDir ?? DEFAULT_INTENTS_DIR;
  // Before anything is normalised: abbreviations of name words ("lltp") read from the names.
  learnInitialisms(catalog.procedures.map((p) => p.name));
  const wordsOfRecords = recordWords(catalog);
  const index = buildProcedureIndex(catalog, new Set([...wordsOfRecords].map(foldWord)));
  const intentVocabulary = readIntentLines(intentsDir).map((l) => normalizeBasic(l.replace('{tt}', ' ')).normalized);
  const normalize = createNormalizer([...index.vocabularyText, ...intentVocabulary, EVERYDAY_WORDS], wordsOfRecords);
  const negationScope = createNegationScope(NEGATION_CUES, (folded) => askCues(folded).length > 0);
  const readAsks = createAskReader();
  const classifier = trainIntentClassifier(
    loadIntentUtterances(intentsDir).map((u) => ({ intent: u.intent, tokens: normalize(u.text).foldedTokens })),
  );

  const recordTerms = buildRecordTerms(catalog.procedures, (code) => [...(catalog.aliasesFor?.(code) ?? []), ...(catalog.keywordsFor?.(code) ?? [])]);
  /** The request alone first (story spans removed), else the whole message. */
  /** The procedure named, read without the short question phrases ("cần giấy gì" names no "giấy"). */
  const retrieveTopic = (q: NormalizedText, markers?: NormalizedText, excluded?: ReadonlySet<string>) => {
    const asked = questionTokens(q.folded);
    const keep = q.tokens.map((_, i) => !asked.has(i));
    const topic = asked.size && keep.some(Boolean) ? keptTokens(q, keep) : q;
    return retrieveProcedure(index, topic, { markerText: markers ?? (topic === q ? undefined : q), actText: topic === q ? undefined : q, refused: excluded, recordSays: recordTerms.coreSays });
  };

  const outOfCatalog = createOutOfCatalogReader(normalizeBasic);
  /** The same procedure, maybe run at another level (one group key). */
  const groupOf = (code: string) => index.procs[index.byCode.get(code) ?? -1]?.groupKey ?? code;
  const sameProcedure = (a: string, b: string) => a === b || groupOf(a) === groupOf(b);
  const retrieveRequest = (found: RequestText | null, q: NormalizedText, excluded?: ReadonlySet<string>) => {
    const whole = retrieveTopic(q, undefined, excluded);
    if (!found) return whole;
    // Markers said in the background still hold ("lấy chồng Hàn, …, giờ khai sinh cho con") when a
    // whole clause went; a dropped span ("đi du lịch nước ngoài") takes its markers with it.
    // A request that says only what to do ("giờ làm lần đầu thì cần gì") takes its object from the
    // story: the whole message is read, when it names one.
    if (whole.procedure && (!namesAnObject(found.request) || refersBack(found.request.folded))) return whole;
    const r = retrieveTopic(found.request, found.droppedClause ? q : found.situation, excluded);
    // The request alone must name its procedure about as well as the whole message did; without
    // its background clause it must do better ("mất bản gốc giấy khai sinh, giờ xin bản sao ở đâu"
    // still asks for a copy of the birth certificate).
    const margin = found.droppedClause ? 0 : CONTEXT_MARGIN;
    // A service the catalog lacks, wanted in a clause of its own ("giờ muốn ly hôn thuận tình. Nộp đơn
    // ra tòa án nào?"), is not answered with the procedure the story names ("đăng ký kết hôn ở xã").
    const unheld = (term: readonly string[]) => !whole.procedure || !recordSaysTerm((pair) => recordTerms.says(whole.procedure!.code, pair), term);
    if (!r.procedure && outOfCatalog.said(q, (i) => WANT_WORDS.has(q.tokens[i]!)).some(unheld)) return r;
    if (r.procedure && (!whole.procedure || r.bestScore >= whole.bestScore - margin)) return r;
    // The story names one procedure, the request alone another it trusts: both are offered, never the
    // story's answered ("đã xin giấy xác nhận độc thân…. Nay sinh em bé…, khai sinh cho bé làm sao").
    if (found.droppedClause && r.procedure && whole.procedure && !r.ambiguous && r.bestScore >= STORY_REQUEST_SCORE && !sameProcedure(r.procedure.code, whole.procedure.code)) {
      return { ...whole, ambiguous: true, candidates: [whole.procedure, r.procedure, ...whole.candidates.filter((c) => c.code !== whole.procedure!.code && c.code !== r.procedure!.code)] };
    }
    return whole;
  };

  const records = buildRecordIndex(catalog.procedures);
  const nameWordSets = new Map<string, ReadonlySet<string>>();
  /** The folded words of a procedure's name (and of its everyday names). */
  const nameWords = (code: string): ReadonlySet<string> => {
    let set = nameWordSets.get(code);
    if (!set) {
      const names = [catalog.byCode(code)?.name ?? '', ...(catalog.aliasesFor?.(code) ?? [])];
      nameWordSets.set(code, (set = new Set(names.flatMap((n) => normalizeBasic(n).foldedTokens))));
    }
    return set;
  };
  /**
   * Qualifiers said right after the procedure's words (retrieval's `specifiers`) that its whole
   * record never says, that the catalog knows, but only from records of other fields ("công vụ"
   * is housing and driving-licence wording, never passport wording): the message asks for a thing
   * the catalog does not hold. A qualifier the winner's own field uses ("đất liền kề") is a detail.
   */
  const foreignSpecifiers = (r: Retrieval): string[] => {
    const code = r.procedure?.code;
    if (!code || r.ambiguous) return [];
    return r.specifiers.filter((t) => {
      if (recordTerms.says(code, t)) return false;
      if (t.split(' ').some((w) => QUERY_STOP_WORDS.has(w) || /\d/.test(w))) return false;
      return recordTerms.catalogSays(t) && !recordTerms.saidInField(t, catalog.byCode(code)!.field);
    });
  };
  // The terms are written correctly: read as a message is, without typo repair.
  /**
   * A service the catalog does not hold said in the request ("đăng ký thế chấp", "karaoke") that no
   * record of the procedures found says: the question is about that service, not about them.
   */
  const asksOutsideCatalog = (r: Retrieval, request: NormalizedText): boolean => {
    if (!r.procedure) return false;
    // A word of the request the procedure explains: a content word the retrieval did not leave unexplained.
    const unexplained = new Set(r.unexplained);
    const f = request.foldedTokens;
    const explained = (i: number) => !unexplained.has(f[i]!) && !isQueryStopWord(f[i]!, request.tokens[i]!);
    // A request that says no word of the procedure's names (it came from the story) asks for what it says.
    const names = nameWords(r.procedure.code);
    const namesIt = f.some((t, i) => names.has(t) && !isQueryStopWord(t, request.tokens[i]!));
    const terms = outOfCatalog.said(request, (i) => explained(i) || !namesIt);
    if (!terms.length) return false;
    const offered = r.ambiguous ? r.candidates.slice(0, OPTIONS) : [r.procedure];
    return terms.some((term) => offered.every((c) => !recordSaysTerm((pair) => recordTerms.says(c.code, pair), term)));
  };
  const asCandidate = (code: string, score: number) => {
    const p = catalog.byCode(code)!;
    return { code, name: p.name, score: round(score) };
  };
  /**
   * The record's own text reads the message too (record-index.ts). Where the passages found
   * nothing it may still recognise a procedure nobody wrote an alias for; where the passage
   * winner is one the record text hardly supports, it is a doubt. Either way the citizen is
   * asked, with the options, rather than answered with a guess.
   */
  const secondOpinion = (r: Retrieval, request: NormalizedText): ProcedureReading => {
    const hits = records.search(request.foldedTokens, (t) => QUERY_STOP_WORDS.has(t), RECORD_LIMIT);
    const top = hits[0];
    if (!r.procedure) {
      // One of the first records must also say its own name's share of the message (a phrase inside
      // another procedure's long text is not that procedure).
      const content = request.foldedTokens.filter((t) => !QUERY_STOP_WORDS.has(t));
      const named = hits.slice(0, OPTIONS).some((h) => h.score >= RECORD_ONLY_SCORE && h.cover >= RECORD_ONLY_COVER && records.nameCover(h.code, content) >= RECORD_ONLY_NAME_COVER);
      if (!top || top.score < RECORD_ONLY_SCORE || top.cover < RECORD_ONLY_COVER || !named) return { procedure: null, candidates: r.candidates, ambiguous: false };
      const options = hits.slice(0, OPTIONS).map((h) => asCandidate(h.code, RECORD_OPTION_SCORE));
      return { procedure: options[0]!, candidates: options, ambiguous: true };
    }
    // A message that says the winner's name or everyday name and little else is not overruled by
    // the record text (which weighs the question words too: "… có mất phí không").
    if (r.bestScore >= CLEAR_PASSAGE_SCORE) return { procedure: r.procedure, candidates: r.candidates, ambiguous: r.ambiguous };
    const mine = hits.find((h) => h.code === r.procedure!.code)?.score ?? 0;
    // The passage reading's runner-up is what the record text reads best, clearly ahead of the
    // winner: the two readings disagree, so the citizen chooses between them.
    const runnerUp = top && !r.ambiguous && top.score >= WITNESS_SCORE && mine < RUNNER_UP_RATIO * top.score
      ? r.candidates.slice(1, OPTIONS + 1).find((c) => c.code === top.code && c.score >= RUNNER_UP_FLOOR)
      : undefined;
    if (runnerUp) return { procedure: r.procedure, candidates: [r.procedure, runnerUp], ambiguous: true };
    const topThree = hits.slice(0, OPTIONS).map((h) => h.code);
    if (!top || top.score < WITNESS_SCORE || r.ambiguous || topThree.includes(r.procedure.code) || mine >= DISAGREE_RATIO * top.score) {
      return { procedure: r.procedure, candidates: r.candidates, ambiguous: r.ambiguous };
    }
    const options = [r.procedure, ...topThree.filter((c) => c !== r.procedure!.code).map((c) => asCandidate(c, r.procedure!.score))];
    return { procedure: r.procedure, candidates: options.slice(0, OPTIONS), ambiguous: true };
  };

  /** Taught aliases compiled once per array the caller hands in (a new array = a change). */
  const taughtIndexes = new WeakMap<readonly TaughtAliasEntry[], TaughtAliasIndex>();
  const taughtIndex = (taught: readonly TaughtAliasEntry[]) => {
    let ix = taughtIndexes.get(taught);
    if (!ix) taughtIndexes.set(taught, (ix = buildTaughtAliasIndex(taught, normalize, (code) => catalog.byCode(code) !== undefined)));
    return ix;
  };
  /**
   * An officer taught this name for a procedure: it decides where the catalog index found
   * nothing sure (no procedure, a question back, or a weak match), never over a clear match.
   */
  const withTaught = (r: Retrieval, q: NormalizedText, taught: readonly TaughtAliasEntry[] | undefined): Retrieval | null => {
    if (!taught?.length || (r.procedure && !r.ambiguous && r.bestScore >= STRONG_PROCEDURE)) return null;
    const hit = taughtIndex(taught).match(q);
    if (!hit) return null;
    const procedure = asCandidate(hit.code, 1);
    return { ...r, procedure, candidates: [procedure], ambiguous: false, bestScore: 1, unexplained: [], specifiers: [] };
  };

  /**
   * The message denies whom or where the procedure is for: a word pair of the name's qualifier said
   * within three words after a plain "không" in the same clause, and nowhere else ("không kinh doanh gì"
   * against "… đối với hộ kinh doanh, cá nhân kinh doanh").
   */
  const deniesQualifier = (code: string, q: NormalizedText): boolean => {
    const pairs = index.procs[index.byCode.get(code)!]!.qualifierBigrams;
    // A long qualifier lists cases (denying one leaves the others); one that says a lack itself
    // ("… mà không xác định được nơi thường trú") is agreed with, not denied.
    if (pairs.size === 0 || pairs.size > MAX_AUDIENCE_PAIRS) return false;
    for (const p of pairs) if (p.split(' ').some((w) => BARE_NEGATION.has(w))) return false;
    const f = q.foldedTokens;
    let denied = false;
    let affirmed = false;
    const deniedAt = new Set<number>();
    for (let i = 0; i < f.length; i++) {
      if (!BARE_NEGATION.has(f[i]!)) continue;
      for (let j = i + 1; j <= i + DENIAL_REACH && j + 1 < f.length; j++) {
        if (q.clauseStart?.[j] || q.clauseStart?.[j + 1]) break;
        if (pairs.has(`${f[j]} ${f[j + 1]}`)) (denied = true), deniedAt.add(j);
      }
    }
    for (let j = 0; j + 1 < f.length; j++) if (!deniedAt.has(j) && !q.clauseStart?.[j + 1] && pairs.has(`${f[j]} ${f[j + 1]}`)) affirmed = true;
    return denied && !affirmed;
  };

  const yesNo = createYesNoReader();
  /**
   * A message with a dossier code, without the clauses that ask about the filed dossier ("… đến đâu
   * rồi"), read as a message of its own; the clause naming the dossier stays ("hồ sơ … cấp đổi sổ
   * đỏ, cho hỏi thủ tục này mất mấy ngày" takes its object from it).
   */
  const questionBesidesDossier = (text: string) => {
    const all = clauses(text);
    // A clause asks about the dossier when the cue holds up to it and not before ("hồ sơ … kết hôn,
    // chưa thấy gì cả"), counted from the last turn to another question ("tôi hỏi thêm: xe tải chưa
    // có biển …" says nothing of the dossier).
    const folded = all.map((c) => normalize(c).folded);
    let from = 0;
    const upTo = folded.map((c, k) => {
      if (shiftsTopic(c)) from = k + 1;
      return from <= k && asksAboutFiledDossier(folded.slice(from, k + 1).join(' '));
    });
    const besides = all.filter((_, k) => !upTo[k] || (k > 0 && upTo[k - 1]));
    // After the turn the question stands on its own, unless it points back ("thủ tục đó mất bao lâu").
    const after = besides.filter((c) => all.indexOf(c) >= from);
    const other = from > 0 && after.length && !refersBack(normalize(after.join(', ')).folded) ? after : besides;
    // No such clause (the whole message is read), or nothing else said.
    if (other.length === all.length && from === 0) return null;
    if (other.length === 0) return null;
    const q = normalize(other.join(', '));
    const found = withoutContext(other.join(', '), normalize, q);
    const fromRequest = found ? readAsks(found.request.folded) : null;
    const asked: AskReading = fromRequest?.primary ? fromRequest : readAsks(q.folded);
    return asked.primary || yesNo.asks(q.folded) ? { q, found, asked } : null;
  };

  /** At least two word pairs of the corrected words are pairs of the procedure's name: the citizen refused it. */
  const namesRefused = (code: string, corrected: NormalizedText) => {
    const pairs = index.procs[index.byCode.get(code)!]!.nameBigrams;
    const f = corrected.foldedTokens;
    const content = (i: number) => !isQueryStopWord(f[i]!, corrected.tokens[i]!);
    return f.slice(1).filter((t, i) => pairs.has(`${f[i]} ${t}`) && content(i) && content(i + 1)).length >= 2;
  };
  /**
   * A correction whose kept words name nothing ("không phải làm lại căn cước vì mất, thẻ bị gãy,
   * muốn đổi cái khác"): the corrected words, without their act and their numbers (an age, a
   * count), name the object.
   */
  const objectFromCorrection = (r: Retrieval, corrected: string | undefined, kept: string, excluded?: ReadonlySet<string>): Retrieval => {
    if (r.procedure || !corrected) return r;
    const n = normalize(corrected);
    const act = actMarkerPositions(n.foldedTokens, n.tokens);
    const asked = questionTokens(n.folded);
    const object = n.tokens.filter((_, i) => !act.has(i) && !asked.has(i) && !/\d/.test(n.foldedTokens[i]!)).join(' ');
    if (!object) return r;
    const r2 = retrieveTopic(normalize(`${kept}, ${object}`), undefined, excluded);
    // The object names the very procedure refused ("không phải đăng ký tạm trú đâu"): not what is asked.
    // Without an act ("lại", "mất") refused, the refused words are the procedure itself.
    return r2.procedure && !(act.size === 0 && namesRefused(r2.procedure.code, n)) ? r2 : r;
  };

  const understanding = {
    understand(text: string, taught?: readonly TaughtAliasEntry[]): NluResult {
      // A bounded prefix: every step below then costs at most what a long question costs.
      const read = readablePrefix(text);
      const ents = extractEntities(read.text);
      // What the citizen says they do NOT want is not read at all ("chứ không phải sao y").
      const negation = negationScope(ents.rest);
      const rest = negation?.kept ?? ents.rest;
      const q = normalize(rest);
      // …and a procedure named by the words refused is held back ("chỉ cần khai sinh với thẻ BHYT, không nhập hộ khẩu").
      const refused = negation?.refused ? refusedPairs(normalize(negation.refused), q) : undefined;
      const base = {
        text,
        normalized: q.normalized,
        folded: q.folded,
        dossierCode: ents.dossierCode,
        phone: ents.phone,
        idNumber: ents.idNumber,
        truncated: read.truncated,
      };
      // Several sentences and only one asks something: that one is the request, the rest is the story.
      const asking = questionSentence(rest, readAsks);
      // A question that names nothing ("Nộp đơn ở đâu ạ?") takes its object from the want just
      // before it ("…, giờ muốn ly hôn thuận tình."), not from the whole story.
      const wanted = asking && !namesAnObject(normalize(asking)) ? wantBefore(rest, asking) : null;
      const question = wanted ? `${wanted}, ${asking}` : asking;
      const found: RequestText | null = question
        ? { request: withoutContext(question, normalize)?.request ?? normalize(question), droppedClause: true }
        : withoutContext(rest, normalize, q);
      // The question is asked in the request, not in the story around it ("chưa có giấy tờ gì, giờ
      // làm sổ đỏ được không" does not ask for documents).
      const fromRequest = found ? readAsks(found.request.folded) : null;
      const asked: AskReading = fromRequest?.primary ? fromRequest : found?.droppedClause ? NO_ASKS : readAsks(q.folded);
      const ask = asked.primary;
      /** The questions to answer, the one the intent names first ("lệ phí và thời gian …" asks both). */
      const asksFor = (intent: Intent): ProcedureIntent[] =>
        isProcedureIntent(intent) ? [intent, ...asked.asks.filter((a) => a !== intent)] : [];

      // A tapped button carries the national code: exactly that procedure.
      const coded = ents.procedureCode ? catalog.byCode(ents.procedureCode) : undefined;
      if (coded) {
        const procedure = { code: coded.code, name: coded.name, score: 1 };
        return {
          ...base,
          intent: ask ?? 'procedure_info',
          intentConfidence: 0.99,
          procedure,
          candidates: [procedure],
          procedureMentionedButUnknown: false,
          ambiguous: false,
          features: [],
          asks: asksFor(ask ?? 'procedure_info'),
          channel: asked.channel,
        };
      }
      /** A message about the conversation or a dossier: no procedure to answer from. */
      const withoutProcedure = (intent: Intent, intentConfidence: number): NluResult => ({
        ...base,
        intent,
        intentConfidence,
        procedure: null,
        candidates: [],
        procedureMentionedButUnknown: false,
        ambiguous: false,
        features: [],
        asks: [],
        channel: null,
      });
      if (ents.dossierCode) {
        const about = dossierIntent(q.folded);
        // "hồ sơ … đến đâu rồi, tiện hỏi làm hộ chiếu cần gì": a procedure question besides the
        // dossier, read from the clauses that neither hold the code nor ask about a filed dossier.
        const besides = about === 'dossier_status' ? questionBesidesDossier(rest) : null;
        const part = besides ?? (asksAboutFiledDossier(q.folded) ? null : { q, found, asked });
        // Besides a question cue, "… thì làm thế nào", a yes/no question ("có cần nộp bản gốc không")
        // or a question mark asks about the procedure too; a bare "xong chưa" does not.
        const howTo = part && (asksHowToDoSomething(part.q.folded) || ((yesNo.asks(part.q.folded) || rest.includes('?')) && !asksIfDoneYet(part.q.folded)));
        const partAsk = part?.asked.primary ?? (howTo ? 'procedure_info' : null);
        // The clause naming the filed dossier is what was filed: a request that names its own object
        // is read without it ("hồ sơ … là nhận cha con. Giờ chị em muốn làm giám hộ cho cháu …").
        const own = part?.found && namesAnObject(part.found.request) && !refersBack(part.found.request.folded)
          ? retrieveTopic(part.found.request, undefined, refused) : null;
        const r = part && partAsk ? (own?.procedure ? own : retrieveRequest(part.found, part.q, refused)) : null;
        // Read as any procedure question is (the record text may still find it, or offer options); the
        // dossier is looked up as well by the dialog.
        const reading = r && part ? secondOpinion(r, part.found?.request ?? part.q) : NO_PROCEDURE;
        if (!r || !part || !partAsk || !reading.procedure) return withoutProcedure(about, 0.97);
        return {
          ...base,
          intent: partAsk,
          intentConfidence: 0.9,
          procedure: reading.procedure,
          candidates: reading.candidates,
          procedureMentionedButUnknown: false,
          ambiguous: reading.ambiguous,
          features: r.features,
          asks: [partAsk, ...part.asked.asks.filter((a) => a !== partAsk)],
          channel: part.asked.channel,
        };
      }
      if (turnsNotificationsOff(q.folded)) return withoutProcedure('unsubscribe', 0.9);
      const cls = classifier.classify(q.foldedTokens);
      if ((!ask || ask === 'ask_online') && asksAboutFiledDossier(q.folded)) {
        return withoutProcedure('dossier_status', round(Math.max(0.85, cls.probabilities.get('dossier_status') ?? 0)));
      }
      const saysProcedureWords = namesProcedureWords(q.folded);
      const catalogMatch = objectFromCorrection(retrieveRequest(found, q, refused), negation?.corrected, rest, refused);
      const taughtMatch = withTaught(catalogMatch, q, taught);
      const r = taughtMatch ?? catalogMatch;
      let intent: Intent = cls.intent;
      let confidence = cls.confidence;
      const conversational =
        CONVERSATIONAL.has(cls.intent) &&
        !(r.procedure && r.bestScore >= STRONG_PROCEDURE && !ask) &&
        // A question cue about a procedure found is a procedure question, whatever words of "being
        // told" it holds ("thông báo lưu trú ở đâu"); a dossier's status keeps its own reading.
        !(r.procedure && (ask || yesNo.asks(q.folded)) && cls.intent !== 'dossier_status' && cls.intent !== 'human_handoff' && cls.intent !== 'feedback') &&
        // A found procedure outweighs an unsure "help"/"greeting"/"thanks" ("tai nạn lao động được hưởng gì").
        !(r.procedure && SOFT_CONVERSATIONAL.has(cls.intent) && cls.confidence < 0.8) &&
        !(cls.confidence < 0.7 && saysProcedureWords && r.unexplained.length > 0);
      if (conversational) {
        // keep the classifier's reading
      } else if (r.procedure) {
        // Without a cue the rules saw, only a near-certain classifier picks the question, and never
        // "online" (always said in words: online, trực tuyến, qua mạng…; "làm … được không" is not it).
        intent =
          ask ??
          (isProcedureIntent(cls.intent) && cls.intent !== 'procedure_info' && cls.intent !== 'ask_online' && cls.confidence >= CLASSIFIER_ONLY_ASK
            ? cls.intent
            : 'procedure_info');
        confidence = ask ? Math.max(0.9, cls.confidence) : Math.max(cls.confidence, r.bestScore);
      } else if (ask && (isProcedureIntent(cls.intent) || cls.confidence < 0.6)) {
        intent = ask;
        confidence = Math.max(0.85, cls.confidence);
      }
      let procedureMass = 0;
      for (const i of PROCEDURE_INTENTS) procedureMass += cls.probabilities.get(i) ?? 0;
      if (intent === 'out_of_scope' && saysProcedureWords && r.unexplained.length > 0 && procedureMass >= 0.25) intent = 'procedure_info';
      // The classifier may guess a question type from a stray word ("mai táng phí"); without
      // a question cue the rules did not see, a procedure message is procedure_info.
      if (intent !== 'procedure_info' && isProcedureIntent(intent) && !ask && (cls.confidence < CLASSIFIER_ONLY_ASK || intent === 'ask_online')) intent = 'procedure_info';
      if (isProcedureIntent(intent) && mentionsPet(q.folded)) intent = 'out_of_scope';
      if (!r.procedure && !ask && intent !== 'human_handoff' && asksForPerson(q.folded)) intent = 'human_handoff';
      // A person is always named when one is asked for ("cho gặp cán bộ"); "dạy thêm có phải xin phép không" is not it.
      if (intent === 'human_handoff' && !mentionsPerson(q.folded)) intent = saysProcedureWords ? 'procedure_info' : 'help';
      // "công nhận văn bằng … thì làm thủ tục gì": about something named, not a request for the menu.
      if (intent === 'help' && asksHowToDoSomething(q.folded) && (r.procedure || r.unexplained.length >= 2)) intent = 'procedure_info';
      // A named procedure with "bắt đầu từ đâu" asks how to go about it.
      if (r.procedure && !ask && asksWhereToStart(q.folded)) intent = 'procedure_info';
      // A question about a procedure whose name holds the cue ("thông báo lưu trú ở đâu", "khiếu nại
      // về trợ giúp pháp lý gửi đâu") asks about that procedure; the cue's words are its name.
      const named = r.procedure && ask ? nameWords(r.procedure.code) : undefined;
      if (asksToBeTold(q.folded, named) && !ents.dossierCode) intent = 'subscribe';
      else if (complains(q.folded, named)) intent = 'feedback';
      else if (!ask && thanksOnly(q.folded)) intent = 'thanks';
      // Loans, weather, shopping, health: out of scope unless a procedure was clearly named.
      if (mentionsEverydayTopic(q.folded) && !(r.procedure && r.bestScore >= STRONG_PROCEDURE)) intent = 'out_of_scope';
      // A question asked ("nộp đơn ở đâu") about a service the catalog does not hold ("khởi kiện đòi nợ"):
      // a procedure question to answer honestly, not small talk or a complaint.
      let outside: boolean | undefined;
      const asksOutside = () => (outside ??= r.procedure ? asksOutsideCatalog(r, found?.request ?? q) : outOfCatalog.said(q, () => true).length > 0);
      if (ask && RECLASSIFIED_AS_ASKED.has(intent) && asksOutside()) intent = ask;
      const asksProcedure = isProcedureIntent(intent);
      const landTax = asksProcedure && asksLandTax(q.folded, q.normalized);
      // The procedure named with a qualifier from another field ("hộ chiếu công vụ"): not this one.
      const elsewhere = asksProcedure && !landTax && !taughtMatch && (foreignSpecifiers(r).length > 0 || (!!r.procedure && asksOutside()));
      const deniesAudience = asksProcedure && !!r.procedure && deniesQualifier(r.procedure.code, q);
      const reading = !asksProcedure || landTax || elsewhere || deniesAudience ? NO_PROCEDURE : taughtMatch ? { procedure: r.procedure, candidates: r.candidates, ambiguous: false } : secondOpinion(r, found?.request ?? q);
      return {
        ...base,
        intent,
        intentConfidence: round(confidence),
        procedure: reading.procedure,
        candidates: reading.candidates,
        procedureMentionedButUnknown: asksProcedure && !reading.procedure && (landTax || elsewhere || deniesAudience || r.unexplained.length > 0 || !!r.headUnsaid || (!r.procedure && asksOutside())),
        asksOutsideCatalog: asksProcedure && !r.procedure && asksOutside(),
        ambiguous: reading.ambiguous,
        features: r.features,
        asks: asksProcedure && !landTax ? asksFor(intent) : [],
        channel: asked.channel,
      };
    },
  };

  return {
    /** A procedure question also says whether it asks yes or no ("… có mất tiền không"). */
    understand(text: string, taught?: readonly TaughtAliasEntry[]): NluResult {
      const r = understanding.understand(text, taught);
      return { ...r, yesNo: r.asks.length ? yesNo.read(r.folded, r.text) : null };
    },
  };
}


const NO_ASKS: AskReading = { asks: [], primary: null, channel: null };
/** The negation cues, read once for the negation scope and for plain negation words ([bare-negation]). */
const NEGATION_CUES = loadCues('negation');
/** Plain negation words, and how far after one a denied qualifier may start. */
const BARE_NEGATION = cueWordSet(NEGATION_CUES, 'bare-negation');
const DENIAL_REACH = 3;
/** A qualifier of more word pairs than this lists cases rather than one audience. */
const MAX_AUDIENCE_PAIRS = 12;
/** Readings a question about an out-of-catalog service overrides. */
const RECLASSIFIED_AS_ASKED: ReadonlySet<Intent> = new Set(['out_of_scope', 'feedback', 'help', 'greeting']);

/** Whether a request names something beyond question words and the act asked for. */
function namesAnObject(request: NormalizedText): boolean {
  const asked = questionTokens(request.folded);
  const act = actMarkerPositions(request.foldedTokens, request.tokens);
  return request.foldedTokens.some((t, i) => !asked.has(i) && !act.has(i) && t.length > 1 && !isQueryStopWord(t, request.tokens[i]!));
}

/** Word pairs of the refused words that the rest of the message does not say itself. */
function refusedPairs(negated: NormalizedText, kept: NormalizedText): ReadonlySet<string> {
  const pairs = (t: readonly string[]) => t.slice(1).map((w, i) => `${t[i]} ${w}`);
  const said = new Set(pairs(kept.foldedTokens));
  return new Set(pairs(negated.foldedTokens).filter((p) => !said.has(p)));
}

/** Sentence ends (a comma does not end a sentence). */
const SENTENCE_END = /[.!?;\n]+/;

/**
 * The one sentence of a message that asks something (a question cue, or a question mark),
 * when the message has several sentences; null otherwise.
 */
function questionSentence(text: string, readAsks: (folded: string) => AskReading): string | null {
  const sentences = text.split(SENTENCE_END).map((s) => s.trim()).filter(Boolean);
  if (sentences.length < 2) return null;
  let question: string | null = null;
  let at = 0;
  for (const sentence of sentences) {
    const end = text.indexOf(sentence, at) + sentence.length;
    at = end;
    const asks = readAsks(normalizeBasic(sentence).folded).primary !== null || text[end] === '?';
    if (!asks) continue;
    if (question) return null;
    question = sentence;
  }
  return question;
}

/** The last clause of the sentence before `question`, when it says a want ("giờ muốn ly hôn thuận tình"). */
function wantBefore(text: string, question: string): string | null {
  const before = text.slice(0, text.indexOf(question)).split(SENTENCE_END).map((x) => x.trim()).filter(Boolean).at(-1);
  const clause = before ? clauses(before).at(-1) : undefined;
  return clause && normalizeBasic(clause).tokens.some((t) => WANT_WORDS.has(t)) ? clause : null;
}

interface ProcedureReading {
  procedure: NluResult['procedure'];
  candidates: NluResult['candidates'];
  ambiguous: boolean;
}
const NO_PROCEDURE: ProcedureReading = { procedure: null, candidates: [], ambiguous: false };

/** How many records the second reading looks at, and how many options a question back offers. */
const RECORD_LIMIT = 400;
const OPTIONS = 3;
/** The record text alone must match this well (BM25, and share of the message's weight) to offer options. */
const RECORD_ONLY_SCORE = 25;
const RECORD_ONLY_COVER = 0.5;
/** …and say this share of the record's own name (a phrase inside another procedure's long name is not it). */
const RECORD_ONLY_NAME_COVER = 0.3;
/** A passage winner scoring this much is not second-guessed by the record text. */
const CLEAR_PASSAGE_SCORE = 0.9;
/** A passage winner the record text scores below this share of its best record is a doubt. */
const DISAGREE_RATIO = 0.3;
/** …and only a record text that itself matches the message this well (BM25) is a witness against it. */
const WITNESS_SCORE = 15;
/** A passage runner-up (at least this score) read best by the record text, the winner under this share of it. */
const RUNNER_UP_FLOOR = 0.45;
const RUNNER_UP_RATIO = 0.8;
/** Options found by the record text alone are offered alike (no order of confidence among them). */
const RECORD_OPTION_SCORE = 0.5;

/** How much weaker the request alone may match than the whole message and still be preferred. */
const CONTEXT_MARGIN = 0.1;
/** A request read alone that names its own procedure at least this well is not outweighed by the story in silence. */
const STORY_REQUEST_SCORE = 0.7;

/** Classifier probability above which it may pick an ask_* intent with no cue the rules saw. */
const CLASSIFIER_ONLY_ASK = 0.985;

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
