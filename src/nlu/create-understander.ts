/**
 * The understanding pipeline: entities -> normalisation -> intent (classifier + rules)
 * -> procedure retrieval -> one NluResult. Everything is built once here (index,
 * vocabulary, classifier); understand() is pure and fast.
 */
import { fileURLToPath } from 'node:url';
import type { Catalog } from '../services.js';
import { PROCEDURE_INTENTS, isProcedureIntent, type Intent, type NluResult, type Understander } from './nlu-types.js';
import { extractEntities } from './entities.js';
import { readablePrefix } from './message-limits.js';
import { createNormalizer, normalizeBasic, type NormalizedText } from './normalize.js';
import { withoutContext, type RequestText } from './context-spans.js';
import { buildProcedureIndex } from './procedure-index.js';
import { retrieveProcedure } from './retrieve-procedure.js';
import { loadIntentUtterances, readIntentLines } from './load-intent-utterances.js';
import { trainIntentClassifier } from './intent-classifier.js';
import { askIntentFromRules, asksAboutFiledDossier, mentionsPerson, asksHowToDoSomething, asksToBeTold, complains, thanksOnly, asksWhereToStart, mentionsEverydayTopic, asksForPerson, asksLandTax, dossierIntent, mentionsPet, turnsNotificationsOff, PROCEDURE_CUES } from './intent-rules.js';

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
const EVERYDAY_WORDS = 'vừa mới xong đẻ rồi nữa hôm qua sáng chiều tối nay mai bữa hổm bển hông nghe nói xíu gái trai đứa quê miếng mảnh chiếc';

export interface UnderstanderOptions {
  intentsDir?: string;
}

export function createUnderstander(catalog: Catalog, opts: UnderstanderOptions = {}): Understander {
  const intentsDir = opts.intentsDir ?? DEFAULT_INTENTS_DIR;
  const index = buildProcedureIndex(catalog);
  const intentVocabulary = readIntentLines(intentsDir).map((l) => normalizeBasic(l.replace('{tt}', ' ')).normalized);
  const normalize = createNormalizer([...index.vocabularyText, ...intentVocabulary, EVERYDAY_WORDS]);
  const classifier = trainIntentClassifier(
    loadIntentUtterances(intentsDir).map((u) => ({ intent: u.intent, tokens: normalize(u.text).foldedTokens })),
  );

  /** The request alone first (story spans removed), else the whole message. */
  const retrieveRequest = (found: RequestText | null, q: NormalizedText) => {
    const whole = retrieveProcedure(index, q);
    if (!found) return whole;
    // Markers said in the background still hold ("lấy chồng Hàn, …, giờ khai sinh cho con") when a
    // whole clause went; a dropped span ("đi du lịch nước ngoài") takes its markers with it.
    const r = retrieveProcedure(index, found.request, found.droppedClause ? q : undefined);
    // The request alone must name its procedure about as well as the whole message did; without
    // its background clause it must do better ("mất bản gốc giấy khai sinh, giờ xin bản sao ở đâu"
    // still asks for a copy of the birth certificate).
    const margin = found.droppedClause ? 0 : CONTEXT_MARGIN;
    return r.procedure && (!whole.procedure || r.bestScore >= whole.bestScore - margin) ? r : whole;
  };

  return {
    understand(text: string): NluResult {
      // A bounded prefix: every step below then costs at most what a long question costs.
      const read = readablePrefix(text);
      const ents = extractEntities(read.text);
      const q = normalize(ents.rest);
      const base = {
        text,
        normalized: q.normalized,
        folded: q.folded,
        dossierCode: ents.dossierCode,
        phone: ents.phone,
        idNumber: ents.idNumber,
        truncated: read.truncated,
      };
      const found = withoutContext(ents.rest, normalize, q);
      // The question is asked in the request, not in the story around it ("chưa có giấy tờ gì, giờ
      // làm sổ đỏ được không" does not ask for documents).
      const ask = (found && askIntentFromRules(found.request.folded)) ?? (found?.droppedClause ? null : askIntentFromRules(q.folded));

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
      });
      if (ents.dossierCode) return withoutProcedure(dossierIntent(q.folded), 0.97);
      if (turnsNotificationsOff(q.folded)) return withoutProcedure('unsubscribe', 0.9);
      const cls = classifier.classify(q.foldedTokens);
      if ((!ask || ask === 'ask_online') && asksAboutFiledDossier(q.folded)) {
        return withoutProcedure('dossier_status', round(Math.max(0.85, cls.probabilities.get('dossier_status') ?? 0)));
      }
      const namesProcedureWords = PROCEDURE_CUES.test(` ${q.folded} `);
      const r = retrieveRequest(found, q);
      let intent: Intent = cls.intent;
      let confidence = cls.confidence;
      const conversational =
        CONVERSATIONAL.has(cls.intent) &&
        !(r.procedure && r.bestScore >= STRONG_PROCEDURE && !ask) &&
        // A found procedure outweighs an unsure "help"/"greeting"/"thanks" ("tai nạn lao động được hưởng gì").
        !(r.procedure && SOFT_CONVERSATIONAL.has(cls.intent) && cls.confidence < 0.8) &&
        !(cls.confidence < 0.7 && namesProcedureWords && r.unexplained.length > 0);
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
      if (intent === 'out_of_scope' && namesProcedureWords && r.unexplained.length > 0 && procedureMass >= 0.25) intent = 'procedure_info';
      // The classifier may guess a question type from a stray word ("mai táng phí"); without
      // a question cue the rules did not see, a procedure message is procedure_info.
      if (intent !== 'procedure_info' && isProcedureIntent(intent) && !ask && (cls.confidence < CLASSIFIER_ONLY_ASK || intent === 'ask_online')) intent = 'procedure_info';
      if (isProcedureIntent(intent) && mentionsPet(q.folded)) intent = 'out_of_scope';
      if (!r.procedure && !ask && intent !== 'human_handoff' && asksForPerson(q.folded)) intent = 'human_handoff';
      // A person is always named when one is asked for ("cho gặp cán bộ"); "dạy thêm có phải xin phép không" is not it.
      if (intent === 'human_handoff' && !mentionsPerson(q.folded)) intent = namesProcedureWords ? 'procedure_info' : 'help';
      // "công nhận văn bằng … thì làm thủ tục gì": about something named, not a request for the menu.
      if (intent === 'help' && asksHowToDoSomething(q.folded) && (r.procedure || r.unexplained.length >= 2)) intent = 'procedure_info';
      // A named procedure with "bắt đầu từ đâu" asks how to go about it.
      if (r.procedure && !ask && asksWhereToStart(q.folded)) intent = 'procedure_info';
      if (asksToBeTold(q.folded) && !ents.dossierCode) intent = 'subscribe';
      else if (complains(q.folded)) intent = 'feedback';
      else if (!ask && thanksOnly(q.folded)) intent = 'thanks';
      // Loans, weather, shopping, health: out of scope unless a procedure was clearly named.
      if (mentionsEverydayTopic(q.folded) && !(r.procedure && r.bestScore >= STRONG_PROCEDURE)) intent = 'out_of_scope';
      const asksProcedure = isProcedureIntent(intent);
      const landTax = asksProcedure && asksLandTax(q.folded, q.normalized);
      const procedure = asksProcedure && !landTax ? r.procedure : null;
      return {
        ...base,
        intent,
        intentConfidence: round(confidence),
        procedure,
        candidates: asksProcedure && !landTax ? r.candidates : [],
        procedureMentionedButUnknown: asksProcedure && !procedure && (landTax || r.unexplained.length > 0),
        ambiguous: !!procedure && r.ambiguous,
      };
    },
  };
}


/** How much weaker the request alone may match than the whole message and still be preferred. */
const CONTEXT_MARGIN = 0.1;

/** Classifier probability above which it may pick an ask_* intent with no cue the rules saw. */
const CLASSIFIER_ONLY_ASK = 0.985;

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
