/**
 * Rejected requests (bad signature, bad JSON, 401, 413…) are all counted
 * (motcua_http_rejections_total) but logged sampled: per source and reason, the
 * first `perWindow` of a window in full, then one summary line with the number
 * left out when the window ends. A flood of forged webhooks or guessed tokens
 * costs a few lines a minute instead of one per request.
 *
 * Usage:
 *   const rejections = new RejectionLog(log);
 *   rejections.reject('admin', 'unauthorized', { status: 401, path: req.path }, 'request refused: bad token');
 */
import type { Logger } from 'pino';
import { httpRejections } from '../metrics.js';

export interface RejectionLogOptions {
  /** Lines logged in full per source and reason in one window (default 5). */
  perWindow?: number;
  /** Window length (default one minute). */
  windowMs?: number;
}

interface Window {
  startedAt: number;
  logged: number;
  suppressed: number;
  timer?: NodeJS.Timeout;
}

export class RejectionLog {
  private readonly windows = new Map<string, Window>();
  private readonly perWindow: number;
  private readonly windowMs: number;

  constructor(
    private readonly log: Logger,
    opts: RejectionLogOptions = {},
  ) {
    this.perWindow = opts.perWindow ?? 5;
    this.windowMs = opts.windowMs ?? 60_000;
  }

  /** Count one rejection; log it unless this window already has `perWindow` lines for it. */
  reject(source: string, reason: string, fields: Record<string, unknown>, message: string): void {
    httpRejections.inc({ source, reason });
    const key = `${source}\u0000${reason}`;
    const now = Date.now();
    let w = this.windows.get(key);
    if (!w || now - w.startedAt >= this.windowMs) {
      w = { startedAt: now, logged: 0, suppressed: 0 };
      this.windows.set(key, w);
    }
    if (w.logged < this.perWindow) {
      w.logged++;
      this.log.warn({ source, reason, ...fields }, message);
      return;
    }
    w.suppressed++;
    // unref: a pending summary never keeps the process alive.
    w.timer ??= setTimeout(() => this.summarise(key), w.startedAt + this.windowMs - now).unref();
  }

  /** Write the pending summaries now (at shutdown). */
  flush(): void {
    for (const key of [...this.windows.keys()]) this.summarise(key);
  }

  private summarise(key: string): void {
    const w = this.windows.get(key);
    if (!w) return;
    this.windows.delete(key);
    if (w.timer) clearTimeout(w.timer);
    if (w.suppressed === 0) return;
    const [source, reason] = key.split('\u0000');
    this.log.warn(
      { source, reason, suppressed: w.suppressed, logged: w.logged, windowSeconds: Math.round(this.windowMs / 1000) },
      `${w.suppressed} more rejected requests like this were not logged (see motcua_http_rejections_total)`,
    );
  }
}
