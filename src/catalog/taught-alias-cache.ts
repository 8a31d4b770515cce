/**
 * This instance's copy of the everyday names officers taught from the console
 * (stored through the store port, so every instance shares them). Re-read every
 * TAUGHT_REFRESH_MS and at once after a change made here; the understander gets
 * `current()` with every message and compiles a new array once.
 *
 * Usage: const cache = new TaughtAliasCache(store, log, 3000); await cache.start(); … cache.stop();
 */
import type { Logger } from 'pino';
import type { Store } from '../store/port.js';
import type { TaughtAliasEntry } from '../nlu/nlu-types.js';

const NONE: readonly TaughtAliasEntry[] = Object.freeze([]);

export class TaughtAliasCache {
  private entries: readonly TaughtAliasEntry[] = NONE;
  /** What the entries were built from: a new array only when something changed. */
  private signature = '';
  private timer: NodeJS.Timeout | undefined;
  private inFlight: Promise<void> | undefined;

  constructor(
    private readonly store: Store,
    private readonly log: Pick<Logger, 'warn'>,
    private readonly everyMs: number,
  ) {}

  current(): readonly TaughtAliasEntry[] {
    return this.entries;
  }

  /** Read the store now (a refresh already running is joined, then run again). */
  async refresh(): Promise<void> {
    const previous = this.inFlight;
    const run = (async () => {
      await previous?.catch(() => undefined);
      const rows = await this.store.tx((t) => t.listTaughtAliases());
      const signature = rows.map((r) => `${r.key}\u0000${r.code}`).join('\u0001');
      if (signature === this.signature) return;
      this.signature = signature;
      this.entries = Object.freeze(rows.map((r) => ({ alias: r.alias, code: r.code })));
    })();
    this.inFlight = run;
    try {
      await run;
    } finally {
      if (this.inFlight === run) this.inFlight = undefined;
    }
  }

  async start(): Promise<void> {
    await this.refresh().catch((err) => this.log.warn({ err }, 'could not read taught aliases'));
    this.timer ??= setInterval(() => {
      this.refresh().catch((err) => this.log.warn({ err }, 'could not read taught aliases'));
    }, this.everyMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }
}
