/**
 * `npm start`: load .env, validate the config (exit 1 listing every problem),
 * start the bot (local mode: with the built-in OA emulator), stop gracefully
 * on SIGTERM/SIGINT (exit 0).
 */
import 'dotenv/config';
import { ConfigError } from './config/load-config.js';
import { startBot, type RunningBot } from './start-bot.js';

function printLocalMode(bot: RunningBot): void {
  const { config, emulator } = bot;
  // Listening on every interface: show the address a browser on this machine uses.
  const base = bot.url.replace('//127.0.0.1:', '//localhost:');
  const lines = [
    '',
    '  motcua-bot is running in LOCAL MODE (no ZALO_APP_ID): it talks to the built-in Zalo OA emulator.',
    '',
    `  Chat with the bot:   ${base}/simulator`,
    `  Officer console:     ${base}/console   (ADMIN_TOKEN=${config.ADMIN_TOKEN})`,
    `  Dossier feed API:    ${base}/api/v1/dossiers   (INGEST_API_KEY=${config.INGEST_API_KEY})`,
    `  OA emulator:         ${emulator?.url}   (control API under /_emulator/)`,
    `  Webhook:             ${base}/webhooks/zalo`,
    '',
    '  These are local test values, not real credentials. Set ZALO_APP_ID and friends (.env.example) to use a real OA.',
    '',
  ];
  process.stdout.write(lines.join('\n') + '\n');
}

async function main(): Promise<void> {
  let bot: RunningBot;
  try {
    bot = await startBot({ env: process.env });
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\nSee .env.example for every variable.\n`);
      process.exit(1);
    }
    process.stderr.write(`motcua-bot could not start: ${(err as Error)?.message ?? String(err)}\n`);
    process.exit(1);
  }
  bot.services.log.info({ url: bot.url, localMode: bot.config.localMode, store: bot.services.store.kind }, 'bot listening');
  if (bot.config.localMode) printLocalMode(bot);

  const shutdown = (signal: string) => {
    bot.services.log.info({ signal }, 'shutting down');
    // A second signal, or a drain that hangs, must not keep the process alive forever.
    setTimeout(() => process.exit(1), 30_000).unref();
    bot.stop().then(
      () => process.exit(0),
      (err) => {
        bot.services.log.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

await main();
