/**
 * Issue 15 Done-when, black-box: the bot over real HTTP, an independent fake OA
 * (plain node:http, test/support/fake-oa-server.ts) answering both the OA API and
 * the ZNS host, the dossier feed driven with fetch.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBot, type RunningBot } from '../../../src/start-bot.js';
import { MemoryStore } from '../../../src/store/memory-store.js';
import { startFakeOa, ZNS_SEND_PATH, type FakeOa } from '../../support/fake-oa-server.js';
import { sharedCatalogAndNlu } from '../../support/shared-catalog.js';
import { makeTempDir } from '../../support/temp-dir.js';
import { settle, waitFor } from '../../support/wait-for.js';
import { feedClient, sampleDossier, type FeedClient } from '../dossiers/feed-client.js';
import { genericEvent, signEvent, userSendText } from '../../support/sign-event.js';

const APP_ID = '4455667788990011223';
const SECRET = 'oa-secret-for-tests';

const CS = '/v3.0/oa/message/cs';
const TEMPLATES = {
  '5': { templateId: '7005', params: { ma_ho_so: 'code', thu_tuc: 'procedureName', noi_dung: 'note' } },
  '9': { templateId: '7009', params: { ma_ho_so: 'code', thu_tuc: 'procedureName', noi_nhan: 'returnPlace' } },
  otp: { templateId: '7100', params: { ma_otp: 'otp' } },
};

export async function startZnsBot(oa: FakeOa, env: Record<string, string> = {}, store = new MemoryStore()) {
  const tmp = await makeTempDir('motcua-zns-');
  const file = path.join(tmp.dir, 'zns-templates.json');
  writeFileSync(file, JSON.stringify(TEMPLATES));
  const bot = await startBot({
    env: {
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'silent',
      ZALO_APP_ID: APP_ID,
      ZALO_OA_SECRET_KEY: SECRET,
      ZALO_APP_SECRET_KEY: 'app-secret-for-tests',
      ZALO_ACCESS_TOKEN: 'initial-access-token',
      ZALO_REFRESH_TOKEN: 'initial-refresh-token',
      ZALO_OPENAPI_URL: oa.url,
      ZALO_OAUTH_URL: oa.url,
      ZALO_ZNS_URL: oa.url,
      ZNS_TEMPLATES_FILE: file,
      INGEST_API_KEY: 'ingest',
      ADMIN_TOKEN: 'admin',
      NOTIFY_BASE_DELAY_MS: '20',
      NOTIFY_MAX_ATTEMPTS: '3',
      DATA_DIR: tmp.dir,
      ...env,
    },
    store,
    ...(await sharedCatalogAndNlu()),
  }).catch(async (err) => {
    await tmp.remove();
    throw err;
  });
  return { bot, store, stop: async () => (await bot.stop(), await tmp.remove()) };
}

export function registerTemplates(oa: FakeOa) {
  oa.registerZnsTemplate('7005', ['ma_ho_so', 'thu_tuc', 'noi_dung']);
  oa.registerZnsTemplate('7009', ['ma_ho_so', 'thu_tuc', 'noi_nhan']);
  oa.registerZnsTemplate('7100', ['ma_otp']);
}

describe('ZNS notifications against an independent fake OA', () => {
  let oa: FakeOa;
  let bot: RunningBot;
  let store: MemoryStore;
  let stop: () => Promise<void>;
  let feed: FeedClient;

  beforeAll(async () => {
    oa = await startFakeOa();
    registerTemplates(oa);
    ({ bot, store, stop } = await startZnsBot(oa));
    feed = feedClient(bot.url, 'ingest', 'admin');
  });
  afterAll(async () => {
    await stop?.();
    await oa?.close();
  });

  const znsTo = (phone: string) => oa.requestsTo(ZNS_SEND_PATH).filter((r) => r.body?.phone === phone);
  const csTo = (userId: string) => oa.requestsTo(CS).filter((r) => r.body?.recipient?.user_id === userId);

  it('checked every configured template at start', () => {
    const ids = oa.requestsTo('/template/info/v2').map((r) => r.query.get('template_id'));
    expect(ids.sort()).toEqual(['7005', '7009', '7100']);
  });

  it('a consenting applicant who never chatted gets exactly one ZNS at status 9, and a redelivered event adds nothing', async () => {
    const code = 'ZNS-261120-0001';
    const put = await feed.put(code, sampleDossier({ applicant: { fullName: 'Lê Thị Hoa', phone: '0987000001' }, returnPlace: 'Quầy số 3, Trung tâm Phục vụ hành chính công', consent: { zns: true } }));
    expect(put.status).toBe(200);
    const ev = { eventId: 'ev-9', status: 9, at: '2026-11-24T09:00:00+07:00' };
    expect((await feed.event(code, ev)).body.notifications).toBe(1);
    const [call] = await waitFor(() => (znsTo('84987000001').length ? znsTo('84987000001') : undefined));
    expect(call.method).toBe('POST');
    expect(call.headers['access_token']).toBe('initial-access-token');
    expect(call.body.template_id).toBe('7009');
    expect(call.body.template_data).toEqual({
      ma_ho_so: code,
      thu_tuc: bot.services.catalog.byCode('1.001193')!.name,
      noi_nhan: 'Quầy số 3, Trung tâm Phục vụ hành chính công',
    });
    expect(typeof call.body.tracking_id).toBe('string');
    expect(call.body.tracking_id.length).toBeGreaterThan(0);
    const again = await feed.event(code, ev);
    expect(again.body).toMatchObject({ duplicate: true, notifications: 0 });
    await settle(400);
    expect(znsTo('84987000001')).toHaveLength(1);
    const [item] = await store.tx((t) => t.listOutbox({ dossierCode: code }));
    expect(item).toMatchObject({ id: call.body.tracking_id, status: 'sent', via: 'zns' });
  });

  it('without consent nothing is sent', async () => {
    const code = 'ZNS-261120-0002';
    await feed.put(code, sampleDossier({ applicant: { fullName: 'Lê Văn Nam', phone: '0987000002' } }));
    expect((await feed.event(code, { eventId: 'ev-9', status: 9, at: '2026-11-24T09:00:00+07:00' })).body.notifications).toBe(0);
    await settle(400);
    expect(znsTo('84987000002')).toHaveLength(0);
    expect(await store.tx((t) => t.listOutbox({ dossierCode: code }))).toHaveLength(0);
  });

  it('a subscriber inside the window gets the OA message and no ZNS; after the window closes, the ZNS', async () => {
    const code = 'ZNS-261120-0003';
    const user = 'zns-follower-3';
    await feed.put(code, sampleDossier({ applicant: { fullName: 'Phạm Thu', phone: '0987000003' }, consent: { zns: true } }));
    const recent = new Date().toISOString();
    await store.tx(async (t) => {
      await t.putProfile({ userId: user, lastInteractionAt: recent, follower: true, updatedAt: recent });
      await t.addSubscription({ code, userId: user, createdAt: recent });
    });
    await feed.event(code, { eventId: 'ev-5', status: 5, at: '2026-11-21T09:00:00+07:00', note: 'Bản sao Giấy chứng sinh' });
    const [cs] = await waitFor(() => (csTo(user).length ? csTo(user) : undefined));
    expect(cs.body.message.text).toContain('Bản sao Giấy chứng sinh');
    await settle(300);
    expect(znsTo('84987000003')).toHaveLength(0);

    const longAgo = new Date(Date.now() - 8 * 24 * 3600_000).toISOString();
    await store.tx(async (t) => t.putProfile({ ...(await t.getProfile(user))!, lastInteractionAt: longAgo }));
    await feed.event(code, { eventId: 'ev-9', status: 9, at: '2026-11-24T09:00:00+07:00' });
    const [zns] = await waitFor(() => (znsTo('84987000003').length ? znsTo('84987000003') : undefined));
    expect(zns.body.template_id).toBe('7009');
    await settle(300);
    expect(csTo(user)).toHaveLength(1);
    expect(oa.requestsTo('/v3.0/oa/message/transaction').filter((r) => r.body?.recipient?.user_id === user)).toHaveLength(0);
  });

  it("a stranger's five wrong answers do not stop the owner: the OTP, or the shared phone, shows the status at once", async () => {
    const code = 'ZNS-261120-0021';
    await feed.put(code, sampleDossier({ applicant: { fullName: 'Vũ Thị Lan', phone: '0987000021' } }));
    const post = async (event: Record<string, unknown>) => {
      const signed = signEvent(event, SECRET);
      const res = await fetch(`${bot.url}/webhooks/zalo`, { method: 'POST', body: signed.body, headers: { 'content-type': 'application/json', ...signed.headers } });
      expect(res.status).toBe(200);
    };
    const textsTo = (userId: string) => csTo(userId).map((r) => String(r.body.message?.text ?? r.body.message?.attachment?.payload?.elements?.[0]?.title ?? ''));
    const say = async (userId: string, text: string) => {
      const before = csTo(userId).length;
      await post(userSendText({ appId: APP_ID, userId, text }));
      await waitFor(() => csTo(userId).length > before, { what: `a reply to ${userId}` });
      await settle(150);
      return textsTo(userId).slice(before).join('\n');
    };
    const otpSends = () => oa.requestsTo(ZNS_SEND_PATH).filter((r) => r.body?.phone === '84987000021');

    expect(await say('stranger-21', `Tra cứu hồ sơ ${code}`)).toContain('mã xác minh gồm 6 số');
    await waitFor(() => otpSends().length === 1, { what: 'the OTP ZNS' });
    expect(otpSends()[0].body.template_id).toBe('7100');
    const wrong: string[] = [];
    for (let i = 0; i < 5; i++) wrong.push(await say('stranger-21', `98765${i}`));
    expect(wrong[4]).toContain('tài khoản Zalo này đã nhập sai');

    expect(await say('owner-21', `Tra cứu hồ sơ ${code}`)).toContain('mã xác minh gồm 6 số');
    await waitFor(() => otpSends().length === 2, { what: 'the owner’s OTP ZNS' });
    const otp = otpSends()[1].body.template_data.ma_otp;
    expect(otp).toMatch(/^\d{6}$/);
    const shown = await say('owner-21', otp);
    expect(shown).toContain('Vũ T** L');
    expect(shown).toContain('Tình trạng');

    await say('owner-21b', `Tra cứu hồ sơ ${code}`);
    const before = csTo('owner-21b').length;
    await post({ ...genericEvent({ appId: APP_ID, userId: 'owner-21b', eventName: 'user_submit_info' }), info: { name: 'Vũ Thị Lan', phone: '84987000021' } });
    await waitFor(() => csTo('owner-21b').length > before, { what: 'the answer to the shared phone' });
    expect(textsTo('owner-21b').slice(before).join('\n')).toContain('Vũ T** L');
  });

  it('ZNS faults are recorded with their reason, nothing lost, nothing retried forever', async () => {
    const cases = [
      { code: 'ZNS-261120-0011', phone: '0987000011', error: -144, message: 'Out of daily quota', status: 'pending', reason: 'hạn mức' },
      { code: 'ZNS-261120-0012', phone: '0987000012', error: -131, message: 'Template disabled', status: 'failed', reason: 'mẫu ZNS' },
      { code: 'ZNS-261120-0013', phone: '0987000013', error: -108, message: 'Phone number is invalid', status: 'failed', reason: 'số điện thoại' },
    ];
    for (const c of cases) {
      await feed.put(c.code, sampleDossier({ applicant: { fullName: 'Đỗ Minh', phone: c.phone }, consent: { zns: true } }));
      oa.respond(ZNS_SEND_PATH, { body: { error: c.error, message: c.message } });
      await feed.event(c.code, { eventId: 'ev-9', status: 9, at: '2026-11-24T09:00:00+07:00' });
      await waitFor(async () => (await store.tx((t) => t.listOutbox({ dossierCode: c.code })))[0]?.lastError, { what: `${c.code} failure recorded` });
    }
    await settle(500);
    for (const c of cases) {
      const { body } = await feed.admin(`/api/admin/dossiers/${c.code}`);
      const [n] = body.notifications;
      expect(n).toMatchObject({ channel: 'zns', status: c.status });
      expect(n.reason).toContain(String(c.error));
      expect(n.reason).toContain(c.reason);
      expect(JSON.stringify(body)).not.toContain(`84${c.phone.slice(1)}`);
      // One call each: the quota is parked until tomorrow, the others are not retried.
      expect(znsTo(`84${c.phone.slice(1)}`)).toHaveLength(1);
    }
    const parked = (await store.tx((t) => t.listOutbox({ dossierCode: cases[0].code })))[0];
    expect(Date.parse(parked.nextAttemptAt) - Date.now()).toBeGreaterThan(60_000);
    expect(parked.attempts).toBe(0);
  });
});

describe('template check at start', () => {
  it('refuses to start when a template is not ENABLE or its parameters differ, naming the template', async () => {
    const oa = await startFakeOa();
    try {
      registerTemplates(oa);
      oa.registerZnsTemplate('7009', ['ma_ho_so', 'thu_tuc', 'noi_nhan'], 'DISABLE');
      oa.registerZnsTemplate('7005', ['ma_ho_so', 'ten_thu_tuc', 'noi_dung']);
      const err = await startZnsBot(oa).then(
        async (r) => {
          await r.stop();
          return undefined;
        },
        (e: Error) => e,
      );
      expect(err?.message).toContain('"9" (template_id 7009): status is DISABLE');
      expect(err?.message).toContain('"5" (template_id 7005): Zalo expects parameters [ma_ho_so, ten_thu_tuc, noi_dung]');
    } finally {
      await oa.close();
    }
  });
});
