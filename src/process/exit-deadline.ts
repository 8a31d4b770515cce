/**
 * After SIGTERM/SIGINT the process is gone within a hard deadline, even if a
 * turn, an OA send or a store call hangs, or the event loop is blocked:
 * - a timer on the main thread logs and exits 1 at the deadline;
 * - a watchdog thread (its own event loop, immune to a blocked main thread)
 *   writes one line and kills the process a second later if that timer could not run.
 * Nothing acknowledged is lost: the inbox keeps unfinished events pending and
 * the next start sweeps them; an interrupted send is reclaimed after its lease.
 *
 * Usage: armExitDeadline(8000, log);   // then await bot.stop(); process.exit(0);
 */
import { Worker } from 'node:worker_threads';

/** How long after the deadline the watchdog steps in (the main thread's exit comes first when it can). */
const WATCHDOG_GRACE_MS = 1000;

// CommonJS, evaluated in the worker: no file to find from src/ (tsx) or dist/ (node).
const WATCHDOG_SOURCE = `
const { workerData } = require('node:worker_threads');
const { writeSync } = require('node:fs');
setTimeout(() => {
  const line = { level: 'fatal', time: new Date().toISOString(), service: 'motcua-bot', deadlineMs: workerData.deadlineMs, msg: workerData.message };
  try { writeSync(1, JSON.stringify(line) + '\\n'); } catch {}
  process.kill(process.pid, 'SIGKILL');
}, workerData.afterMs);
`;

/** The part of the logger used at the deadline (pino's Logger fits). */
export interface DeadlineLog {
  fatal(fields: object, message: string): void;
  flush?(): void;
}

const stderrLog: DeadlineLog = { fatal: (_fields, message) => process.stderr.write(`motcua-bot: ${message}\n`) };

let armed = false;

/** Arm once; later calls do nothing (a second signal does not move the deadline). */
export function armExitDeadline(deadlineMs: number, log: DeadlineLog = stderrLog): void {
  if (armed) return;
  armed = true;
  const message = `shutdown did not finish within ${deadlineMs} ms: exiting now; unfinished events stay pending and are handled at the next start`;
  setTimeout(() => {
    log.fatal({ deadlineMs }, message);
    log.flush?.();
    process.exit(1);
  }, deadlineMs).unref();
  const watchdog = new Worker(WATCHDOG_SOURCE, {
    eval: true,
    workerData: { afterMs: deadlineMs + WATCHDOG_GRACE_MS, deadlineMs, message: `${message} (event loop blocked: killed by the watchdog)` },
  });
  watchdog.unref();
}
