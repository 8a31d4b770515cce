/**
 * `npm run oa-emulator`: the OA emulator alone, for local mode and manual testing.
 * Env: OA_EMULATOR_PORT (default 3001), BOT_WEBHOOK_URL (default http://127.0.0.1:3000/webhooks/zalo),
 * optional ZALO_APP_ID / ZALO_OA_SECRET_KEY / ZALO_APP_SECRET_KEY / ZALO_ACCESS_TOKEN / ZALO_REFRESH_TOKEN
 * to make it accept the values the bot is configured with.
 * The printed secrets are local test values, never real credentials.
 */
import { createOaEmulator } from './oa-emulator.js';

const env = process.env;
const port = Number(env.OA_EMULATOR_PORT ?? 3001);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  process.stderr.write(`OA_EMULATOR_PORT must be an integer 0-65535 (0 = any free port), got ${JSON.stringify(env.OA_EMULATOR_PORT)}\n`);
  process.exit(2);
}
const oa = await createOaEmulator({
  port,
  webhookUrl: env.BOT_WEBHOOK_URL ?? 'http://127.0.0.1:3000/webhooks/zalo',
  ...(env.ZALO_APP_ID ? { appId: env.ZALO_APP_ID } : {}),
  ...(env.ZALO_OA_SECRET_KEY ? { oaSecretKey: env.ZALO_OA_SECRET_KEY } : {}),
  ...(env.ZALO_APP_SECRET_KEY ? { appSecretKey: env.ZALO_APP_SECRET_KEY } : {}),
  ...(env.ZALO_ACCESS_TOKEN ? { accessToken: env.ZALO_ACCESS_TOKEN } : {}),
  ...(env.ZALO_REFRESH_TOKEN ? { refreshToken: env.ZALO_REFRESH_TOKEN } : {}),
});

process.stdout.write(
  [
    `OA emulator listening on ${oa.url}`,
    `  webhook target        ${env.BOT_WEBHOOK_URL ?? 'http://127.0.0.1:3000/webhooks/zalo'}`,
    `  ZALO_OPENAPI_URL=${oa.url}`,
    `  ZALO_OAUTH_URL=${oa.url}`,
    `  ZALO_APP_ID=${oa.appId}`,
    `  ZALO_OA_SECRET_KEY=${oa.oaSecretKey}`,
    `  ZALO_APP_SECRET_KEY=${oa.appSecretKey}`,
    `  ZALO_ACCESS_TOKEN=${oa.currentAccessToken()}`,
    `  ZALO_REFRESH_TOKEN=${env.ZALO_REFRESH_TOKEN ?? '(random; set ZALO_REFRESH_TOKEN for both to test refresh)'}`,
    `  (local test values; control API under ${oa.url}/_emulator/)`,
    '',
  ].join('\n'),
);

const stop = () => {
  void oa.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
