/**
 * Exactly one ZNS across a crash. The bot is a real child process on lowdb; the
 * OA emulator (in this process) answers the ZNS host. The bot is SIGKILLed while
 * its ZNS call is in flight, then restarted on the same DATA_DIR:
 * 1. Zalo accepted the call (the answer is held back): the receipt, posted while
 *    the bot is down and redelivered by the emulator as Zalo does, closes the item:
 *    one ZNS, nothing sent again.
 * 2. The call never got through: no receipt comes, and after ZNS_RECEIPT_WAIT_SECONDS
 *    the ZNS is sent, once: nothing lost.
 */
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../../src/catalog/repo-paths.js';
import { emulatorEnv } from '../../../src/platform/zalo/emulator/emulator-env.js';
import { createOaEmulator, type OaEmulator } from '../../../src/platform/zalo/emulator/oa-emulator.js';
import { freePort, spawnBot, type SpawnedBot } from '../../support/spawn-bot.js';
import { makeTempDir } from '../../support/temp-dir.js';
import { settle, waitFor } from '../../support/wait-for.js';
import { feedClient, sampleDossier } from '../dossiers/feed-client.js';

const INGEST = 'crash-ingest-key';
const ADMIN = 'crash-admin-token';
const PHONE = '0987654321';

let cleanup: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const c of cleanup.reverse()) await c().catch(() => undefined);
  cleanup = [];
});

async function start(receiptWaitSeconds: number) {
  const tmp = await makeTempDir('motcua-zns-crash-');
  const emulator = await createOaEmulator({ port: 0, znsReceiptDelayMs: 1000, webhookRetryDelaysMs: [3000, 8000, 15_000] });
  const port = await freePort();
  const env = {
    ...emulatorEnv(emulator),
    PORT: String(port),
    DATA_DIR: tmp.dir,
    INGEST_API_KEY: INGEST,
    ADMIN_TOKEN: ADMIN,
    ZNS_TEMPLATES_FILE: path.join(REPO_ROOT, 'fixtures', 'zns-templates.example.json'),
    NOTIFY_LEASE_MS: '3000',
    ZNS_RECEIPT_WAIT_SECONDS: String(receiptWaitSeconds),
    LOG_LEVEL: 'error',
  };
  const state: { bot: SpawnedBot } = { bot: await spawnBot({ env }) };
  emulator.setWebhookUrl(`${state.bot.url}/webhooks/zalo`);
  cleanup.push(() => emulator.close(), () => tmp.remove(), () => state.bot.kill());
  const feed = feedClient(state.bot.url, INGEST, ADMIN);
  const restart = async () => {
    await state.bot.kill();
    const killedAt = Date.now();
    state.bot = await spawnBot({ env });
    return killedAt;
  };
  const notification = async (code: string) => (await feed.admin(`/api/admin/dossiers/${code}`)).body.notifications?.[0];
  return { emulator, feed, restart, notification };
}

const consenting = () => sampleDossier({ applicant: { fullName: 'Lê Thị Hoa', phone: PHONE }, consent: { zns: true } });
const sentTo = (emulator: OaEmulator) => emulator.znsSent().filter((z) => z.phone === `84${PHONE.slice(1)}`);

describe('a ZNS interrupted by a crash reaches the phone exactly once', () => {
  it('accepted by Zalo before the crash: the receipt closes it after the restart, no second send', { timeout: 120_000 }, async () => {
    const { emulator, feed, restart, notification } = await start(60);
    // Zalo accepts the call, but its answer never reaches the bot.
    emulator.injectFault({ kind: 'timeout', endpoint: '/message/template', afterAccept: true, hangMs: 120_000 });
    const code = 'CRASH-261123-0001';
    expect((await feed.put(code, consenting())).status).toBe(200);
    await waitFor(() => sentTo(emulator).length === 1 || undefined, { what: 'the ZNS accepted by the emulator', intervalMs: 5 });
    await restart(); // before the receipt (1 s after acceptance) could reach the bot

    const n = await waitFor(async () => {
      const x = await notification(code);
      return x?.status === 'sent' ? x : undefined;
    }, { what: 'the item closed by the redelivered receipt', timeoutMs: 60_000 });
    expect(n).toMatchObject({ channel: 'zns', delivery: 'delivered' });
    await settle(2000);
    const sent = sentTo(emulator);
    expect(sent).toHaveLength(1);
    expect(sent[0].trackingId).toBe(n.id);
  });

  it('not through to Zalo before the crash: held back for the receipt wait, then sent once', { timeout: 120_000 }, async () => {
    const { emulator, feed, restart, notification } = await start(6);
    emulator.injectFault({ kind: 'timeout', endpoint: '/message/template', hangMs: 120_000 });
    const inFlight = new Promise<number>((resolve) => emulator.events.once('fault', () => resolve(Date.now())));
    const code = 'CRASH-261123-0002';
    expect((await feed.put(code, consenting())).status).toBe(200);
    const callStarted = await inFlight;
    await restart();

    const n = await waitFor(async () => {
      const x = await notification(code);
      return x?.status === 'sent' ? x : undefined;
    }, { what: 'the ZNS sent after the receipt wait', timeoutMs: 60_000 });
    await settle(2000);
    const sent = sentTo(emulator);
    expect(sent).toHaveLength(1);
    expect(sent[0].trackingId).toBe(n.id);
    // Not resent before the wait was over (the mark is written just before the call).
    expect(Date.parse(sent[0].at) - callStarted).toBeGreaterThanOrEqual(6000 - 500);
  });
});
