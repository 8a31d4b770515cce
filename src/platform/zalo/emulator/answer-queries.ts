/** Read endpoints of the emulator: user detail and the recent conversation. */
import type { EmulatorState } from './emulator-state.js';
import { isObject } from './http-io.js';
import { oaErrorText } from './oa-error-texts.js';
import { userIdByApp } from './build-inbound-event.js';

type Answer = Record<string, unknown>;

const invalid = (field: string): Answer => ({ error: -201, message: `${field} is invalid!` });

function ddmmyyyy(d: Date): string {
  // The platform reports the date in Vietnam time, day granularity.
  const v = new Date(d.getTime() + 7 * 3600 * 1000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(v.getUTCDate())}/${p(v.getUTCMonth() + 1)}/${v.getUTCFullYear()}`;
}

/** GET /v3.0/oa/user/detail?data={"user_id":"…"} */
export function answerUserDetail(state: EmulatorState, data: unknown): Answer {
  if (!isObject(data) || typeof data.user_id !== 'string' || data.user_id === '') return invalid('user_id');
  const u = state.users.get(data.user_id);
  // A user the OA has never seen (no event, no follow) is unknown to it.
  if (!u) return { error: -213, message: oaErrorText(-213) };
  return {
    error: 0,
    message: 'Success',
    data: {
      user_id: u.userId,
      user_id_by_app: userIdByApp(u.userId),
      display_name: `Người dùng ${u.userId.slice(-4)}`,
      user_alias: '',
      is_sensitive: false,
      ...(u.lastInteractionAt ? { user_last_interaction_date: ddmmyyyy(u.lastInteractionAt) } : {}),
      user_is_follower: u.follower,
      avatar: '',
      avatars: { '120': '', '240': '' },
      ...(u.sharedPhone || u.sharedName ? { shared_info: { name: u.sharedName ?? '', phone: u.sharedPhone ?? '', address: '', city: '', district: '' } } : {}),
    },
  };
}

/** GET /v2.0/oa/conversation?data={"user_id":"…","offset":0,"count":N}: newest first. */
export function answerConversation(state: EmulatorState, data: unknown, oaId: string): Answer {
  if (!isObject(data) || typeof data.user_id !== 'string' || data.user_id === '') return invalid('user_id');
  const offset = Number(data.offset ?? 0);
  const count = Number(data.count ?? 5);
  if (!Number.isInteger(offset) || offset < 0) return invalid('offset');
  if (!Number.isInteger(count) || count < 1 || count > 10) return invalid('count');
  const userId = data.user_id;
  const lines = [...(state.conversation.get(userId) ?? [])].reverse().slice(offset, offset + count);
  return {
    error: 0,
    message: 'Success',
    data: lines.map((l) => ({
      // src 1 = sent by the user (sources disagree; the client relies on from_id/to_id).
      src: l.fromUser ? 1 : 0,
      time: l.time,
      type: l.type,
      message: l.text,
      message_id: l.messageId,
      from_id: l.fromUser ? userId : oaId,
      to_id: l.fromUser ? oaId : userId,
    })),
  };
}
