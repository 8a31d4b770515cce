/**
 * What a person starting the bot needs to read: in local mode where to talk to
 * it and with which local keys; outside local mode, which doors are shut
 * because their key is unset.
 */
import type { RunningBot } from '../start-bot.js';
import { isLoopbackHost } from '../config/is-loopback-host.js';

function printLocalMode(bot: RunningBot): void {
  const { config, emulator } = bot;
  const loopback = isLoopbackHost(config.HOST);
  // On every interface: show the address a browser on this machine uses.
  const base = bot.url.replace('//127.0.0.1:', '//localhost:');
  const lines = [
    '',
    '  motcua-bot is running in LOCAL MODE: it talks to the built-in Zalo OA emulator, not to a real OA.',
    '',
    `  Chat with the bot:   ${base}/simulator`,
    `  Officer console:     ${base}/console   (ADMIN_TOKEN=${config.ADMIN_TOKEN})`,
    `  Dossier feed API:    ${base}/api/v1/dossiers   (INGEST_API_KEY=${config.INGEST_API_KEY})`,
    `  OA emulator:         ${emulator?.url}   (control API under /_emulator/)`,
    `  Webhook:             ${base}/webhooks/zalo`,
    '',
    '  These are local test values, not real credentials. Set ZALO_APP_ID and friends (.env.example) to use a real OA.',
    ...(loopback
      ? []
      : [
          `  HOST=${config.HOST} makes local mode reachable from other machines: the pages do not show the keys,`,
          '  and the simulator asks for ADMIN_TOKEN. Set your own ADMIN_TOKEN and INGEST_API_KEY.',
        ]),
    '',
  ];
  process.stdout.write(lines.join('\n') + '\n');
}

export function printStartBanner(bot: RunningBot): void {
  const { config, services } = bot;
  services.log.info({ url: bot.url, host: config.HOST, localMode: config.localMode, store: services.store.kind }, 'bot listening');
  if (config.localMode) return printLocalMode(bot);
  if (!config.ADMIN_TOKEN) services.log.warn('ADMIN_TOKEN is not set: the officer console and the admin APIs refuse every request');
  if (!config.INGEST_API_KEY) services.log.warn('INGEST_API_KEY is not set: the dossier feed refuses every request');
}
