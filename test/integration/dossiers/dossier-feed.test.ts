import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBot, TEST_ADMIN_TOKEN, TEST_INGEST_KEY, type TestBot } from '../../support/start-test-bot.js';
import { feedClient, sampleDossier, type FeedClient } from './feed-client.js';

let bot: TestBot;
let feed: FeedClient;

beforeAll(async () => {
  bot = await startTestBot();
  feed = feedClient(bot.url, TEST_INGEST_KEY, TEST_ADMIN_TOKEN);
});
afterAll(() => bot?.stop());

describe('status feed authentication and validation', () => {
  it('refuses a missing or wrong key with 401 and stores nothing', async () => {
    expect((await feed.put('AUTH-260101-0001', sampleDossier(), null)).status).toBe(401);
    expect((await feed.put('AUTH-260101-0001', sampleDossier(), 'wrong-key')).status).toBe(401);
    expect((await feed.event('AUTH-260101-0001', { eventId: 'e', status: 4, at: '2026-11-20T09:00:00Z' }, null)).status).toBe(401);
    const found = await bot.services.store.tx((t) => t.getDossier('AUTH-260101-0001'));
    expect(found).toBeUndefined();
  });

  it('lists every field problem in one 400', async () => {
    const res = await feed.put('VAL-260101-0001', {
      applicant: { fullName: '', phone: '12ab' },
      receivedAt: 'yesterday',
      appointmentDate: '2026-02-30',
      status: 11,
      channel: 'fax',
    });
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('validation');
    const paths = res.body.problems.map((p: { path: string }) => p.path).sort();
    expect(paths).toEqual(
      ['appointmentDate', 'applicant.fullName', 'applicant.phone', 'channel', 'procedureCode', 'receivedAt', 'status'].sort(),
    );
  });

  it('answers malformed JSON with 400 and an unknown dossier with 404', async () => {
    expect((await feed.put('VAL-260101-0002', '{"procedureCode":')).status).toBe(400);
    const res = await feed.event('NOPE-260101-0001', { eventId: 'e1', status: 4, at: '2026-11-20T09:00:00Z' });
    expect(res.status).toBe(404);
    const bad = await feed.event('NOPE-260101-0001', { status: 12, at: 'x' });
    expect(bad.status).toBe(400);
    expect(bad.body.problems.map((p: { path: string }) => p.path).sort()).toEqual(['at', 'eventId', 'status']);
  });
});

describe('status events', () => {
  const code = '000.00.12.H12-261120-0001';

  it('creates with status 2, normalises the code, and updates without touching the status', async () => {
    const created = await feed.put(' 000.00.12.h12-261120-0001 ', sampleDossier());
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ created: true, dossier: { code, status: 2, state: 'received' } });
    const updated = await feed.put(code, sampleDossier({ status: 9, appointmentDate: '2026-11-26' }));
    expect(updated.body).toMatchObject({ created: false, statusIgnored: true, dossier: { status: 2, appointmentDate: '2026-11-26' } });
  });

  it('accepts other systems’ code shapes, such as a BHXH number with slashes', async () => {
    const res = await feed.put('03706/2026/07906', sampleDossier());
    expect(res.status).toBe(200);
    expect(res.body.dossier.code).toBe('03706/2026/07906');
    expect((await feed.admin(`/api/admin/dossiers/${encodeURIComponent('03706/2026/07906')}`)).status).toBe(200);
    expect((await feed.put('AB', sampleDossier())).status).toBe(400);
  });

  it('applies an event once; the same eventId again has no effect', async () => {
    const ev = { eventId: 'evt-1', status: 4, at: '2026-11-20T10:00:00+07:00' };
    const first = await feed.event(code, ev);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ duplicate: false, applied: true, dossier: { status: 4, historyLength: 1 } });
    const again = await feed.event(code, ev);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ duplicate: true, dossier: { status: 4, historyLength: 1 } });
  });

  it('keeps an older event in the history without rolling the status back', async () => {
    const res = await feed.event(code, { eventId: 'evt-old', status: 2, at: '2026-11-20T09:00:00+07:00' });
    expect(res.body).toMatchObject({ duplicate: false, applied: false, dossier: { status: 4, historyLength: 2 } });
    const d = await bot.services.store.tx((t) => t.getDossier(code));
    expect(d?.history.map((e) => [e.eventId, e.applied])).toEqual([
      ['evt-1', true],
      ['evt-old', false],
    ]);
  });

  it('shows the dossier to an officer with the phone and CCCD masked', async () => {
    const list = await feed.admin('/api/admin/dossiers?q=H12-261120');
    expect(list.status).toBe(200);
    expect(list.body.total).toBe(1);
    expect(list.body.items[0].applicant).toEqual({ fullName: 'Nguyễn V** A', phone: '09*****678' });
    const detail = await feed.admin(`/api/admin/dossiers/${encodeURIComponent(code)}`);
    expect(detail.status).toBe(200);
    expect(detail.body.dossier.applicant).toEqual({ fullName: 'Nguyễn Văn An', phone: '09*****678', idNumber: '*********345' });
    expect(JSON.stringify(detail.body)).not.toContain('0912345678');
    expect((await fetch(`${bot.url}/api/admin/dossiers`)).status).toBe(401);
  });
});

describe('a final status', () => {
  const code = '000.00.12.H12-261120-0077';

  it('keeps 10 after 10 → 1 → 9: both recorded after the final status, no status change, no notification', async () => {
    await feed.put(code, sampleDossier());
    await bot.services.store.tx((t) => t.addSubscription({ code, userId: 'final-watcher', createdAt: new Date().toISOString() }));
    const returned = await feed.event(code, { eventId: 'f-10', status: 10, at: '2026-11-24T09:00:00+07:00' });
    expect(returned.body).toMatchObject({ applied: true, afterFinal: false, notifications: 1, dossier: { status: 10, final: true } });
    for (const [eventId, status, day] of [['f-1', 1, 25], ['f-9', 9, 26]] as const) {
      const res = await feed.event(code, { eventId, status, at: `2026-11-${day}T09:00:00+07:00` });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        duplicate: false,
        applied: false,
        afterFinal: true,
        notifications: 0,
        dossier: { status: 10, state: 'returned', historyDropped: 0 },
      });
    }
    const items = await bot.services.store.tx((t) => t.listOutbox({ dossierCode: code }));
    expect(items.map((i) => i.dedupeKey)).toEqual([`notify:${code}:f-10:final-watcher`]);
    const detail = await feed.admin(`/api/admin/dossiers/${encodeURIComponent(code)}`);
    expect(detail.body.dossier.history.map((e: { eventId: string; afterFinal?: boolean }) => [e.eventId, e.afterFinal ?? false])).toEqual([
      ['f-10', false],
      ['f-1', true],
      ['f-9', true],
    ]);
  });
});
