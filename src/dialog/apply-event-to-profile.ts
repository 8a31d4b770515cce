/**
 * Facts an event establishes about the user, before the dialog runs:
 * the consultation window, follower state, shared name/phone, and the
 * subscriptions an unfollow cancels. Inside the turn's transaction.
 */
import type { OaEvent } from '../platform/zalo/events.js';
import type { Tx } from '../store/port.js';
import type { UserProfile } from '../store/records.js';

/** Events the citizen caused: they open the 7-day consultation window. */
export function isUserInitiated(event: OaEvent): boolean {
  return (
    event.kind === 'user_send_text' ||
    event.kind === 'user_send_media' ||
    event.kind === 'follow' ||
    event.kind === 'user_submit_info'
  );
}

/** When the citizen acted: the event's own time (a retried delivery can be late), never in the future. */
function interactionTime(event: OaEvent, now: Date): string {
  const ms = Number(event.timestamp);
  return Number.isFinite(ms) && ms > 0 && ms <= now.getTime() ? new Date(ms).toISOString() : now.toISOString();
}

export async function applyEventToProfile(t: Tx, event: OaEvent, profile: UserProfile, now: Date): Promise<void> {
  const nowIso = now.toISOString();
  if (isUserInitiated(event)) {
    const at = interactionTime(event, now);
    if (!profile.lastInteractionAt || at > profile.lastInteractionAt) profile.lastInteractionAt = at;
    // Notifications parked outside the window can go now.
    await t.releaseWaitingOutbox(event.userId, nowIso);
  }
  if (event.kind === 'follow') profile.follower = true;
  if (event.kind === 'unfollow') {
    profile.follower = false;
    await t.removeUserSubscriptions(event.userId);
  }
  if (event.kind === 'user_submit_info') {
    if (event.name) profile.sharedName = event.name;
    if (event.phone) profile.sharedPhone = event.phone;
  }
}
