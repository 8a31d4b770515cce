/**
 * The conversation state and profile a turn starts from: loaded, or new, and
 * the conversation reset (all but userId) after CONVERSATION_IDLE_MINUTES of silence.
 */
import type { Tx } from '../store/port.js';
import type { ConversationState, UserProfile } from '../store/records.js';
import { RATING_QUESTION_DAYS } from './expire-state.js';

export function freshConversation(userId: string, nowIso: string): ConversationState {
  return { userId, failures: 0, updatedAt: nowIso };
}

export async function loadTurnState(
  t: Tx,
  userId: string,
  now: Date,
  idleMinutes: number,
): Promise<{ state: ConversationState; profile: UserProfile }> {
  const nowIso = now.toISOString();
  const saved = await t.getConversation(userId);
  const idle = saved ? now.getTime() - Date.parse(saved.updatedAt) > idleMinutes * 60_000 : true;
  const state = saved && !idle ? saved : freshConversation(userId, nowIso);
  // The rating question after a returned result outlives the idle reset (expire-state.ts).
  if (saved && idle && saved.pending?.kind === 'satisfaction' && now.getTime() - Date.parse(saved.updatedAt) <= RATING_QUESTION_DAYS * 86_400_000) {
    state.pending = saved.pending;
  }
  const profile = (await t.getProfile(userId)) ?? { userId, updatedAt: nowIso };
  return { state, profile };
}
