/**
 * "phản ánh số 12 sao rồi": the citizen asks how their feedback ticket stands.
 * The cue words are data (intents/cues/feedback.txt); only the citizen's own tickets
 * are ever shown, and a ticket that is not theirs gets the same answer as one that
 * does not exist.
 */
import { cueSection, loadCues, type CueSections } from '../nlu/cue-lists.js';
import { createPhraseFinder, type PhraseFinder } from '../nlu/phrase-finder.js';
import type { FeedbackTicket } from '../store/records.js';
import type { TurnContext } from './turn-context.js';
import { formatLocalDate } from './format/format-date.js';
import { FEEDBACK_STATUS_LABELS } from './feedback-status.js';
import { foldText } from './menu.js';

/** Either the full number (PAKN-yyyymmdd-NNNN) or the day's sequence number alone. */
export type TicketRef = { number: string } | { seq: number };

export interface FeedbackLookupReader {
  read(text: string): TicketRef | null;
}

const FULL_NUMBER = /\bPAKN-(\d{8})-(\d{1,4})\b/i;

export function createFeedbackLookupReader(cues: CueSections = loadCues('feedback')): FeedbackLookupReader {
  const ticket = createPhraseFinder(cueSection(cues, 'ticket'));
  const numberWord = createPhraseFinder(cueSection(cues, 'number-word'));
  const ask = createPhraseFinder(cueSection(cues, 'ask'));
  return {
    read(text) {
      const full = FULL_NUMBER.exec(text);
      const tokens = foldText(text).split(' ').filter(Boolean);
      if (full) {
        const number = `PAKN-${full[1]}-${full[2]!.padStart(4, '0')}`;
        return ticket.findAll(tokens).length || ask.findAll(tokens).length ? { number } : null;
      }
      if (!ask.findAll(tokens).length) return null;
      const seq = numberAfterTicketWord(tokens, ticket, numberWord);
      return seq === null ? null : { seq };
    },
  };
}

/** "phan anh (so) 12": the number right after a ticket word, so "phản ánh quầy số 12" is not a lookup. */
function numberAfterTicketWord(tokens: string[], ticket: PhraseFinder, numberWord: PhraseFinder): number | null {
  for (const hit of ticket.findAll(tokens)) {
    let i = hit.end;
    const word = numberWord.at(tokens, i);
    if (word) i = word.end;
    const n = tokens[i];
    if (n && /^\d{1,4}$/.test(n) && Number(n) > 0) return Number(n);
  }
  return null;
}

let defaultReader: FeedbackLookupReader | undefined;
/** With the shipped cue file, read once (a fixed data table, like the other cue lists). */
export function readFeedbackLookup(text: string): TicketRef | null {
  defaultReader ??= createFeedbackLookupReader();
  return defaultReader.read(text);
}

const seqOf = (number: string) => Number(number.split('-').at(-1));

export function findOwnTicket(tickets: readonly FeedbackTicket[], ref: TicketRef): FeedbackTicket | undefined {
  // Newest first: "số 12" is the latest ticket 12 of this citizen (the sequence restarts daily).
  return 'number' in ref ? tickets.find((t) => t.number.toUpperCase() === ref.number) : tickets.find((t) => seqOf(t.number) === ref.seq);
}

/** Answer the lookup from the citizen's own tickets. */
export async function replyFeedbackLookup(ctx: TurnContext, ref: TicketRef): Promise<void> {
  ctx.outcome = { intent: 'feedback_lookup', answered: true };
  const found = findOwnTicket(await ctx.t.listUserFeedback(ctx.userId, 200), ref);
  if (!found) {
    const asked = 'number' in ref ? ref.number : `số ${ref.seq}`;
    ctx.reply({
      kind: 'text',
      text:
        `Dạ, em không tìm thấy phản ánh, kiến nghị ${asked} mà anh/chị đã gửi qua Zalo này. ` +
        'Anh/chị vui lòng kiểm tra lại số phiếu (dạng PAKN-năm tháng ngày-số thứ tự, trong tin em gửi khi ghi nhận) ạ.',
    });
    return;
  }
  const lines = [`Dạ, phản ánh, kiến nghị số ${found.number} (gửi ngày ${formatLocalDate(new Date(found.createdAt))}): ${FEEDBACK_STATUS_LABELS[found.status]}.`];
  const last = found.replies?.at(-1);
  if (last) lines.push(`Trả lời của cán bộ ngày ${formatLocalDate(new Date(last.at))}: ${last.text}`);
  else if (found.status !== 'closed') lines.push(`Cán bộ ${ctx.services.config.ORG_NAME} sẽ trả lời anh/chị qua Zalo này ạ.`);
  ctx.reply({ kind: 'text', text: lines.join('\n') });
}
