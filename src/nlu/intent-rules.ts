/**
 * Precise readings that override the classifier where words are unambiguous. The words
 * are data (intents/cues/asks.txt, intents/cues/message-kinds.txt, as cue patterns); this
 * file only names the questions asked of a message. All run on the folded, normalised text.
 */
import type { Intent } from './nlu-types.js';
import { cueSection, loadCues, type CueSections } from './cue-lists.js';
import { createCueMatcher, type CueMatcher } from './cue-patterns.js';

export type AskIntent = 'ask_fee' | 'ask_duration' | 'ask_documents' | 'ask_location' | 'ask_online';

const ASK_INTENTS: readonly AskIntent[] = ['ask_online', 'ask_fee', 'ask_duration', 'ask_documents', 'ask_location'];

function matchers(cues: CueSections, names: readonly string[]): Record<string, CueMatcher> {
  return Object.fromEntries(names.map((n) => [n, createCueMatcher(cueSection(cues, n))]));
}

const ASK_CUES = loadCues('asks');
const ASKS = matchers(ASK_CUES, ASK_INTENTS);
const ALTERNATIVE = createCueMatcher(cueSection(ASK_CUES, 'alternative-answer'));
/**
 * Phrases that name no procedure, left out of the lookup with the question words: where it is filed
 * ("trên VNeID"), the paper asked for after a time cue ("bao lâu thì có trích lục": the result of what
 * is named), words about the filing ("bị yêu cầu bổ sung"), a confirmation tail ("… đúng không").
 */
const NOT_THE_PROCEDURE = ['channel-where', 'result-asked', 'filing-process', 'confirmation-tail'].map((s) => createCueMatcher(cueSection(ASK_CUES, s)));
const KINDS = matchers(loadCues('message-kinds'), [
  'notifications-off', 'unsubscribe', 'subscribe', 'filed-dossier', 'procedure-words', 'pet', 'land-tax', 'person',
  'asks-for-person', 'tell-me-when', 'notifications-on', 'complaint', 'thanks', 'asks-more', 'everyday-topic',
  'where-to-start', 'how-to', 'refers-back', 'done-yet', 'topic-shift',
]);

/** One message is asked a dozen questions in a row: its words are split once. */
let lastText = '';
let lastWords: readonly string[] = [];
function words(folded: string): readonly string[] {
  if (folded !== lastText) [lastText, lastWords] = [folded, folded.split(' ').filter(Boolean)];
  return lastWords;
}
/**
 * Whether the message says a cue of `kind`; with `named`, a hit made only of those words (a
 * procedure's name: "thông báo lưu trú", "khiếu nại về trợ giúp pháp lý") does not count.
 */
const says = (kind: string, folded: string, named?: ReadonlySet<string>): boolean => {
  const tokens = words(folded);
  if (!named) return KINDS[kind]!.test(tokens);
  return KINDS[kind]!.hits(tokens).some((h) => tokens.slice(h.start, h.end).some((t) => !named.has(t)));
};

/** Every question cue the message says, in the order said (each intent once, at its last cue). */
export function askCues(folded: string): { intent: AskIntent; pos: number }[] {
  const tokens = words(folded);
  return ASK_INTENTS.map((intent) => ({ intent, pos: ASKS[intent]!.lastStart(tokens) }))
    .filter((f) => f.pos >= 0)
    .sort((a, b) => a.pos - b.pos);
}

/** Longest question phrase read as a question rather than as the procedure's name ("cần giấy gì"). */
const SHORT_QUESTION = 3;
/** How far after a question cue a "hay" still opens the alternative answer to it. */
const ALTERNATIVE_GAP = 3;

/**
 * Token positions of the short question phrases ("cần giấy gì", "bao lâu", "ở đâu"): they ask
 * about the procedure and name none of it, so the procedure is looked up without them.
 */
export function questionTokens(folded: string): Set<number> {
  const tokens = words(folded);
  const at = new Set<number>();
  let alternativeFrom = tokens.length;
  const alternatives = ALTERNATIVE.hits(tokens);
  for (const intent of ASK_INTENTS) {
    for (const h of ASKS[intent]!.hits(tokens)) {
      if (h.end - h.start <= SHORT_QUESTION) for (let i = h.start; i < h.end; i++) at.add(i);
      // "… được không hay phải ra ủy ban": what follows the cue's "hay" is the answer expected instead.
      const alt = alternatives.find((a) => a.start > h.start && a.start <= h.end + ALTERNATIVE_GAP);
      if (alt) alternativeFrom = Math.min(alternativeFrom, alt.start);
    }
  }
  for (let i = alternativeFrom; i < tokens.length; i++) at.add(i);
  for (const cue of NOT_THE_PROCEDURE) for (const h of cue.hits(tokens)) for (let i = h.start; i < h.end; i++) at.add(i);
  return at;
}

/** With a dossier code the message is about that dossier: status unless it (un)subscribes. */
export function dossierIntent(folded: string): Intent {
  if (says('notifications-off', folded)) return 'unsubscribe';
  if (says('subscribe', folded)) return says('unsubscribe', folded) ? 'unsubscribe' : 'subscribe';
  return 'dossier_status';
}

/** "hồ sơ (đăng ký xe) của tôi nộp rồi sao chưa có": a dossier already filed, whatever it names. */
export const asksAboutFiledDossier = (folded: string): boolean => says('filed-dossier', folded);

/** "tôi hỏi thêm:", "tiện hỏi": the message turns to another question. */
export const shiftsTopic = (folded: string): boolean => says('topic-shift', folded);

/** Words that show a message asks about some administrative procedure. */
export const namesProcedureWords = (folded: string): boolean => says('procedure-words', folded);

export const turnsNotificationsOff = (folded: string): boolean => says('notifications-off', folded);

export const mentionsPet = (folded: string): boolean => says('pet', folded);

/** Land taxes; never when the accented text says "thuê" (a lease). */
export const asksLandTax = (folded: string, normalized: string): boolean =>
  says('land-tax', folded) && !normalized.includes('thuê');

export const mentionsPerson = (folded: string): boolean => says('person', folded);

export const asksForPerson = (folded: string): boolean => says('asks-for-person', folded);

/** Asking to be told later, or to switch notifications on. */
/** `named`: the words of a procedure the message asks about, which are no cue of their own. */
export const asksToBeTold = (folded: string, named?: ReadonlySet<string>): boolean =>
  says('tell-me-when', folded, named) || (says('notifications-on', folded, named) && !says('notifications-off', folded));

export const complains = (folded: string, named?: ReadonlySet<string>): boolean => says('complaint', folded, named);

/** "cảm ơn chị, giấy khai sinh nhận được rồi": thanks that mention a procedure, with no new question. */
export const thanksOnly = (folded: string): boolean => says('thanks', folded) && !says('asks-more', folded);

export const mentionsEverydayTopic = (folded: string): boolean => says('everyday-topic', folded);

export const asksWhereToStart = (folded: string): boolean => says('where-to-start', folded);

export const asksHowToDoSomething = (folded: string): boolean => says('how-to', folded);
/** "… như vậy", "hai việc đó": the request points back at the story for its object. */
export const refersBack = (folded: string): boolean => says('refers-back', folded);
/** "… xong chưa?": whether something is done yet, a question about a filing. */
export const asksIfDoneYet = (folded: string): boolean => says('done-yet', folded);
