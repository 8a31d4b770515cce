/**
 * One procedure answer: the composers' blocks, then the national code, as OA text messages
 * (≤ 2,000 characters each, split only between blocks) with the buttons on the last one: the
 * composer's own (e.g. the documents of each case), the details not yet answered, and the
 * procedure's page on the national portal. The OA takes at most 5 buttons.
 */
import type { FilingChannelKind, Procedure } from '../../catalog/procedure-schema.js';
import { MAX_BUTTONS, type OaButton, type TextMessage } from '../../platform/zalo/messages.js';
import { detailButtons } from '../detail-buttons.js';
import { formatIsoDate, localIsoDate } from '../format/format-date.js';
import { splitMessage } from '../format/split-message.js';
import type { ProcedureIntent } from '../procedure-intents.js';
import { composeDocuments } from './compose-documents.js';
import { composeDuration } from './compose-duration.js';
import { composeFee } from './compose-fee.js';
import { composeLocation } from './compose-location.js';
import { composeOnline } from './compose-online.js';
import { composeProcedureInfo } from './compose-procedure-info.js';
import type { ComposeOptions, ComposedAnswer } from './composed-answer.js';
import { occasionWords } from './occasion.js';
import { procedureFooter, sourceButton } from './procedure-footer.js';
import { yesNoFact, type YesNoContext } from './yes-no-facts.js';
import type { YesNoTopic } from '../../nlu/nlu-types.js';

/** A first reply fits a phone screen or so (docs/answers.md). */
const FIRST_MESSAGE_MAX = 1000;

const COMPOSERS: Record<ProcedureIntent, (p: Procedure, o: ComposeOptions) => ComposedAnswer> = {
  procedure_info: composeProcedureInfo,
  ask_documents: composeDocuments,
  ask_fee: composeFee,
  ask_duration: composeDuration,
  ask_location: composeLocation,
  ask_online: composeOnline,
};

export interface AnswerOptions {
  /** The citizen asked for the whole list (the "Giấy tờ theo trường hợp" button). */
  full?: boolean;
  /** A yes/no question ("… có mất tiền không"): answered yes or no first, from the record. */
  yesNo?: { topic: YesNoTopic | null; subject?: string };
}

/**
 * `intents`: every question asked, answered in turn ("lệ phí và thời gian …"); the detail
 * buttons offer the rest. `channel`: the way of filing the citizen asked about.
 */
export function composeProcedureAnswer(
  intents: ProcedureIntent | readonly ProcedureIntent[],
  p: Procedure,
  now: Date,
  channel?: FilingChannelKind | null,
  answer: AnswerOptions = {},
): TextMessage[] {
  const asked = typeof intents === 'string' ? [intents] : intents.length ? [...new Set(intents)] : ['procedure_info' as const];
  const today = localIsoDate(now);
  const lead = yesNoLead(answer.yesNo, asked[0], p, { channel, subject: answer.yesNo?.subject });
  const compose = (reserved: number): TextMessage[] => {
    const opts: ComposeOptions = { today, todayText: formatIsoDate(today), now, channel, full: answer.full, reserved };
    const parts = asked.map((intent) => COMPOSERS[intent](p, opts));
    const blocks = parts.flatMap((part) => part.blocks);
    // An occasion word (condolence, congratulations) opens the first answer about the event, once.
    const occasion = !lead && (asked[0] === 'procedure_info' || asked[0] === 'ask_documents') ? occasionWords(p) : undefined;
    if (occasion && blocks.length) blocks[0] = `${occasion} ${blocks[0]}`;
    // The yes or no first; the answer that follows drops its own "Dạ,".
    if (lead && blocks.length) blocks.splice(0, 1, lead, capitalise(blocks[0].replace(/^Dạ, /u, '')));
    const answered = asked.filter((i) => i !== 'procedure_info');
    return splitMessage([...blocks, procedureFooter(p)], answerButtons(p, parts.flatMap((x) => x.buttons ?? []), answered));
  };
  // A lead takes room from the first message: the composers list fewer items until it fits one screen.
  let reserved = lead?.length ?? 0;
  let messages = compose(reserved);
  while (lead && messages[0].text.length > FIRST_MESSAGE_MAX && reserved < FIRST_MESSAGE_MAX) messages = compose((reserved += 100));
  return messages;
}

/** The yes/no lead, unless the composer's own first line already is one (ask_online). */
function yesNoLead(q: AnswerOptions['yesNo'], first: ProcedureIntent, p: Procedure, ctx: YesNoContext): string | undefined {
  if (!q?.topic || (q.topic === 'online' && first === 'ask_online')) return undefined;
  return yesNoFact(q.topic, p, ctx).lead;
}

const capitalise = (s: string) => s.charAt(0).toLocaleUpperCase('vi') + s.slice(1);

/** The composer's buttons, then the details not answered, then the portal page: at most 5. */
function answerButtons(p: Procedure, own: OaButton[], answered: ProcedureIntent[]): OaButton[] {
  const source = sourceButton(p);
  const room = MAX_BUTTONS - own.length - (source ? 1 : 0);
  return [...own, ...detailButtons(p.code, answered).slice(0, Math.max(0, room)), ...(source ? [source] : [])];
}
