/**
 * ZNS quota exhaustion (bench/notify.bench.ts run 3): N consenting applicants reach
 * status 9 on one day with a daily quota below N. The bot (in this process, lowdb,
 * with a clock it shares with the emulator) sends up to the quota, parks the rest
 * with the reason, and sends them after midnight (Vietnam time) when the clock is
 * moved to the next day. Counts ZNS per dossier: lost and doubled.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { createOaEmulator } from '../src/platform/zalo/emulator/oa-emulator.js';
import { emulatorEnv } from '../src/platform/zalo/emulator/emulator-env.js';
import { startBot } from '../src/start-bot.js';
import { nextVnTime } from '../src/notify/zns-failure-policy.js';

export interface QuotaDayReport {
  dossiers: number;
  quota: number;
  sentDay1: number;
  parked: number;
  parkedReason: string;
  sentDay2: number;
  lost: number;
  doubled: number;
  day1Ms: number;
  day2Ms: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function runZnsQuotaDay(dataDir: string, dossiers: number, quota: number, log: (l: string) => void = () => {}): Promise<QuotaDayReport> {
  let offsetMs = 0;
  const now = () => new Date(Date.now() + offsetMs);
  const emulator = await createOaEmulator({ port: 0, now, znsDailyQuota: quota, znsDeliveryReceipts: false, rateLimitPerMinute: 1_000_000_000 });
  const templates = path.join(dataDir, 'zns-templates.json');
  writeFileSync(templates, JSON.stringify({ '9': { templateId: '401009', params: { ma_ho_so: 'code', ten_thu_tuc: 'procedureName', noi_nhan: 'returnPlace' } } }));
  const bot = await startBot({
    env: { PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'error', DATA_DIR: dataDir, ...emulatorEnv(emulator), INGEST_API_KEY: 'k', ADMIN_TOKEN: 'a', ZNS_TEMPLATES_FILE: templates, NOTIFY_BASE_DELAY_MS: '100' },
    emulator,
    clock: now,
  });
  const code = (i: number) => `000.00.12.H12-261124-${String(i + 1).padStart(5, '0')}`;
  const post = (method: string, p: string, body: unknown) =>
    fetch(`${bot.url}${p}`, { method, headers: { 'content-type': 'application/json', authorization: 'Bearer k' }, body: JSON.stringify(body) }).then((r) => {
      if (!r.ok) throw new Error(`${method} ${p}: ${r.status}`);
    });
  const started = Date.now();
  try {
    for (let i = 0; i < dossiers; i++) {
      await post('PUT', `/api/v1/dossiers/${code(i)}`, {
        procedureCode: '1.001193',
        applicant: { fullName: 'Trần Thị Bình', phone: `09${String(20_000_000 + i).slice(-8)}` },
        receivedAt: '2026-11-23T08:00:00+07:00',
        appointmentDate: '2026-11-27',
        consent: { zns: true },
      });
      await post('POST', `/api/v1/dossiers/${code(i)}/events`, { eventId: `e9-${i}`, status: 9, at: '2026-11-24T09:00:00+07:00' });
    }
    const items = () => bot.services.store.tx((t) => t.listOutbox({ limit: 1_000_000 }));
    const settledDay1 = async () => (await items()).every((i) => i.status === 'sent' || (i.status === 'pending' && i.lastError));
    while (!(await settledDay1())) await sleep(100);
    const day1Ms = Date.now() - started;
    const day1 = await items();
    const parkedItems = day1.filter((i) => i.status === 'pending');
    const sentDay1 = emulator.znsSent().length;
    log(`  day 1: ${sentDay1} ZNS sent, ${parkedItems.length} parked in ${(day1Ms / 1000).toFixed(1)} s`);

    // Next day, a few minutes after midnight in Vietnam: the parked items are due again.
    offsetMs += nextVnTime(now(), 0, 6).getTime() - now().getTime();
    bot.worker.kick();
    const day2Start = Date.now();
    while ((await items()).some((i) => i.status !== 'sent' && i.status !== 'failed')) await sleep(100);
    const day2Ms = Date.now() - day2Start;
    const perCode = new Map<string, number>();
    for (const z of emulator.znsSent()) perCode.set(z.data.ma_ho_so, (perCode.get(z.data.ma_ho_so) ?? 0) + 1);
    return {
      dossiers,
      quota,
      sentDay1,
      parked: parkedItems.length,
      parkedReason: parkedItems[0]?.lastError ?? '',
      sentDay2: emulator.znsSent().length - sentDay1,
      lost: dossiers - perCode.size,
      doubled: [...perCode.values()].reduce((s, n) => s + n - 1, 0),
      day1Ms,
      day2Ms,
    };
  } finally {
    await bot.stop();
    await emulator.close();
  }
}
