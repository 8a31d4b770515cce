/**
 * Production is explicit (child processes, `node --import tsx src/main.ts`):
 * NODE_ENV=production without OA credentials refuses to start; outside local
 * mode the public local keys open nothing and no page reveals them; local mode
 * binds to loopback unless HOST is set, and on a public HOST hides its keys.
 */
import { describe, expect, it } from 'vitest';
import { spawnBot, type SpawnedBot } from '../../support/spawn-bot.js';
import { useBotProcesses } from '../../support/bot-processes.js';

describe('production mode', { timeout: 180_000 }, () => {
  const procs = useBotProcesses('motcua-prod-');
  const { bots, dataDir } = procs;

  async function spawn(env: Record<string, string>, waitReady = true) {
    const bot = await spawnBot({ env: { DATA_DIR: await dataDir(), ...env }, waitReady });
    bots.push(bot);
    return bot;
  }
  const realOa = () => ({
    NODE_ENV: 'production',
    ZALO_APP_ID: '5566778899001122334',
    ZALO_OA_SECRET_KEY: 'prod-test-oa-secret',
    ZALO_ACCESS_TOKEN: 'prod-test-access-token',
    ZALO_OPENAPI_URL: procs.oa.url,
    ZALO_OAUTH_URL: procs.oa.url,
  });
  const get = (bot: SpawnedBot, path: string, token?: string) =>
    fetch(`${bot.url}${path}`, token ? { headers: { Authorization: `Bearer ${token}` } } : {});

  it('NODE_ENV=production without ZALO_APP_ID: exit 1 with one message naming what is missing', async () => {
    const bot = await spawn({ NODE_ENV: 'production' }, false);
    expect((await bot.exited).code).toBe(1);
    const out = bot.output();
    expect(out).toContain('ZALO_APP_ID, ZALO_OA_SECRET_KEY, ZALO_ACCESS_TOKEN: required (NODE_ENV=production runs a real Zalo OA)');
    expect(out).toContain('LOCAL_MODE=1');
    expect(out).not.toContain('LOCAL MODE'); // the local-mode banner never appeared
    expect(out).not.toContain('    at ');
  });

  it('the public local keys as configured values: exit 1', async () => {
    const bot = await spawn({ ...realOa(), ADMIN_TOKEN: 'local-admin', INGEST_API_KEY: 'local-ingest' }, false);
    expect((await bot.exited).code).toBe(1);
    expect(bot.output()).toContain("ADMIN_TOKEN: 'local-admin' is the public local-mode default and is refused outside local mode");
    expect(bot.output()).toContain("INGEST_API_KEY: 'local-ingest' is the public local-mode default");
  });

  it('with a real OA and no keys set: the default keys open nothing, no page shows a key, no simulator', async () => {
    const bot = await spawn(realOa());
    expect((await get(bot, '/api/admin/stats', 'local-admin')).status).toBe(401);
    expect((await get(bot, '/api/admin/dossiers', 'local-admin')).status).toBe(401);
    const feed = await fetch(`${bot.url}/api/v1/dossiers/H01-1`, { method: 'PUT', headers: { Authorization: 'Bearer local-ingest' }, body: '{}' });
    expect(feed.status).toBe(401);
    const config = await (await get(bot, '/console/config.json')).json();
    expect(config).toMatchObject({ orgName: 'Bộ phận Một cửa', simulator: false });
    expect(config).not.toHaveProperty('localDefaultToken');
    expect((await get(bot, '/simulator/api/info')).status).toBe(404);
    const said = await fetch(`${bot.url}/simulator/api/users/u1/actions`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"type":"say","text":"hi"}' });
    expect(said.status).toBe(404);
    expect(bot.output()).toContain('ADMIN_TOKEN is not set');
  });

  it('local mode listens on 127.0.0.1 when HOST is not set, and there shows its keys', async () => {
    const bot = await spawn({ HOST: '', LOG_LEVEL: 'info' });
    expect(bot.output()).toMatch(/"host":"127\.0\.0\.1".*"msg":"bot listening"/);
    expect((await (await get(bot, '/console/config.json')).json()).localDefaultToken).toBe('local-admin');
    expect((await get(bot, '/simulator/api/info')).status).toBe(200);
  });

  it('LOCAL_MODE=1 in production on a public HOST: runs, but hides its keys and the simulator wants the token', async () => {
    const bot = await spawn({ NODE_ENV: 'production', LOCAL_MODE: '1', HOST: '0.0.0.0' });
    expect(bot.output()).toContain('LOCAL MODE');
    expect(bot.output()).toContain('HOST=0.0.0.0 makes local mode reachable from other machines');
    expect(await (await get(bot, '/console/config.json')).json()).not.toHaveProperty('localDefaultToken');
    expect((await get(bot, '/simulator/api/info')).status).toBe(401);
    const said = await fetch(`${bot.url}/simulator/api/users/u1/actions`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"type":"say","text":"xin chào"}' });
    expect(said.status).toBe(401);
    const info = await get(bot, '/simulator/api/info', 'local-admin');
    expect(await info.json()).toMatchObject({ localMode: true, localDefaultToken: null });
  });
});
