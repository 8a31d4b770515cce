/**
 * Delivers outbox items (replies and notifications) through the OA client.
 * Claims items under a lease (per-user order is the store's job), sends the
 * remaining parts in order and records each accepted part at once, so the
 * window between "the OA accepted" and "we know it" is one store write.
 * Failures follow delivery-policy.ts: fallback to a transaction message,
 * wait for the citizen's next message, retry with full-jitter backoff, or fail.
 * A ZNS is marked "send started" before its call; an interrupted one is resolved
 * by its delivery receipt before it is sent again (resolve-interrupted-zns.ts).
 *
 * Usage: const w = new OutboxWorker(services); w.start(); w.kick(); await w.stop();
 */
import type { OutMessage, TransactionMessage } from '../platform/zalo/messages.js';
import type { SendResult, Services } from '../services.js';
import type { OutboxItem } from '../store/records.js';
import { notificationsTotal, replyLatency } from '../metrics.js';
import { computeBackoff } from './backoff.js';
import { chooseChannel, classifyFailure, type Channel } from './delivery-policy.js';
import { checkAlreadySent } from './check-already-sent.js';
import { awaitingReceiptReason, resolveInterruptedZns } from './resolve-interrupted-zns.js';
import { OaError, OaNetworkError } from '../platform/zalo/oa-errors.js';
import { splitOutMessage } from '../platform/zalo/build-oa-message.js';

export interface OutboxWorkerOptions {
  /** Lease owner id (default: config.instanceId). */
  owner?: string;
  /** Items delivered at the same time (each belongs to a different user). */
  concurrency?: number;
  /** Idle poll interval (ms); kick() wakes the worker sooner. */
  pollMs?: number;
  /** For tests: the jitter source. */
  random?: () => number;
}

const describe = (err: unknown) => {
  const e = err as { name?: string; code?: string; message?: string };
  return `${e?.name ?? 'Error'}${e?.code ? ` ${e.code}` : ''}: ${e?.message ?? String(err)}`.slice(0, 500);
};

export class OutboxWorker {
  private running = false;
  private loopDone: Promise<void> = Promise.resolve();
  private readonly inFlight = new Set<Promise<void>>();
  private wake: (() => void) | undefined;
  private kicked = false;
  private readonly owner: string;
  private readonly concurrency: number;
  private readonly pollMs: number;

  constructor(
    private readonly services: Services,
    private readonly opts: OutboxWorkerOptions = {},
  ) {
    this.owner = opts.owner ?? services.config.instanceId;
    this.concurrency = opts.concurrency ?? 32;
    this.pollMs = opts.pollMs ?? 500;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loopDone = this.loop();
  }

  /** Wake the worker now (new items were written). */
  kick(): void {
    this.kicked = true;
    this.wake?.();
  }

  /** Stop claiming and wait for the sends in flight. */
  async stop(): Promise<void> {
    this.running = false;
    this.kick();
    await this.loopDone;
    while (this.inFlight.size) await Promise.allSettled([...this.inFlight]);
  }

  /** Claim once and deliver what was claimed (tests, benchmarks). Returns the number claimed. */
  async runOnce(): Promise<number> {
    const items = await this.claim(this.concurrency);
    await Promise.all(items.map((i) => this.deliver(i)));
    return items.length;
  }

  private async loop(): Promise<void> {
    while (this.running) {
      let claimed = 0;
      const free = this.concurrency - this.inFlight.size;
      if (free > 0) {
        try {
          const items = await this.claim(free);
          claimed = items.length;
          for (const item of items) this.track(this.deliver(item));
        } catch (err) {
          this.services.log.error({ err }, 'outbox claim failed');
        }
      }
      if (!this.running) break;
      if (claimed === 0 || this.inFlight.size >= this.concurrency) await this.sleep();
    }
  }

  private track(p: Promise<void>): void {
    const tracked = p
      .catch((err) => this.services.log.error({ err }, 'outbox delivery crashed'))
      .finally(() => {
        this.inFlight.delete(tracked);
        this.kick(); // the user's next item may be deliverable now
      });
    this.inFlight.add(tracked);
  }

  private sleep(): Promise<void> {
    if (this.kicked) {
      this.kicked = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const timer = setTimeout(done, this.pollMs);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = () => {
        this.wake = undefined;
        this.kicked = false;
        done();
      };
    });
  }

  private claim(limit: number): Promise<OutboxItem[]> {
    const now = this.services.clock();
    const leaseUntil = new Date(now.getTime() + this.services.config.NOTIFY_LEASE_MS).toISOString();
    return this.services.store.tx((t) => t.claimOutbox(this.owner, now.toISOString(), leaseUntil, limit));
  }

  /** Write `next` if we still hold the lease; false when another worker took the item over. */
  private async save(next: OutboxItem, held: OutboxItem, receivedKey?: string): Promise<{ ok: boolean; receivedAt?: string }> {
    return this.services.store.tx(async (t) => {
      const cur = await t.getOutbox(held.id);
      if (!cur || cur.claimedBy !== this.owner || cur.leaseUntil !== held.leaseUntil) return { ok: false };
      // A ZNS delivery receipt may have been recorded while we held the item: keep it.
      await t.putOutbox(cur.deliveredAt && !next.deliveredAt ? { ...next, deliveredAt: cur.deliveredAt } : next);
      return { ok: true, receivedAt: receivedKey ? (await t.getInbound(receivedKey))?.receivedAt : undefined };
    });
  }

  private async send(channel: Channel, item: OutboxItem, part: OutMessage): Promise<SendResult> {
    const userId = item.userId;
    if (part.kind === 'zns') {
      if (!this.services.oa.sendZns) throw new Error('this OA sender cannot send ZNS');
      // tracking_id = the item's key: the delivery webhook names it.
      const r = await this.services.oa.sendZns(part, item.id);
      return { messageIds: r.msgId ? [r.msgId] : [] };
    }
    return channel === 'transaction' || part.kind === 'transaction'
      ? this.services.oa.sendTransaction(userId, part as TransactionMessage)
      : this.services.oa.sendConsultation(userId, part);
  }

  /** Deliver one claimed item as far as it goes; always leaves it in a recorded state. */
  async deliver(held: OutboxItem): Promise<void> {
    const { services } = this;
    const log = services.log.child({ outboxId: held.id, userId: held.userId, kind: held.kind });
    const now = services.clock();
    const profile = held.kind === 'notification' && !held.via && held.parts[0]?.kind !== 'zns' ? await services.store.tx((t) => t.getProfile(held.userId)) : undefined;
    const first = chooseChannel(held, profile, now);
    // One part = one OA call: long texts are split here, deterministically (idempotent on split parts),
    // so sentParts counts OA-accepted messages and a resend never repeats an accepted chunk.
    let item: OutboxItem = { ...held, parts: held.parts.flatMap(splitOutMessage), ...(held.fallback ? { fallback: held.fallback.flatMap(splitOutMessage) } : {}) };
    const release = { claimedBy: undefined, leaseUntil: undefined };
    if ('wait' in first) {
      await this.save({ ...item, ...release, status: 'waiting' }, held);
      notificationsTotal.inc({ kind: item.kind, result: 'waiting' });
      return;
    }
    let channel = first.channel;
    if (channel === 'zns') {
      const done = await this.resolveZns(item, held, now, log);
      if (done) return;
      item = { ...item, znsSendStartedAt: undefined };
    }
    // An earlier attempt may have been cut off after the OA accepted the next part.
    const maybeSent = item.attempts > 0 || now.getTime() - Date.parse(item.createdAt) >= services.config.NOTIFY_LEASE_MS;

    for (;;) {
      const parts = (channel === 'transaction' ? item.fallback : item.parts) ?? [];
      if (item.sentParts >= parts.length) break;
      const part = parts[item.sentParts];
      let result: SendResult | undefined;
      if (part.kind === 'zns') {
        // Durably "send started" before the call: a crash after Zalo accepted it leaves this mark.
        item = { ...item, znsSendStartedAt: services.clock().toISOString() };
        if (!(await this.save(item, held)).ok) {
          log.warn('lease lost before sending; another worker owns the item now');
          return;
        }
      } else if (maybeSent && item.sentParts === held.sentParts && channel === (held.via ?? channel)) {
        const check = await checkAlreadySent(services.oa, item.userId, part, new Date(item.createdAt));
        if (check.sent === true) result = { messageIds: check.messageId ? [check.messageId] : [] };
        else if (check.sent === 'unknown') log.warn({ part: item.sentParts, reason: check.reason }, 'cannot tell whether the OA already has this part; resending (at-least-once)');
      }
      try {
        result ??= await this.send(channel, item, part);
      } catch (err) {
        // Zalo's answer (or no connection at all) settles the call; a timeout or a reset does not.
        const settled = err instanceof OaError && !(err instanceof OaNetworkError && err.ambiguous);
        if (part.kind === 'zns' && settled) item = { ...item, znsSendStartedAt: undefined };
        const decision = classifyFailure(err, channel, item, { now: services.clock(), maxParkDays: services.config.ZNS_PARK_MAX_DAYS });
        if (decision.action === 'fallback' && channel === 'cs') {
          log.info({ code: (err as { code?: string }).code }, 'outside the consultation window; using the transaction fallback');
          channel = 'transaction';
          item = { ...item, via: 'transaction', sentParts: 0 };
          continue;
        }
        await this.recordFailure(item, held, decision.action === 'fallback' ? { action: 'wait' } : decision, err, log);
        return;
      }
      const sentParts = item.sentParts + 1;
      const last = sentParts >= parts.length;
      item = {
        ...item,
        via: channel,
        sentParts,
        oaMessageIds: [...item.oaMessageIds, ...result.messageIds],
        znsSendStartedAt: undefined,
        ...(last ? { ...release, status: 'sent' as const, sentAt: services.clock().toISOString(), lastError: undefined } : {}),
      };
      const saved = await this.save(item, held, last && item.kind === 'reply' ? item.dedupeKey.replace(/^reply:/, '') : undefined);
      if (!saved.ok) {
        log.warn('lease lost while sending; another worker owns the item now');
        return;
      }
      if (last) {
        notificationsTotal.inc({ kind: item.kind, result: 'sent' });
        if (saved.receivedAt) replyLatency.observe((Date.now() - Date.parse(saved.receivedAt)) / 1000);
      }
    }
    if (item.status !== 'sent') {
      // Nothing left to send (e.g. an empty item): close it.
      await this.save({ ...item, ...release, status: 'sent', sentAt: services.clock().toISOString() }, held);
    }
  }

  /**
   * A ZNS whose earlier call may have reached Zalo: closed as sent when its receipt came,
   * held back while the receipt may still come. True when the item is settled for now.
   */
  private async resolveZns(item: OutboxItem, held: OutboxItem, now: Date, log: Services['log']): Promise<boolean> {
    // A one-time code is awaited in the chat and expires: resend at once (a second copy of the
    // same code is harmless) unless its receipt already came.
    const isOtp = item.parts[0]?.kind === 'zns' && item.parts[0].templateKey === 'otp';
    const waitMs = isOtp ? 0 : this.services.config.ZNS_RECEIPT_WAIT_SECONDS * 1000;
    const r = resolveInterruptedZns(item, now, waitMs);
    const release = { claimedBy: undefined, leaseUntil: undefined };
    if ('waitUntil' in r) {
      log.info({ until: r.waitUntil }, 'ZNS send was interrupted; waiting for its delivery receipt before sending again');
      await this.save({ ...item, ...release, status: 'pending', nextAttemptAt: r.waitUntil, lastError: awaitingReceiptReason(r.waitUntil) }, held);
      notificationsTotal.inc({ kind: item.kind, result: 'awaiting_receipt' });
      return true;
    }
    if (r.sent) {
      log.info('ZNS delivery receipt found for an interrupted send; not sending again');
      const sentAt = item.sentAt ?? item.deliveredAt ?? now.toISOString();
      await this.save({ ...item, ...release, via: 'zns', sentParts: item.parts.length, status: 'sent', sentAt, znsSendStartedAt: undefined, lastError: undefined }, held);
      notificationsTotal.inc({ kind: item.kind, result: 'sent' });
      return true;
    }
    if (r.resend) log.warn({ waitSeconds: waitMs / 1000 }, 'no delivery receipt for an interrupted ZNS; sending it again (at-least-once)');
    return false;
  }

  private async recordFailure(
    item: OutboxItem,
    held: OutboxItem,
    decision: ReturnType<typeof classifyFailure>,
    err: unknown,
    log: Services['log'],
  ): Promise<void> {
    const { config, clock } = this.services;
    const lastError = 'reason' in decision && decision.reason ? decision.reason : describe(err);
    // Nothing accepted yet: the next attempt chooses the channel afresh (the citizen may be back in the window).
    const via = item.sentParts > 0 ? item.via : undefined;
    const base = { ...item, via, claimedBy: undefined, leaseUntil: undefined, lastError };
    let next: OutboxItem;
    let result: string;
    if (decision.action === 'wait') {
      next = { ...base, status: 'waiting' };
      result = 'waiting';
    } else if (decision.action === 'park') {
      // Not an attempt: the platform said when to come back (quota, night).
      next = { ...base, status: 'pending', nextAttemptAt: decision.until };
      result = 'parked';
    } else if (decision.action === 'retry' && item.attempts + 1 < config.NOTIFY_MAX_ATTEMPTS) {
      const attempts = item.attempts + 1;
      const delay = computeBackoff(attempts, {
        baseMs: config.NOTIFY_BASE_DELAY_MS,
        retryAfterSeconds: decision.retryAfterSeconds,
        random: this.opts.random,
      });
      next = { ...base, status: 'pending', attempts, nextAttemptAt: new Date(clock().getTime() + delay).toISOString() };
      result = 'retried';
    } else {
      next = { ...base, status: 'failed', attempts: item.attempts + 1 };
      result = 'failed';
    }
    const level = result === 'failed' ? 'error' : 'warn';
    log[level]({ err: lastError, attempts: next.attempts, status: next.status }, `outbox delivery ${result}`);
    await this.save(next, held);
    notificationsTotal.inc({ kind: item.kind, result });
  }
}
