/**
 * What a citizen sees in the bot's reply to one procedure question, read from the
 * messages as they went over the wire: a procedure answered (its national code
 * after "Mã thủ tục:"), a question back offering procedures (option buttons that
 * carry codes), an honest "not in the catalog", the dossier check for a message about a
 * filed dossier (its code in the reply), or something else (not understood, a menu, silence).
 */
import { answeredCode } from '../compose/procedure-footer.js';
import { optionCode } from '../disambiguation.js';
import { NOT_IN_CATALOG_LEAD } from '../fallback.js';

export type ReplyReading =
  | { kind: 'answered'; code: string }
  | { kind: 'asked'; codes: string[] }
  | { kind: 'not_in_catalog' }
  | { kind: 'dossier' }
  | { kind: 'other'; text: string };

/** One message as the OA API received it: `{ text, attachment?: { payload: { buttons } } }`. */
export interface WireMessage {
  text?: unknown;
  attachment?: { payload?: { buttons?: { payload?: unknown }[] } };
}

const textOf = (m: WireMessage) => (typeof m.text === 'string' ? m.text : '');

/** dossierCode: the code the message holds (upper case), '' when none. */
export function classifyReply(messages: readonly WireMessage[], dossierCode = ''): ReplyReading {
  const texts = messages.map(textOf);
  for (const t of texts) {
    const code = answeredCode(t);
    if (code) return { kind: 'answered', code };
  }
  const options = messages
    .flatMap((m) => m.attachment?.payload?.buttons ?? [])
    .map((b) => (typeof b.payload === 'string' ? optionCode(b.payload) : undefined))
    .filter((c): c is string => c !== undefined);
  if (options.length) return { kind: 'asked', codes: [...new Set(options)] };
  if (texts.some((t) => t.includes(NOT_IN_CATALOG_LEAD))) return { kind: 'not_in_catalog' };
  if (dossierCode && texts.some((t) => t.toUpperCase().includes(dossierCode))) return { kind: 'dossier' };
  return { kind: 'other', text: texts.join(' / ').slice(0, 160) };
}

/** How the reading fares against the expected codes ('' = no procedure, NONE = not in the catalog). */
export type Verdict = 'right' | 'asked_right' | 'asked_wrong' | 'not_in_catalog' | 'dossier' | 'other' | 'wrong';

/**
 * intent: the row's label. A status question about a filed dossier (intent dossier_status) names the
 * dossier's procedure in its `procedure` column; the dossier check is its right answer.
 */
export function judge(reading: ReplyReading, expected: string, intent = ''): Verdict {
  const want = expected === 'NONE' ? [] : expected.split('|').filter(Boolean);
  switch (reading.kind) {
    case 'answered':
      return want.includes(reading.code) ? 'right' : 'wrong';
    case 'asked':
      return want.some((c) => reading.codes.includes(c)) ? 'asked_right' : 'asked_wrong';
    case 'not_in_catalog':
      return want.length ? 'not_in_catalog' : 'right';
    case 'dossier':
      return intent === 'dossier_status' ? 'dossier' : 'other';
    case 'other':
      return 'other';
  }
}
