/**
 * Every answer the bot gives for one procedure (overview, documents and the whole list, fee,
 * time, place, online, the fee asked for each channel), with its length in phone screens, so an
 * officer can proofread a procedure in a minute.
 */
import type { Procedure } from '../../catalog/procedure-schema.js';
import type { TextMessage } from '../../platform/zalo/messages.js';
import { composeProcedureAnswer, type AnswerOptions } from '../compose/compose-answer.js';
import type { ProcedureIntent } from '../procedure-intents.js';

/** About what a 390×844 phone shows of a chat bubble at once. */
export const SCREEN_CHARS = 600;

export interface ReadThroughAnswer {
  title: string;
  messages: TextMessage[];
  /** Characters of all messages together. */
  chars: number;
  screens: number;
}

export const screens = (chars: number) => Math.round((chars / SCREEN_CHARS) * 10) / 10;

function answer(title: string, messages: TextMessage[]): ReadThroughAnswer {
  const chars = messages.reduce((n, m) => n + m.text.length, 0);
  return { title, messages, chars, screens: screens(chars) };
}

export function readThrough(p: Procedure, now: Date): ReadThroughAnswer[] {
  const one = (title: string, intent: ProcedureIntent, channel?: Procedure['channels'][number]['channel'], opts?: AnswerOptions) =>
    answer(title, composeProcedureAnswer(intent, p, now, channel, opts));
  const out = [
    one('Tổng quan', 'procedure_info'),
    one('Giấy tờ cần nộp', 'ask_documents'),
    one('Giấy tờ theo trường hợp (đủ danh sách)', 'ask_documents', undefined, { full: true }),
    one('Lệ phí', 'ask_fee'),
    one('Thời gian giải quyết', 'ask_duration'),
    one('Nộp ở đâu', 'ask_location'),
    one('Nộp trực tuyến', 'ask_online'),
  ];
  for (const c of [...new Set(p.channels.map((x) => x.channel))]) {
    const label = p.channels.find((x) => x.channel === c)!.label;
    out.push(one(`Lệ phí khi nộp ${label.toLocaleLowerCase('vi')}`, 'ask_fee', c));
  }
  return out;
}

export function formatReadThrough(p: Procedure, answers: ReadThroughAnswer[]): string {
  const lines = [`# ${p.code} ${p.name}`, ''];
  for (const a of answers) {
    const first = a.messages[0]?.text.length ?? 0;
    lines.push(`## ${a.title} — ${a.messages.length} tin, ${a.chars} ký tự, ${a.screens} màn hình (tin đầu ${first} ký tự)`);
    a.messages.forEach((m, i) => {
      if (a.messages.length > 1) lines.push(`--- tin ${i + 1}/${a.messages.length}`);
      lines.push(m.text);
      if (m.buttons?.length) lines.push(`[${m.buttons.map((b) => b.title).join('] [')}]`);
    });
    lines.push('');
  }
  return lines.join('\n');
}
