/**
 * The citizen's recent turns with the bot, kept so an officer taking over a
 * conversation sees what was asked and answered before (the handoff card).
 * Written by the turn's own transaction; bounded by turns and characters.
 */
import type { MediaKind, OaEvent } from '../platform/zalo/events.js';
import type { OutMessage } from '../platform/zalo/messages.js';
import type { Tx } from '../store/port.js';
import type { TranscriptTurn } from '../store/records.js';

/** The officer sees the last 20 turns before a handoff (issue 14). */
export const TURNS_BEFORE_HANDOFF = 20;
/**
 * Kept per citizen: twice that, so messages written during a handoff (also turns)
 * do not push the conversation before it out too soon.
 */
const KEEP_TURNS = 2 * TURNS_BEFORE_HANDOFF;
/** Long answers are clipped: the officer needs the gist, the citizen saw the whole. */
const MAX_CHARS = 600;

const MEDIA_LABELS: Record<MediaKind, string> = {
  image: 'ảnh',
  sticker: 'nhãn dán',
  gif: 'ảnh động',
  file: 'tệp',
  audio: 'tin thoại',
  video: 'video',
  location: 'vị trí',
  link: 'liên kết',
  business_card: 'danh thiếp',
};

const clip = (s: string) => (s.length > MAX_CHARS ? `${s.slice(0, MAX_CHARS - 1)}…` : s);

/** What the citizen did, in words an officer reads; null for events that are not a turn. */
export function describeCitizenTurn(event: OaEvent): string | null {
  switch (event.kind) {
    case 'user_send_text':
      return event.text;
    case 'user_send_media':
      return `[${MEDIA_LABELS[event.media]}]`;
    case 'user_submit_info':
      return '[Đã chia sẻ họ tên, số điện thoại]';
    case 'follow':
      return '[Quan tâm OA]';
    default:
      return null;
  }
}

/** The bot's replies as one text (buttons by their titles). */
export function describeBotReplies(replies: readonly OutMessage[]): string {
  return replies
    .map((m) => {
      if (m.kind === 'request_user_info') return `[Đề nghị chia sẻ thông tin: ${m.title}]`;
      if (m.kind === 'zns') return `[ZNS: mẫu ${m.templateId}]`;
      const buttons = m.buttons?.length ? ` [${m.buttons.map((b) => b.title).join(' | ')}]` : '';
      return `${m.text}${buttons}`;
    })
    .join('\n');
}

export async function recordTranscriptTurn(t: Tx, userId: string, event: OaEvent, replies: readonly OutMessage[], nowIso: string): Promise<void> {
  const user = describeCitizenTurn(event);
  if (user === null) return;
  const turn: TranscriptTurn = { at: nowIso, user: clip(user), bot: clip(describeBotReplies(replies)) };
  const turns = [...((await t.getTranscript(userId))?.turns ?? []), turn].slice(-KEEP_TURNS);
  await t.putTranscript({ userId, turns, updatedAt: nowIso });
}

/** The turns before `openedAt` (the handoff's request itself is its thread's first message). */
export function turnsBefore(turns: readonly TranscriptTurn[], openedAt: string): TranscriptTurn[] {
  return turns.filter((x) => x.at < openedAt).slice(-TURNS_BEFORE_HANDOFF);
}
