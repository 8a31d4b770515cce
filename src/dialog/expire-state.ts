/**
 * Conversation context lasts CONVERSATION_IDLE_MINUTES of silence: after that a
 * follow-up ("còn lệ phí?") no longer refers to the old procedure.
 */
import type { ConversationState } from '../store/records.js';

export function expireIdleState(state: ConversationState, now: Date, idleMinutes: number): boolean {
  const last = Date.parse(state.updatedAt);
  if (!Number.isFinite(last) || now.getTime() - last <= idleMinutes * 60_000) return false;
  state.lastProcedure = undefined;
  state.lastIntent = undefined;
  state.lastCandidates = undefined;
  state.pending = undefined;
  state.verifiedCodes = undefined;
  state.failures = 0;
  return true;
}
