/**
 * Conversation context lasts CONVERSATION_IDLE_MINUTES of silence: after that a
 * follow-up ("còn lệ phí?") no longer refers to the old procedure.
 */
import type { ConversationState } from '../store/records.js';

/**
 * The 1–5 question after a result is returned waits longer: the citizen reads the
 * notification when they can, and a "5" typed hours later is still the rating.
 */
export const RATING_QUESTION_DAYS = 7;

export function expireIdleState(state: ConversationState, now: Date, idleMinutes: number): boolean {
  const last = Date.parse(state.updatedAt);
  if (!Number.isFinite(last) || now.getTime() - last <= idleMinutes * 60_000) return false;
  const ratingStillAsked = state.pending?.kind === 'satisfaction' && now.getTime() - last <= RATING_QUESTION_DAYS * 86_400_000;
  state.lastProcedure = undefined;
  state.lastIntent = undefined;
  state.lastCandidates = undefined;
  state.pending = ratingStillAsked ? state.pending : undefined;
  state.verifiedCodes = undefined;
  state.failures = 0;
  return true;
}
