/**
 * ZNS through the emulator with the shipped fixtures/zns-templates.example.json:
 * the "received" ZNS at creation, the citizen who shared that phone sees it in
 * the chat, the delivery receipt marks it delivered; quota exhaustion parks.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../../src/catalog/repo-paths.js';
import { startTestBot, TEST_ADMIN_TOKEN, TEST_INGEST_KEY, type TestBot } from '../../support/start-test-bot.js';
import { waitFor } from '../../support/wait-for.js';
import { feedClient, sampleDossier, type FeedClient } from '../dossiers/feed-client.js';

let bot: TestBot;
let feed: FeedClient;

beforeAll(async () => {
  bot = await startTestBot({ env: { ZNS_TEMPLATES_FILE: path.join(REPO_ROOT, 'fixtures', 'zns-templates.example.json') } });
  feed = feedClient(bot.url, TEST_INGEST_KEY, TEST_ADMIN_TOKEN);
});
afterAll(() => bot?.stop());

describe('ZNS with the emulator and the example templates', () => {
  it('sends "received" at creation to the citizen of that phone, and records the delivery receipt', async () => {
    await bot.emulator.submitInfo('citizen-zns-1', { name: 'Lê Thị Hoa', phone: '0987111222' });
    const code = 'EMU-261120-0001';
    expect((await feed.put(code, sampleDossier({ applicant: { fullName: 'Lê Thị Hoa', phone: '0987111222' }, consent: { zns: true } }))).status).toBe(200);
    const zns = await waitFor(() => bot.emulator.outbound('citizen-zns-1').find((o) => o.endpoint === '/message/template'), { what: 'the ZNS in the chat' });
    expect(String(zns.message.text)).toContain(`đã tiếp nhận hồ sơ ${code}`);
    expect(String(zns.message.text)).toContain('25/11/2026');
    const n = await waitFor(async () => {
      const { body } = await feed.admin(`/api/admin/dossiers/${code}`);
      return body.notifications.find((x: { delivery: string }) => x.delivery === 'delivered');
    }, { what: 'the delivery receipt recorded' });
    expect(n).toMatchObject({ channel: 'zns', template: { key: '2', templateId: '401002' }, recipient: '09*****222' });
    expect(n.deliveredAt).toBeTruthy();
  });

  it('parks a ZNS when the daily quota is used up, with the reason', async () => {
    bot.emulator.setZnsQuota(100, 0);
    const code = 'EMU-261120-0002';
    await feed.put(code, sampleDossier({ applicant: { fullName: 'Trần Văn Ba', phone: '0987111333' }, consent: { zns: true } }));
    const n = await waitFor(async () => {
      const { body } = await feed.admin(`/api/admin/dossiers/${code}`);
      return body.notifications.find((x: { delivery: string }) => x.delivery === 'parked');
    }, { what: 'the parked ZNS' });
    expect(n.reason).toContain('-144');
    expect(n.reason).toContain('gửi lại lúc');
    bot.emulator.setZnsQuota(100, 100);
  });

  it('the console API shows the templates and the quota left today, and test-sends each template', async () => {
    bot.emulator.setZnsQuota(100, 40);
    const send = await feed.admin('/api/admin/zns/test-send', { method: 'POST', body: { key: '9', phone: '0987111444' } });
    expect(send.status).toBe(200);
    expect(send.body).toMatchObject({ ok: true, quota: { daily: 100, remaining: 39 } });
    const [sent] = bot.emulator.znsSent().filter((z) => z.phone === '84987111444');
    expect(sent).toMatchObject({ templateId: '401009' });
    const { body } = await feed.admin('/api/admin/zns');
    expect(body.enabled).toBe(true);
    expect(body.quota).toMatchObject({ daily: 100, remaining: 39 });
    expect(body.templates.map((t: { key: string }) => t.key).sort()).toEqual(['2', '5', '6', '9', 'delay', 'otp']);
    bot.emulator.setZnsTemplateStatus('401009', 'DISABLE');
    const refused = await feed.admin('/api/admin/zns/test-send', { method: 'POST', body: { key: '9', phone: '0987111444' } });
    expect(refused.status).toBe(422);
    expect(refused.body.reason).toContain('-131');
    bot.emulator.setZnsTemplateStatus('401009', 'ENABLE');
  });
});
