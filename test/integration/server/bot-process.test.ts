/**
 * The bot as a real child process: restarts on the same DATA_DIR (default lowdb
 * store), crashes (SIGKILL), graceful SIGTERM, config errors, local mode.
 */
import { describe, expect, it } from 'vitest';
import { spawnBot, type SpawnedBot } from '../../support/spawn-bot.js';
import { useBotProcesses } from '../../support/bot-processes.js';
import { newMsgId, signEvent, userSendText } from '../../support/sign-event.js';
import { settle, waitFor } from '../../support/wait-for.js';

const APP_ID = '5566778899001122334';
const SECRET = 'process-test-oa-secret';
const CS = '/v3.0/oa/message/cs';

// Each start compiles with tsx and builds the NLU: allow for a busy machine.
describe('bot process', { timeout: 180_000 }, () => {
  const procs = useBotProcesses('motcua-proc-');
  const { bots, dataDir } = procs;
  async function start(dir: string, extra: Record<string, string> = {}) {
    const bot = await spawnBot({
      env: {
        DATA_DIR: dir,
        ZALO_APP_ID: APP_ID,
        ZALO_OA_SECRET_KEY: SECRET,
        ZALO_APP_SECRET_KEY: 'process-app-secret',
        ZALO_ACCESS_TOKEN: 'env-access-token',
        ZALO_REFRESH_TOKEN: 'env-refresh-token',
        ZALO_OPENAPI_URL: procs.oa.url,
        ZALO_OAUTH_URL: procs.oa.url,
        NOTIFY_BASE_DELAY_MS: '20',
        ...extra,
      },
    });
    bots.push(bot);
    return bot;
  }
  const postSigned = (bot: SpawnedBot, event: Record<string, unknown>) => {
    const s = signEvent(event, SECRET);
    return fetch(`${bot.url}/webhooks/zalo`, { method: 'POST', body: s.body, headers: s.headers });
  };
  const sendsTo = (userId: string) => procs.oa.requestsTo(CS).filter((r) => r.body?.recipient?.user_id === userId);

  it('never replies twice to the same msg_id, also across a crash and a restart', async () => {
    const dir = await dataDir();
    const event = userSendText({ appId: APP_ID, userId: 'p-dup', text: 'xin chào', msgId: newMsgId() });
    const first = await start(dir);
    expect((await postSigned(first, event)).status).toBe(200);
    await waitFor(() => sendsTo('p-dup').length === 1);
    await first.kill(); // a crash: no graceful flush

    const second = await start(dir);
    expect((await postSigned(second, event)).status).toBe(200);
    await settle(500);
    expect(sendsTo('p-dup')).toHaveLength(1);

    expect(await second.stop()).toEqual({ code: 0, signal: null }); // graceful SIGTERM
    const third = await start(dir);
    expect((await postSigned(third, event)).status).toBe(200);
    await settle(500);
    expect(sendsTo('p-dup')).toHaveLength(1);
  });

  it('keeps the refreshed token pair across a restart (refresh tokens are single-use)', async () => {
    const dir = await dataDir();
    const refreshesBefore = procs.oa.refreshes().length;
    procs.oa.respond(CS, { body: { error: -216, message: 'Access token is invalid' } });
    const first = await start(dir);
    await postSigned(first, userSendText({ appId: APP_ID, userId: 'p-tok', text: 'xin chào' }));
    await waitFor(() => sendsTo('p-tok').length === 2);
    expect(procs.oa.refreshes().length - refreshesBefore).toBe(1);
    const newAccess = sendsTo('p-tok')[1].headers['access_token'] as string;
    expect(newAccess).not.toBe('env-access-token');
    const usedRefresh = procs.oa.refreshes().at(-1)!.body.refresh_token;
    expect(usedRefresh).toBe('env-refresh-token');
    expect(await first.stop()).toMatchObject({ code: 0 });

    // The env still holds the old pair; the restarted bot must use the stored newer one.
    const second = await start(dir);
    await postSigned(second, userSendText({ appId: APP_ID, userId: 'p-tok2', text: 'xin chào' }));
    const [send] = await waitFor(() => (sendsTo('p-tok2').length ? sendsTo('p-tok2') : undefined));
    expect(send.headers['access_token']).toBe(newAccess);
    procs.oa.respond(CS, { body: { error: -220, message: 'access_token is expired or removed' } });
    await postSigned(second, userSendText({ appId: APP_ID, userId: 'p-tok3', text: 'xin chào' }));
    await waitFor(() => sendsTo('p-tok3').length === 2);
    expect(procs.oa.refreshes().at(-1)!.body.refresh_token).not.toBe('env-refresh-token');
    expect(procs.oa.refreshes().length - refreshesBefore).toBe(2);
  });

  it('after a crash mid-send, delivers the reply once the lease expires', async () => {
    const dir = await dataDir();
    procs.oa.respond(CS, { delayMs: 60_000, body: { error: 0, message: 'Success', data: { message_id: 'late' } } });
    const first = await start(dir, { NOTIFY_LEASE_MS: '1000' });
    await postSigned(first, userSendText({ appId: APP_ID, userId: 'p-crash', text: 'xin chào' }));
    await waitFor(() => sendsTo('p-crash').length === 1); // the OA is holding the send
    await first.kill();
    await start(dir, { NOTIFY_LEASE_MS: '1000' });
    await waitFor(() => sendsTo('p-crash').length === 2, { timeoutMs: 20_000 });
    // It asked the OA first whether the interrupted send had gone through.
    expect(procs.oa.requestsTo('/v2.0/oa/conversation').length).toBeGreaterThan(0);
  });

  it('refuses an invalid config with exit 1 and one message listing every problem', async () => {
    const dir = await dataDir();
    const bot = await spawnBot({ env: { DATA_DIR: dir, PORT: '70000', ZALO_APP_ID: APP_ID, LOG_LEVEL: 'loud' }, waitReady: false });
    bots.push(bot);
    const { code } = await bot.exited;
    expect(code).toBe(1);
    const out = bot.output();
    for (const name of ['PORT', 'LOG_LEVEL', 'ZALO_OA_SECRET_KEY', 'ZALO_ACCESS_TOKEN']) expect(out).toContain(name);
    expect(out).not.toContain('    at '); // no stack trace
  });

  it('local mode: starts the emulator, prints where to talk, and answers through it', async () => {
    const dir = await dataDir();
    const bot = await spawnBot({ env: { DATA_DIR: dir, OA_EMULATOR_PORT: '0' } });
    bots.push(bot);
    const out = bot.output();
    expect(out).toContain(`http://localhost:${bot.port}/simulator`);
    const emulatorUrl = /OA emulator:\s+(http:\/\/\S+)/.exec(out)?.[1];
    expect(emulatorUrl).toBeDefined();
    const said = await fetch(`${emulatorUrl}/_emulator/users/local-u1/says`, { method: 'POST', body: JSON.stringify({ text: 'xin chào' }) });
    expect((await said.json()).status).toBe(200);
    const outbound = await waitFor(async () => {
      const res = await fetch(`${emulatorUrl}/_emulator/outbound?userId=local-u1`);
      const list = (await res.json()) as unknown[];
      return list.length ? list : undefined;
    });
    expect(outbound).toHaveLength(1);
    expect(await bot.stop()).toMatchObject({ code: 0 });
  });
});
