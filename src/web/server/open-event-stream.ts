/**
 * A server-sent events response: headers, a heartbeat comment every 20 s so
 * proxies keep the connection open, and a close hook. Used by the simulator to
 * push the bot's replies live.
 */
import type { Request, Response } from 'express';

export interface EventStream {
  send(event: string, data: unknown): void;
  /** Called once when the client goes away. */
  onClose(fn: () => void): void;
}

export function openEventStream(req: Request, res: Response, heartbeatMs = 20_000): EventStream {
  res.status(200).set({
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-cache, no-transform',
    Connection: 'keep-alive',
    // nginx buffers responses unless told otherwise; SSE must go out at once.
    'X-Accel-Buffering': 'no',
  });
  res.flushHeaders();
  res.write(': ok\n\n');
  const closers: (() => void)[] = [];
  const timer = setInterval(() => res.write(': ping\n\n'), heartbeatMs);
  timer.unref();
  let closed = false;
  const close = () => {
    if (closed) return;
    closed = true;
    clearInterval(timer);
    for (const fn of closers) fn();
  };
  req.on('close', close);
  res.on('close', close);
  return {
    send(event, data) {
      if (closed) return;
      res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    },
    onClose(fn) {
      if (closed) fn();
      else closers.push(fn);
    },
  };
}
