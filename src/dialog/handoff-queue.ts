/**
 * The officer's view of the handoff queue: each handoff with who the citizen is
 * (the name they shared, their Zalo display name), since when they wait for an
 * answer, and their conversation with the bot before they asked for an officer.
 *
 * Usage: const items = await handoffQueue(services, 'open');
 */
import type { Services } from '../services.js';
import type { Handoff, TranscriptTurn, UserProfile } from '../store/records.js';
import { listHandoffs } from './handoff-service.js';
import { turnsBefore } from './record-transcript.js';

export interface HandoffView extends Handoff {
  citizen: { sharedName?: string; displayName?: string };
  /** The first citizen message the officer has not answered yet; absent when the officer spoke last. */
  waitingSince?: string;
  /** The last turns with the bot before this handoff, oldest first. */
  before: TranscriptTurn[];
}

/** Ask the OA again for a name it did not give after this long. */
const NAME_RETRY_MS = 3_600_000;
/** Bounded per refresh: the queue is read every few seconds. */
const NAME_LOOKUPS_PER_CALL = 5;

export function waitingSince(h: Pick<Handoff, 'lastMessages' | 'openedAt'>): string | undefined {
  let since: string | undefined;
  for (const m of h.lastMessages) since = m.from === 'officer' ? undefined : (since ?? m.at);
  return h.lastMessages.length ? since : h.openedAt;
}

export async function handoffQueue(services: Services, status?: Handoff['status']): Promise<HandoffView[]> {
  const handoffs = await listHandoffs(services, status);
  const read = () =>
    services.store.tx(async (t) =>
      Promise.all(handoffs.map(async (h) => ({ profile: await t.getProfile(h.userId), transcript: await t.getTranscript(h.userId) }))),
    );
  let extra = await read();
  const nameless = handoffs.filter((h, i) => needsDisplayName(extra[i]!.profile, services.clock()));
  if (nameless.length) {
    await fetchDisplayNames(services, nameless.slice(0, NAME_LOOKUPS_PER_CALL).map((h) => h.userId));
    extra = await read();
  }
  return handoffs.map((h, i) => {
    const { profile, transcript } = extra[i]!;
    return {
      ...h,
      citizen: { sharedName: profile?.sharedName, displayName: profile?.displayName },
      waitingSince: h.status === 'open' ? waitingSince(h) : undefined,
      before: turnsBefore(transcript?.turns ?? [], h.openedAt),
    };
  });
}

function needsDisplayName(profile: UserProfile | undefined, now: Date): boolean {
  if (profile?.displayName) return false;
  const checked = profile?.displayNameCheckedAt ? Date.parse(profile.displayNameCheckedAt) : NaN;
  return !(now.getTime() - checked < NAME_RETRY_MS);
}

/** OA user detail for each user (network, outside any transaction), then one keyed write each. */
async function fetchDisplayNames(services: Services, userIds: string[]): Promise<void> {
  await Promise.all(
    userIds.map(async (userId) => {
      let displayName: string | undefined;
      try {
        displayName = (await services.oa.getUserProfile(userId)).displayName;
      } catch (err) {
        // No name is not a reason to hide the queue; the card shows the user id instead.
        services.log.warn({ err, userId }, 'could not read the citizen’s Zalo profile for the handoff card');
      }
      const nowIso = services.clock().toISOString();
      await services.store.tx(
        async (t) => {
          const profile = (await t.getProfile(userId)) ?? { userId, updatedAt: nowIso };
          await t.putProfile({ ...profile, ...(displayName ? { displayName } : {}), displayNameCheckedAt: nowIso });
        },
        { lock: `user:${userId}` },
      );
    }),
  );
}
