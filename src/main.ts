/**
 * The bot's process: load .env, validate the config (exit 1 listing every
 * problem), start the bot (local mode: with the built-in OA emulator), stop
 * gracefully on SIGTERM/SIGINT (exit 0) within SHUTDOWN_TIMEOUT_MS (else exit 1).
 *
 * Production runs the build: `node dist/main.js` (this file compiled), so the
 * process a supervisor signals is this one. `npm start` runs
 * `exec node --import tsx src/main.ts`: the same single process from source.
 */
import 'dotenv/config';
import { ConfigError } from './config/load-config.js';
import { startBot, type RunningBot } from './start-bot.js';
import { armExitDeadline } from './process/exit-deadline.js';
import { printStartBanner } from './process/print-start-banner.js';

/** Before the config is read (a signal during start), the default deadline. */
const DEFAULT_SHUTDOWN_MS = 8000;

function refuseToStart(err: unknown): never {
  if (err instanceof ConfigError) process.stderr.write(`${err.message}\nSee .env.example for every variable.\n`);
  else process.stderr.write(`motcua-bot could not start: ${(err as Error)?.message ?? String(err)}\n`);
  process.exit(1);
}

async function main(): Promise<void> {
  let bot: RunningBot | undefined;
  let signalled: string | undefined;

  const shutdown = (running: RunningBot, signal: string) => {
    const { log } = running.services;
    log.info({ signal, deadlineMs: running.config.SHUTDOWN_TIMEOUT_MS }, 'shutting down');
    armExitDeadline(running.config.SHUTDOWN_TIMEOUT_MS, log);
    running.stop().then(
      () => process.exit(0),
      (err) => {
        log.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  // Installed before the (seconds long) start, so a signal then is not lost; a second
  // signal finds no handler and ends the process at once (Ctrl-C twice).
  const onSignal = (signal: string) => {
    if (bot) return shutdown(bot, signal);
    signalled = signal;
    process.stderr.write(`motcua-bot: ${signal} while starting; stopping as soon as the start completes\n`);
    armExitDeadline(DEFAULT_SHUTDOWN_MS);
  };
  process.once('SIGTERM', () => onSignal('SIGTERM'));
  process.once('SIGINT', () => onSignal('SIGINT'));

  try {
    bot = await startBot({ env: process.env });
  } catch (err) {
    refuseToStart(err);
  }
  if (signalled) return shutdown(bot, signalled);
  printStartBanner(bot);
}

await main();
