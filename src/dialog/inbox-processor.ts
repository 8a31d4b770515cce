/**
 * Runs processInbound after the webhook acknowledged, off the request path,
 * and sweeps the inbox for events left pending (a crash, a failed attempt)
 * at start and every few seconds. Old done records are pruned after 7 days,
 * well past the platform's last retry (1 h), so dedupe still covers every retry.
 *
 * Usage: const inbox = new InboxProcessor(services); inbox.start(); inbox.enqueue(key, userId); await inbox.stop();
 */
import type { Services } from '../services.js';
import { processInbound } from './process-inbound.js';

export interface InboxProcessorOptions {
  /** How often the sweeper looks for pending events (ms). */
  sweepEveryMs?: number;
  /** Only events received longer ago than this are swept (the direct path owns fresh ones). */
  sweepAfterMs?: number;
  /** Done records older than this are pruned. */
  keepDoneMs?: number;
}

const PRUNE_EVERY_MS = 10 * 60_000;

export class InboxProcessor {
  private readonly inFlight = new Map<string, Promise<unknown>>();
  private timer: NodeJS.Timeout | undefined;
  private stopping = false;
  private lastPrune = 0;
  private readonly opts: Required<InboxProcessorOptions>;

  constructor(
    private readonly services: Services,
    opts: InboxProcessorOptions = {},
  ) {
    this.opts = { sweepEveryMs: 3000, sweepAfterMs: 5000, keepDoneMs: 7 * 24 * 3600_000, ...opts };
  }

  /** Handle `key` soon; never awaited by the HTTP response. */
  enqueue(key: string, userId?: string): void {
    if (this.stopping || this.inFlight.has(key)) return;
    const p = new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => processInbound(this.services, key, userId))
      .catch((err) => this.services.log.error({ err, eventId: key }, 'inbox processing crashed'))
      .finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, p);
  }

  start(): void {
    this.stopping = false;
    void this.sweep();
    this.timer = setInterval(() => void this.sweep(), this.opts.sweepEveryMs);
    this.timer.unref();
  }

  /** Re-handle pending events older than sweepAfterMs; prune old done ones now and then. */
  async sweep(): Promise<number> {
    const { store, clock, log } = this.services;
    try {
      const now = clock().getTime();
      const before = new Date(now - this.opts.sweepAfterMs).toISOString();
      const pending = await store.tx((t) => t.listPendingInbound(before, 100));
      for (const rec of pending) this.enqueue(rec.key, rec.userId);
      if (pending.length) log.warn({ count: pending.length }, 'sweeping pending inbox events');
      if (now - this.lastPrune >= PRUNE_EVERY_MS) {
        this.lastPrune = now;
        const pruned = await store.tx((t) => t.pruneInbound(new Date(now - this.opts.keepDoneMs).toISOString()));
        if (pruned) log.info({ pruned }, 'pruned old inbox records');
      }
      return pending.length;
    } catch (err) {
      log.error({ err }, 'inbox sweep failed');
      return 0;
    }
  }

  /** Stop sweeping, take no new work, and wait for the turns in flight. */
  async stop(): Promise<void> {
    this.stopping = true;
    if (this.timer) clearInterval(this.timer);
    while (this.inFlight.size) await Promise.allSettled([...this.inFlight.values()]);
  }

  /** Turns in flight (tests and shutdown). */
  get busy(): number {
    return this.inFlight.size;
  }
}
