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
  const opts: ComposeOptions = { today, todayText: formatIsoDate(today), now, channel, full: answer.full };
  const parts = asked.map((intent) => COMPOSERS[intent](p, opts));
  // An occasion word (condolence, congratulations) opens the first answer about the event, once.
  const occasion = asked[0] === 'procedure_info' || asked[0] === 'ask_documents' ? occasionWords(p) : undefined;
  const blocks = parts.flatMap((part) => part.blocks);
  if (occasion && blocks.length) blocks[0] = `${occasion} ${blocks[0]}`;
  const answered = asked.filter((i) => i !== 'procedure_info');
  return splitMessage([...blocks, procedureFooter(p)], answerButtons(p, parts.flatMap((x) => x.buttons ?? []), answered));
}

/** The composer's buttons, then the details not answered, then the portal page: at most 5. */
function answerButtons(p: Procedure, own: OaButton[], answered: ProcedureIntent[]): OaButton[] {
  const source = sourceButton(p);
  const room = MAX_BUTTONS - own.length - (source ? 1 : 0);
  return [...own, ...detailButtons(p.code, answered).slice(0, Math.max(0, room)), ...(source ? [source] : [])];
}
