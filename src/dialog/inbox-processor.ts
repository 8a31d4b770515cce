/**
 * Runs processInbound after the webhook acknowledged, off the request path,
 * a few at a time (a burst of events must not queue the webhook's own inbox
 * writes behind hundreds of turns), and sweeps the inbox for events left
 * pending (a crash, a failed attempt) at start and every few seconds. Old done
 * records are pruned after 7 days, well past the platform's last retry (1 h),
 * so dedupe still covers every retry.
 *
 * Usage: const inbox = new InboxProcessor(services); inbox.start(); inbox.enqueue(key, userId); await inbox.stop();
 */
import type { Services } from '../services.js';
import { processInbound } from './process-inbound.js';

export interface InboxProcessorOptions {
  /** Turns handled at the same time (the store serialises their writes anyway). */
  concurrency?: number;
  /** How often the sweeper looks for pending events (ms). */
  sweepEveryMs?: number;
  /** Only events received longer ago than this are swept (the direct path owns fresh ones). */
  sweepAfterMs?: number;
  /** Done records older than this are pruned. */
  keepDoneMs?: number;
  /**
   * While events keep arriving (one within the last 50 ms), turns run one at a time and
   * each is followed by a pause of this many times its duration, so acknowledging new
   * events keeps most of the CPU (the platform's 2 s budget); the backlog is durable and
   * drains at full speed once the burst ends. 0 turns this off.
   */
  ingressYieldFactor?: number;
}

const INGRESS_WINDOW_MS = 50;

interface Job {
  key: string;
  userId?: string;
}

const PRUNE_EVERY_MS = 10 * 60_000;

export class InboxProcessor {
  /** Keys queued or being handled: a key is never handled twice at once. */
  private readonly known = new Set<string>();
  private readonly queue: Job[] = [];
  private readonly running = new Set<Promise<void>>();
  private idle: (() => void)[] = [];
  private timer: NodeJS.Timeout | undefined;
  private stopping = false;
  private lastPrune = 0;
  private lastEnqueue = 0;
  private readonly opts: Required<InboxProcessorOptions>;

  constructor(
    private readonly services: Services,
    opts: InboxProcessorOptions = {},
  ) {
    this.opts = { concurrency: 16, sweepEveryMs: 3000, sweepAfterMs: 5000, keepDoneMs: 7 * 24 * 3600_000, ingressYieldFactor: 3, ...opts };
  }

  /** Handle `key` soon; never awaited by the HTTP response. */
  enqueue(key: string, userId?: string): void {
    if (this.stopping || this.known.has(key)) return;
    this.lastEnqueue = Date.now();
    this.known.add(key);
    this.queue.push({ key, userId });
    this.pump();
  }

  /** Events are arriving right now (a burst): acknowledgements come first. */
  private underIngress(): boolean {
    return !this.stopping && this.opts.ingressYieldFactor > 0 && Date.now() - this.lastEnqueue < INGRESS_WINDOW_MS;
  }

  private pump(): void {
    const limit = this.underIngress() ? 1 : this.opts.concurrency;
    while (this.running.size < limit && this.queue.length) {
      const job = this.queue.shift()!;
      let started = 0;
      // setImmediate: let pending I/O (acknowledgements) run before each turn.
      const p: Promise<void> = new Promise<void>((resolve) => setImmediate(resolve))
        .then(() => {
          started = performance.now();
          return processInbound(this.services, job.key, job.userId);
        })
        .then(
          () => undefined,
          (err) => this.services.log.error({ err, eventId: job.key }, 'inbox processing crashed'),
        )
        .then(() => {
          if (!this.underIngress()) return;
          const pause = (performance.now() - started) * this.opts.ingressYieldFactor;
          return new Promise<void>((resolve) => setTimeout(resolve, pause));
        })
        .finally(() => {
          this.running.delete(p);
          this.known.delete(job.key);
          this.pump();
        });
      this.running.add(p);
    }
    if (this.running.size === 0 && this.queue.length === 0) for (const resolve of this.idle.splice(0)) resolve();
  }

  start(): void {
    this.stopping = false;
    void this.sweep();
    this.timer = setInterval(() => void this.sweep(), this.opts.sweepEveryMs);
    this.timer.unref();
  }

  /**
   * Re-handle pending events older than sweepAfterMs, except those whose attempt
   * is still running somewhere (a live lease); an event whose attempts are spent is
   * parked by processInbound, not run. Prune old done ones now and then.
   */
  async sweep(): Promise<number> {
    const { store, clock, log } = this.services;
    try {
      const now = clock().getTime();
      const nowIso = new Date(now).toISOString();
      const before = new Date(now - this.opts.sweepAfterMs).toISOString();
      const pending = (await store.tx((t) => t.listPendingInbound(before, 100))).filter(
        (r) => !this.known.has(r.key) && !(r.leaseUntil && r.leaseUntil > nowIso),
      );
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

  /**
   * Stop sweeping and taking new keys; finish the turns queued and in flight
   * (each is durable in the inbox anyway: one cut short is swept at the next start).
   */
  async stop(): Promise<void> {
    this.stopping = true;
    if (this.timer) clearInterval(this.timer);
    if (this.running.size === 0 && this.queue.length === 0) return;
    await new Promise<void>((resolve) => this.idle.push(resolve));
  }

  /** Turns queued or in flight (tests, benchmarks, shutdown). */
  get busy(): number {
    return this.running.size + this.queue.length;
  }
}
