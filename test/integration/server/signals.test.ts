/**
 * Under a process manager: SIGTERM to the documented production command
 * (`node dist/main.js`) and to `npm start` stops the bot itself, within 10 s
 * (docker stop's grace), releasing DATA_DIR so a replacement starts at once.
 * A stop that cannot finish (an OA send that never answers) ends at the
 * shutdown deadline with exit 1, and the reply is delivered after the restart.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDist, spawnBot, type SpawnedBot, type SpawnBotOptions } from '../../support/spawn-bot.js';
import { useBotProcesses } from '../../support/bot-processes.js';
import { signEvent, userSendText } from '../../support/sign-event.js';
import { waitFor } from '../../support/wait-for.js';

const APP_ID = '5566778899001122334';
const SECRET = 'signals-test-oa-secret';
const CS = '/v3.0/oa/message/cs';

const pidAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('signals', { timeout: 240_000 }, () => {
  beforeAll(() => buildDist(), 300_000);
  const procs = useBotProcesses('motcua-sig-');
  const { bots, dataDir } = procs;
  const realOa = (dir: string, extra: Record<string, string> = {}) => ({
    NODE_ENV: 'production',
    DATA_DIR: dir,
    ZALO_APP_ID: APP_ID,
    ZALO_OA_SECRET_KEY: SECRET,
    ZALO_ACCESS_TOKEN: 'signals-access-token',
    ZALO_OPENAPI_URL: procs.oa.url,
    ZALO_OAUTH_URL: procs.oa.url,
    ...extra,
  });
  async function start(run: SpawnBotOptions['run'], env: Record<string, string>) {
    const bot = await spawnBot({ run, env, readyTimeoutMs: 90_000 });
    bots.push(bot);
    return bot;
  }
  /** SIGTERM, and the time until the child exited. */
  async function term(bot: SpawnedBot) {
    const t0 = Date.now();
    const end = await bot.stop();
    return { ...end, ms: Date.now() - t0 };
  }

  it('node dist/main.js: SIGTERM stops it within 10 s (exit 0); a new one starts at once on the same DATA_DIR', async () => {
    const dir = await dataDir();
    const first = await start('dist', realOa(dir));
    // The web pages are found from dist/ too.
    expect((await fetch(`${first.url}/console`)).status).toBe(200);
    expect((await fetch(`${first.url}/console/assets/console.js`)).status).toBe(200);
    const end = await term(first);
    expect(end).toMatchObject({ code: 0, signal: null });
    expect(end.ms).toBeLessThan(10_000);
    expect(existsSync(path.join(dir, 'motcua.lock'))).toBe(false);
    const second = await start('dist', realOa(dir));
    expect((await fetch(`${second.url}/readyz`)).status).toBe(200);
  });

  it('npm start: SIGTERM to npm stops the bot itself (no orphan holding DATA_DIR); a new one starts at once', async () => {
    const dir = await dataDir();
    const first = await start('npm-start', { DATA_DIR: dir });
    const botPid = (JSON.parse(readFileSync(path.join(dir, 'motcua.lock'), 'utf8')) as { pid: number }).pid;
    const end = await term(first);
    expect(end.ms).toBeLessThan(10_000);
    // npm ran the bot with exec: the bot was npm's child and got the signal.
    await waitFor(() => !pidAlive(botPid), { timeoutMs: 10_000, what: `bot pid ${botPid} to exit` });
    expect(existsSync(path.join(dir, 'motcua.lock'))).toBe(false);
    const second = await start('npm-start', { DATA_DIR: dir });
    expect((await fetch(`${second.url}/readyz`)).status).toBe(200);
  });

  it('a send that never answers: SIGTERM ends at the deadline (exit 1, logged); the restarted bot delivers the reply', async () => {
    const dir = await dataDir();
    procs.oa.respond(CS, { delayMs: 120_000, body: { error: 0, message: 'Success', data: { message_id: 'never' } } });
    const first = await start('dist', realOa(dir, { NOTIFY_LEASE_MS: '1000' }));
    const s = signEvent(userSendText({ appId: APP_ID, userId: 'sig-hang', text: 'xin chào' }), SECRET);
    expect((await fetch(`${first.url}/webhooks/zalo`, { method: 'POST', body: s.body, headers: s.headers })).status).toBe(200);
    const sends = () => procs.oa.requestsTo(CS).filter((r) => r.body?.recipient?.user_id === 'sig-hang');
    await waitFor(() => sends().length === 1, { timeoutMs: 20_000 }); // the OA holds the send
    const end = await term(first);
    expect(end.code).toBe(1);
    expect(end.ms).toBeLessThan(10_000);
    expect(first.output()).toContain('shutdown did not finish within 8000 ms');
    await start('dist', realOa(dir, { NOTIFY_LEASE_MS: '1000' }));
    await waitFor(() => sends().length === 2, { timeoutMs: 30_000 });
  });
});
