/**
 * Handle one recorded inbox event, exactly once: count the attempt durably
 * first (inbound-attempts.ts: a crash or a kill during the turn counts, and an
 * event whose attempts are spent is parked as failed with one apology), then, in
 * one transaction holding the user's lock, re-read the record (done → nothing),
 * run the dialog, and save state, profile, turn log, the reply outbox item and
 * "done" together. A throwing turn rolls back and the sweeper retries it.
 *
 * Usage: await processInbound(services, key, userId);
 */
import { newOutboxItem } from '../notify/new-outbox-item.js';
import type { OaEvent } from '../platform/zalo/events.js';
import type { OutMessage } from '../platform/zalo/messages.js';
import type { Services } from '../services.js';
import type { Tx } from '../store/port.js';
import type { InboundEventRecord, OutboxItem } from '../store/records.js';
import { intentsTotal } from '../metrics.js';
import { handleTurn } from './handle-turn.js';
import type { TurnContext } from './turn-context.js';
import type { NluResult } from '../nlu/nlu-types.js';
import { readablePrefix } from '../nlu/message-limits.js';
import { loadTurnState } from './load-turn-state.js';
import { applyEventToProfile } from './apply-event-to-profile.js';
import { HandlerError } from './handler-error.js';
import { recordTranscriptTurn } from './record-transcript.js';
import { recordZnsDelivery } from '../notify/record-zns-delivery.js';
import { beginAttempt, recordFailedAttempt } from './inbound-attempts.js';

export { APOLOGY_TEXT, MAX_INBOUND_ATTEMPTS } from './inbound-attempts.js';

export type ProcessResult = 'handled' | 'already_done' | 'missing' | 'busy' | 'failed' | 'gave_up';

/** Events that only confirm delivery: nothing to answer. */
const isReceipt = (e: OaEvent) => e.kind === 'user_received_message' || e.kind === 'user_seen_message' || e.kind === 'ignored';

export async function replyOutboxItem(t: Tx, key: string, userId: string, parts: OutMessage[], nowIso: string): Promise<OutboxItem> {
  return newOutboxItem(t, { dedupeKey: `reply:${key}`, kind: 'reply', userId, parts }, nowIso);
}

/**
 * `userId` is a hint from whoever queued the key (the webhook, the sweeper):
 * with it no extra read is needed before the attempt, which takes the user's lock.
 */
export async function processInbound(services: Services, key: string, userIdHint?: string): Promise<ProcessResult> {
  const { store, log: rootLog } = services;
  const log = rootLog.child({ eventId: key });
  let userId = userIdHint;
  if (userId === undefined) {
    const rec = await store.tx((t) => t.getInbound(key));
    if (!rec) return 'missing';
    if (rec.status !== 'pending') return 'already_done';
    userId = rec.userId;
  }

  const begun = await beginAttempt(services, key, userId);
  if (begun.kind !== 'run') return begun.kind;
  const event = begun.rec.event as OaEvent;

  const afterCommit: (() => Promise<void> | void)[] = [];
  let outcome: { intent: string; answered: boolean; replies: number } | null = null;
  try {
    // Pure and CPU-bound: outside the transaction (a throw here counts as a failed attempt too).
    const preNlu = event.kind === 'user_send_text' ? services.nlu.understand(event.text) : null;
    const result = await store.tx(
      async (t) => {
        const rec = await t.getInbound(key);
        if (!rec) return 'missing' as const;
        if (rec.status !== 'pending') return 'already_done' as const;
        outcome = await runTurn(services, t, rec, afterCommit, preNlu);
        return 'handled' as const;
      },
      { lock: `user:${userId}` },
    );
    if (result !== 'handled' || !outcome) return result;
  } catch (cause) {
    const err = new HandlerError(key, begun.rec.eventName, cause);
    log.error({ err, cause }, 'turn failed; rolled back');
    try {
      return await recordFailedAttempt(services, key, userId, err);
    } catch (e) {
      // The attempt was counted before the turn: the sweeper retries or parks it after its lease.
      log.error({ err: e }, 'could not record the failed attempt');
      return 'failed';
    }
  }

  const o = outcome as { intent: string; answered: boolean; replies: number };
  if (o.replies > 0) services.kickOutbox();
  if (o.intent) intentsTotal.inc({ intent: o.intent, answered: String(o.answered) });
  for (const fn of afterCommit) {
    try {
      await fn();
    } catch (err) {
      log.error({ err }, 'after-commit action failed');
    }
  }
  log.debug({ intent: o.intent, replies: o.replies }, 'event handled');
  return 'handled';
}

/** The turn itself, inside the transaction. Returns what the metrics need. */
async function runTurn(
  services: Services,
  t: Tx,
  rec: InboundEventRecord,
  afterCommit: (() => Promise<void> | void)[],
  preNlu: NluResult | null,
): Promise<{ intent: string; answered: boolean; replies: number }> {
  const now = services.clock();
  const nowIso = now.toISOString();
  const event = rec.event as OaEvent;
  // The event's text is not kept once handled (data minimisation; a done record only dedupes).
  const done = () => t.putInbound({ ...rec, status: 'done', doneAt: nowIso, event: null, claimedBy: undefined, leaseUntil: undefined });
  if (event.kind === 'zns_delivered') {
    await recordZnsDelivery(t, event.trackingId, nowIso);
    await done();
    return { intent: '', answered: false, replies: 0 };
  }
  if (isReceipt(event)) {
    await done();
    return { intent: '', answered: false, replies: 0 };
  }

  const { state, profile } = await loadTurnState(t, rec.userId, now, services.config.CONVERSATION_IDLE_MINUTES);
  await applyEventToProfile(t, event, profile, now);
  const text = event.kind === 'user_send_text' ? event.text : null;
  const nlu = text === null ? null : preNlu?.text === text ? preNlu : services.nlu.understand(text);
  // The dialog reads what the understander read: a bounded prefix (docs/nlu.md, "Limits").
  const read = text === null ? null : readablePrefix(text).text;
  const ctx: TurnContext = {
    services,
    t,
    eventKey: rec.key,
    event,
    userId: rec.userId,
    now,
    text: read,
    nlu,
    state,
    profile,
    replies: [],
    reply(...messages) {
      ctx.replies.push(...messages);
    },
    afterCommit(fn) {
      afterCommit.push(fn);
    },
    outcome: { intent: nlu?.intent ?? event.kind, answered: false },
  };
  await handleTurn(ctx);

  if (ctx.replies.length > 0) await t.addOutbox([await replyOutboxItem(t, rec.key, rec.userId, ctx.replies, nowIso)]);
  await t.putConversation({ ...ctx.state, userId: rec.userId, updatedAt: nowIso });
  await t.putProfile({ ...ctx.profile, userId: rec.userId, updatedAt: nowIso });
  await t.addTurnLog({ at: nowIso, userId: rec.userId, intent: ctx.outcome.intent, answered: ctx.outcome.answered });
  await recordTranscriptTurn(t, rec.userId, event, ctx.replies, nowIso);
  await done();
  return { ...ctx.outcome, replies: ctx.replies.length };
}
