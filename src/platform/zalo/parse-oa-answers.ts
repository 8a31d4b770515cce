/** Shapes of the OA read endpoints' `data`, parsed defensively (fields vary by source). */

export interface OaUserProfile {
  displayName?: string;
  /** yyyy-mm-dd, from user_last_interaction_date (dd/MM/yyyy). */
  lastInteractionDate?: string;
  isFollower?: boolean;
}

export interface RecentOaMessage {
  messageId: string;
  /** Who sent it, from from_id/to_id ('unknown' when neither is the user). */
  from: 'oa' | 'user' | 'unknown';
  /** Epoch ms. */
  time: number;
  type: string;
  /** Text, when the message was text. */
  text?: string;
}

const obj = (v: unknown): Record<string, unknown> => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {});

export function parseUserDetail(data: unknown): OaUserProfile {
  const d = obj(data);
  const out: OaUserProfile = {};
  if (typeof d.display_name === 'string' && d.display_name) out.displayName = d.display_name;
  const m = typeof d.user_last_interaction_date === 'string' ? /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(d.user_last_interaction_date) : null;
  if (m) out.lastInteractionDate = `${m[3]}-${m[2]}-${m[1]}`;
  if (typeof d.user_is_follower === 'boolean') out.isFollower = d.user_is_follower;
  return out;
}

/**
 * /v2.0/oa/conversation answers `data` as an array of messages (some clients
 * see `data.messages`). Direction from from_id/to_id: sources disagree on `src`.
 */
export function parseRecentMessages(data: unknown, userId: string): RecentOaMessage[] {
  const rows = Array.isArray(data) ? data : Array.isArray(obj(data).messages) ? (obj(data).messages as unknown[]) : [];
  const out: RecentOaMessage[] = [];
  for (const row of rows) {
    const r = obj(row);
    const id = r.message_id ?? r.msg_id;
    if (typeof id !== 'string' && typeof id !== 'number') continue;
    const fromId = r.from_id === undefined ? undefined : String(r.from_id);
    const toId = r.to_id === undefined ? undefined : String(r.to_id);
    const from = fromId === userId ? 'user' : toId === userId ? 'oa' : 'unknown';
    const text = typeof r.message === 'string' ? r.message : undefined;
    out.push({ messageId: String(id), from, time: Number(r.time) || 0, type: typeof r.type === 'string' ? r.type : '', ...(text !== undefined ? { text } : {}) });
  }
  return out;
}
