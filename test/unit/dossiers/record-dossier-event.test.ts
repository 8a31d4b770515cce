import { beforeEach, describe, expect, it } from 'vitest';
import { recordDossierEvent } from '../../../src/dossiers/record-dossier-event.js';
import { upsertDossier } from '../../../src/dossiers/upsert-dossier.js';
import { FeedValidationError } from '../../../src/dossiers/feed-schemas.js';
import { DossierNotFoundError } from '../../../src/dossiers/dossier-errors.js';
import { makeTestServices } from './make-test-services.js';

const code = '000.00.12.H12-250301-0001';
const body = {
  procedureCode: '1.001193',
  applicant: { fullName: 'Nguyễn Văn An', phone: '84912345678', idNumber: '001090012345' },
  receivedAt: '2025-03-03T08:00:00+07:00',
  appointmentDate: '2025-03-06',
};

let services: ReturnType<typeof makeTestServices>;
beforeEach(async () => {
  services = makeTestServices(new Date('2025-03-04T03:00:00Z'));
  await upsertDossier(services, code, body);
  await services.store.tx(async (t) => {
    await t.addSubscription({ code, userId: 'u1', createdAt: '2025-03-03T02:00:00Z' });
    await t.addSubscription({ code, userId: 'u2', createdAt: '2025-03-03T02:00:00Z' });
  });
});

const outbox = () => services.store.tx((t) => t.listOutbox({ dossierCode: code }));

describe('recordDossierEvent', () => {
  it('stores the phone in national form and the dossier with status 2', async () => {
    const d = await services.store.tx((t) => t.getDossier(code));
    expect(d).toMatchObject({ status: 2, state: 'received', applicant: { phone: '0912345678' } });
  });

  it('writes the status change and one notification per subscriber together', async () => {
    const r = await recordDossierEvent(services, code, { eventId: 'e9', status: 9, at: '2025-03-05T09:00:00+07:00' });
    expect(r).toMatchObject({ duplicate: false, applied: true, notifications: 2 });
    const items = await outbox();
    expect(items.map((i) => i.userId).sort()).toEqual(['u1', 'u2']);
    expect(items[0]).toMatchObject({ kind: 'notification', status: 'pending', sentParts: 0, attempts: 0, dossierCode: code });
    expect(items.map((i) => i.dedupeKey).sort()).toEqual([`notify:${code}:e9:u1`, `notify:${code}:e9:u2`]);
    expect(services.kicks).toBe(1);
  });

  it('gives a redelivered event no second effect', async () => {
    const ev = { eventId: 'e5', status: 5, at: '2025-03-04T09:00:00+07:00', note: 'Bản sao Giấy chứng sinh' };
    await recordDossierEvent(services, code, ev);
    const again = await recordDossierEvent(services, code, ev);
    expect(again).toMatchObject({ duplicate: true, notifications: 0 });
    expect(again.dossier.history).toHaveLength(1);
    expect(await outbox()).toHaveLength(2);
  });

  it('keeps an out-of-order event without rollback or notification', async () => {
    await recordDossierEvent(services, code, { eventId: 'late', status: 9, at: '2025-03-05T09:00:00+07:00' });
    const old = await recordDossierEvent(services, code, { eventId: 'early', status: 5, at: '2025-03-04T09:00:00+07:00' });
    expect(old).toMatchObject({ applied: false, notifications: 0 });
    expect(old.dossier.status).toBe(9);
    expect(old.dossier.history.map((e) => e.applied)).toEqual([true, false]);
  });

  it('does not notify for a status that is not news (4), but does for a new appointment date', async () => {
    expect((await recordDossierEvent(services, code, { eventId: 'p', status: 4, at: '2025-03-04T09:00:00+07:00' })).notifications).toBe(0);
    const r = await recordDossierEvent(services, code, {
      eventId: 'late-date',
      status: 4,
      at: '2025-03-05T09:00:00+07:00',
      note: 'Chờ xác minh',
      newAppointmentDate: '2025-03-12',
    });
    expect(r.notifications).toBe(2);
    expect(r.dossier.appointmentDate).toBe('2025-03-12');
    const [item] = await outbox();
    const text = item.parts[0].kind === 'text' ? item.parts[0].text : '';
    expect(text).toContain('xin lỗi');
    expect(text).toContain('12/03/2025');
    expect(text).toContain('06/03/2025');
  });

  it('asks subscribers for a rating when the result is returned (status 10)', async () => {
    await recordDossierEvent(services, code, { eventId: 'r', status: 10, at: '2025-03-06T09:00:00+07:00' });
    const state = await services.store.tx((t) => t.getConversation('u1'));
    expect(state?.pending).toEqual({ kind: 'satisfaction', code });
  });

  it('keeps a final status: 10 → 1 → 9 records both later events, changes nothing, notifies nobody', async () => {
    const returned = await recordDossierEvent(services, code, { eventId: 'r', status: 10, at: '2025-03-06T09:00:00+07:00' });
    expect(returned).toMatchObject({ applied: true, afterFinal: false, notifications: 2 });
    expect(returned.dossier.finalAt).toBe(services.clock().toISOString());
    const back = await recordDossierEvent(services, code, { eventId: 'back', status: 1, at: '2025-03-07T09:00:00+07:00' });
    const nine = await recordDossierEvent(services, code, { eventId: 'nine', status: 9, at: '2025-03-08T09:00:00+07:00', newAppointmentDate: '2025-03-20' });
    for (const r of [back, nine]) expect(r).toMatchObject({ duplicate: false, applied: false, afterFinal: true, notifications: 0 });
    const d = await services.store.tx((t) => t.getDossier(code));
    expect(d).toMatchObject({ status: 10, state: 'returned', statusAt: '2025-03-06T02:00:00.000Z', appointmentDate: '2025-03-06' });
    expect(d!.finalAt).toBe(returned.dossier.finalAt);
    expect(d!.history.map((e) => [e.eventId, e.applied, e.afterFinal ?? false])).toEqual([
      ['r', true, false],
      ['back', false, true],
      ['nine', false, true],
    ]);
    expect((await outbox()).map((i) => i.dedupeKey).sort()).toEqual([`notify:${code}:r:u1`, `notify:${code}:r:u2`]);
    // A redelivery of an after-final event is still a duplicate.
    expect(await recordDossierEvent(services, code, { eventId: 'nine', status: 9, at: '2025-03-08T09:00:00+07:00' })).toMatchObject({
      duplicate: true,
      afterFinal: true,
    });
  });

  it('treats refusal at intake (3) and withdrawal (7) as final too, but not a stop (8) or result ready (9)', async () => {
    const refused = await recordDossierEvent(services, code, { eventId: 'no', status: 3, at: '2025-03-04T09:00:00+07:00', note: 'Thiếu giấy' });
    expect(refused.dossier.finalAt).toBeDefined();
    expect(await recordDossierEvent(services, code, { eventId: 'yes', status: 2, at: '2025-03-05T09:00:00+07:00' })).toMatchObject({
      applied: false,
      afterFinal: true,
    });
    const other = '000.00.12.H12-250301-0002';
    await upsertDossier(services, other, body);
    for (const [i, status] of [8, 4, 9, 7, 4].entries()) {
      await recordDossierEvent(services, other, { eventId: `o${i}`, status, at: `2025-03-0${4 + i}T09:00:00+07:00` });
    }
    const d = await services.store.tx((t) => t.getDossier(other));
    expect(d!.status).toBe(7);
    expect(d!.history.map((e) => e.applied)).toEqual([true, true, true, true, false]);
    const created = await upsertDossier(services, '000.00.12.H12-250301-0003', { ...body, status: 10 });
    expect(created.dossier.finalAt).toBe(services.clock().toISOString());
  });

  it('keeps the history bounded and says how many events were dropped', async () => {
    const at = (i: number) => new Date(Date.parse('2025-03-04T00:00:00Z') + i * 60_000).toISOString();
    await recordDossierEvent(services, code, { eventId: 'p0', status: 4, at: at(0) });
    await recordDossierEvent(services, code, { eventId: 'p1', status: 5, at: at(1), note: 'Bổ sung giấy chứng sinh' });
    let last;
    for (let i = 2; i < 160; i++) last = await recordDossierEvent(services, code, { eventId: `p${i}`, status: 4, at: at(i) });
    const d = (await services.store.tx((t) => t.getDossier(code)))!;
    expect(d.history).toHaveLength(101);
    expect(d.historyDropped).toBe(59);
    expect(last!.dossier).toMatchObject({ historyDropped: 59 });
    // The first event, the request for documents and its end stay; the repeats went.
    expect(d.history.slice(0, 3).map((e) => e.eventId)).toEqual(['p0', 'p1', 'p2']);
    expect(d.history.at(-1)!.eventId).toBe('p159');
  });

  it('reports unknown dossiers and every field problem', async () => {
    await expect(recordDossierEvent(services, 'NOPE-250301-0001', { eventId: 'x', status: 4, at: '2025-03-04T09:00:00Z' })).rejects.toBeInstanceOf(
      DossierNotFoundError,
    );
    const err = await recordDossierEvent(services, code, { status: 0, at: '04/03/2025', newAppointmentDate: '2025-13-01' }).catch((e) => e);
    expect(err).toBeInstanceOf(FeedValidationError);
    expect((err as FeedValidationError).problems.map((p) => p.path).sort()).toEqual(['at', 'eventId', 'newAppointmentDate', 'status']);
  });
});
