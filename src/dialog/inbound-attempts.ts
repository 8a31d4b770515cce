/**
 * Attempts at an inbox event, so that no message can stop the bot. Each turn is
 * counted durably, in its own small transaction, BEFORE it runs: a turn that
 * crashes the process, runs it out of memory or hangs until it is killed still
 * counts. An event picked up (direct path or sweeper) with MAX_INBOUND_ATTEMPTS
 * already spent is parked as `failed` with its reason instead of running again,
 * and the citizen gets one apology (outbox key `reply:<event key>`, so it can
 * never double, nor follow a reply).
 *
 *   const begun = await beginAttempt(services, key, userId);
 *   if (begun.kind === 'run') { … the turn … on a throw: await recordFailedAttempt(services, key, userId, err) }
 */
import { newOutboxItem } from '../notify/new-outbox-item.js';
import type { OaEvent } from '../platform/zalo/events.js';
import type { Services } from '../services.js';
import type { Tx } from '../store/port.js';
import type { InboundEventRecord } from '../store/records.js';
import { inboxParkedTotal } from '../metrics.js';
import { isUserInitiated } from './apply-event-to-profile.js';

export const MAX_INBOUND_ATTEMPTS = 3;
/** While an attempt runs, no other instance starts one; past this it is presumed dead (crash, kill). */
export const ATTEMPT_LEASE_MS = 60_000;
export const APOLOGY_TEXT = 'Dạ, hệ thống đang gặp sự cố, anh/chị vui lòng thử lại sau ít phút.';

export type BeginResult =
  | { kind: 'run'; rec: InboundEventRecord }
  | { kind: 'missing' | 'already_done' | 'busy' | 'gave_up' };

/** Count one attempt (committed before this resolves), or park the event when its attempts are spent. */
export async function beginAttempt(services: Services, key: string, userId: string): Promise<BeginResult> {
  const now = services.clock();
  const nowIso = now.toISOString();
  const result = await services.store.tx(
    async (t): Promise<BeginResult> => {
      const rec = await t.getInbound(key);
      if (!rec) return { kind: 'missing' };
      if (rec.status !== 'pending') return { kind: 'already_done' };
      if (rec.leaseUntil && rec.leaseUntil > nowIso) return { kind: 'busy' };
      if (rec.attempts >= MAX_INBOUND_ATTEMPTS) {
        const why = rec.lastError ? `last error: ${rec.lastError}` : 'the process died or hung during the turn';
        await park(t, rec, `gave up after ${rec.attempts} attempts; ${why}`, nowIso);
        return { kind: 'gave_up' };
      }
      const counted: InboundEventRecord = {
        ...rec,
        attempts: rec.attempts + 1,
        lastAttemptAt: nowIso,
        claimedBy: services.config.instanceId,
        leaseUntil: new Date(now.getTime() + ATTEMPT_LEASE_MS).toISOString(),
      };
      await t.putInbound(counted);
      return { kind: 'run', rec: counted };
    },
    { lock: `user:${userId}` },
  );
  if (result.kind === 'gave_up') gaveUp(services, key);
  return result;
}

/**
 * The turn threw and rolled back: keep its error and free the event for the
 * sweeper; park it at once when that was the last attempt.
 */
export async function recordFailedAttempt(services: Services, key: string, userId: string, err: Error): Promise<'failed' | 'gave_up'> {
  const parked = await services.store.tx(
    async (t) => {
      const rec = await t.getInbound(key);
      if (!rec || rec.status !== 'pending') return false;
      const lastError = err.message.slice(0, 500);
      const freed: InboundEventRecord = { ...rec, lastError, claimedBy: undefined, leaseUntil: undefined };
      if (rec.attempts < MAX_INBOUND_ATTEMPTS) {
        await t.putInbound(freed);
        return false;
      }
      await park(t, freed, `gave up after ${rec.attempts} attempts; last error: ${lastError}`, services.clock().toISOString());
      return true;
    },
    { lock: `user:${userId}` },
  );
  if (!parked) return 'failed';
  gaveUp(services, key);
  return 'gave_up';
}

/** Mark the event failed and queue the one apology (only for what the citizen did; not for an unfollow). */
async function park(t: Tx, rec: InboundEventRecord, reason: string, nowIso: string): Promise<void> {
  await t.putInbound({ ...rec, status: 'failed', failedAt: nowIso, failedReason: reason, claimedBy: undefined, leaseUntil: undefined });
  if (rec.event && isUserInitiated(rec.event as OaEvent)) {
    const parts = [{ kind: 'text' as const, text: APOLOGY_TEXT }];
    await t.addOutbox([await newOutboxItem(t, { dedupeKey: `reply:${rec.key}`, kind: 'reply', userId: rec.userId, parts }, nowIso)]);
  }
}

function gaveUp(services: Services, key: string): void {
  inboxParkedTotal.inc();
  services.log.error({ eventId: key, attempts: MAX_INBOUND_ATTEMPTS }, 'gave up on an inbox event; parked as failed, apology queued');
  services.kickOutbox();
}
