/**
 * Child for exit-deadline.test.ts: arms the shutdown deadline, then either
 * hangs with a free event loop ('hang') or blocks the event loop ('blocked').
 */
import { armExitDeadline } from '../../../src/process/exit-deadline.js';
import { createLogger } from '../../../src/logger.js';

const [mode, ms] = process.argv.slice(2);
armExitDeadline(Number(ms), createLogger());
process.stdout.write('armed\n');
if (mode === 'blocked') {
  // A turn stuck in synchronous work: no timer of this thread can run.
  setTimeout(() => {
    for (;;);
  }, 10);
}
setInterval(() => undefined, 1000); // a hang that leaves the loop free (a send that never answers)
