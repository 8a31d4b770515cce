/**
 * The detail buttons under a procedure answer. Payloads are readable sentences
 * ("Lệ phí (1.001193)") because Zalo shows them as the citizen's own message;
 * the router recognises them itself, without relying on the NLU.
 */
import type { OaButton } from '../platform/zalo/messages.js';
import type { ProcedureIntent } from './procedure-intents.js';

export const DETAIL_LABELS: { label: string; intent: ProcedureIntent }[] = [
  { label: 'Giấy tờ cần nộp', intent: 'ask_documents' },
  { label: 'Lệ phí', intent: 'ask_fee' },
  { label: 'Thời gian giải quyết', intent: 'ask_duration' },
  { label: 'Nộp ở đâu', intent: 'ask_location' },
  { label: 'Nộp trực tuyến', intent: 'ask_online' },
];

/** Longer than any payload we build ("Thời gian giải quyết (1.001193)"). */
const MAX_PAYLOAD_CHARS = 100;

/** The documents of every case (the whole list), under a short documents answer. */
export const FULL_DOCUMENTS_LABEL = 'Giấy tờ theo trường hợp';

/** Buttons for every detail except those just answered (at most 5). */
export function detailButtons(code: string, except?: ProcedureIntent | readonly ProcedureIntent[]): OaButton[] {
  const answered = typeof except === 'string' ? [except] : (except ?? []);
  return DETAIL_LABELS.filter((d) => !answered.includes(d.intent)).map((d) => ({
    type: 'oa.query.show',
    title: d.label,
    payload: `${d.label} (${code})`,
  }));
}

export function fullDocumentsButton(code: string): OaButton {
  return { type: 'oa.query.show', title: FULL_DOCUMENTS_LABEL, payload: `${FULL_DOCUMENTS_LABEL} (${code})` };
}

/** "Lệ phí (1.001193)" → {intent: 'ask_fee', code}; "Giấy tờ theo trường hợp (…)" → full documents; else undefined. */
export function parseDetailPayload(text: string): { intent: ProcedureIntent; code: string; full?: boolean } | undefined {
  // Our payloads are short; a long text is none (and the lazy pattern below would cost its square).
  if (text.length > MAX_PAYLOAD_CHARS) return undefined;
  const m = /^\s*(.+?)\s*\((\d\.\d{6})\)\s*$/.exec(text);
  if (!m) return undefined;
  const label = m[1].toLocaleLowerCase('vi');
  if (label === FULL_DOCUMENTS_LABEL.toLocaleLowerCase('vi')) return { intent: 'ask_documents', code: m[2], full: true };
  const hit = DETAIL_LABELS.find((d) => d.label.toLocaleLowerCase('vi') === label);
  return hit ? { intent: hit.intent, code: m[2] } : undefined;
}
