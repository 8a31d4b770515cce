/**
 * One procedure answer for one intent: the composer's blocks, then the national
 * code and the source link, split into ≤ 2,000-character messages with the
 * detail buttons on the last one.
 */
import type { FilingChannelKind, Procedure } from '../../catalog/procedure-schema.js';
import type { TextMessage } from '../../platform/zalo/messages.js';
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
import { procedureFooter } from './procedure-footer.js';

const COMPOSERS: Record<ProcedureIntent, (p: Procedure, o: ComposeOptions) => ComposedAnswer> = {
  procedure_info: composeProcedureInfo,
  ask_documents: composeDocuments,
  ask_fee: composeFee,
  ask_duration: composeDuration,
  ask_location: composeLocation,
  ask_online: composeOnline,
};

/**
 * `intents`: every question asked, answered in turn ("lệ phí và thời gian …"); the detail
 * buttons offer the rest. `channel`: the way of filing the citizen asked about.
 */
export function composeProcedureAnswer(
  intents: ProcedureIntent | readonly ProcedureIntent[],
  p: Procedure,
  now: Date,
  channel?: FilingChannelKind | null,
): TextMessage[] {
  const asked = typeof intents === 'string' ? [intents] : intents.length ? [...new Set(intents)] : ['procedure_info' as const];
  const today = localIsoDate(now);
  const opts = { today, todayText: formatIsoDate(today), now, channel };
  const blocks = asked.flatMap((intent) => COMPOSERS[intent](p, opts).blocks);
  const answered = asked.filter((i) => i !== 'procedure_info');
  return splitMessage([...blocks, procedureFooter(p)], detailButtons(p.code, answered));
}
