import { describe, expect, it } from 'vitest';
import { buildNotification, shouldNotify } from '../../../src/notify/build-notification.js';
import type { DossierEvent, NationalStatus } from '../../../src/store/records.js';
import { sampleDossier } from './make-test-services.js';

const event = (status: NationalStatus, extra: Partial<DossierEvent> = {}): DossierEvent => ({
  eventId: 'e',
  status,
  at: '2025-02-05T02:00:00Z',
  recordedAt: '2025-02-05T02:00:00Z',
  applied: true,
  ...extra,
});

const build = (status: NationalStatus, extra: Partial<DossierEvent> = {}, previousStatus: NationalStatus = 4) =>
  buildNotification({
    dossier: sampleDossier({ status, returnPlace: 'Bộ phận Một cửa UBND phường Ba Đình' }),
    event: event(status, extra),
    previousStatus,
    previousAppointmentDate: '2025-02-05',
    procedureName: 'Đăng ký khai sinh',
    orgName: 'Bộ phận Một cửa',
    officeHours: 'Mon-Fri 07:30-11:30,13:30-17:00',
    hotline: '1900 1234',
  });

describe('notification texts', () => {
  it('tells where and when to collect a ready result and what to bring (9)', () => {
    const n = build(9)!;
    expect(n.text.text).toContain('000.00.12.H12-250124-0001');
    expect(n.text.text).toContain('Đăng ký khai sinh');
    expect(n.text.text).toContain('Bộ phận Một cửa UBND phường Ba Đình');
    expect(n.text.text).toContain('thứ Hai đến thứ Sáu, 07:30–11:30 và 13:30–17:00');
    expect(n.text.text).toContain('Phiếu tiếp nhận và hẹn trả kết quả');
    expect(n.text.text).toContain('giấy ủy quyền');
    expect(n.fallback).toMatchObject({ kind: 'transaction', templateType: 'transaction_order' });
    expect(n.fallback.table).toContainEqual({ key: 'Ngày hẹn trả', value: '05/02/2025' });
  });

  it('names what to add (5), what to pay (6), why it stopped (8) and why it was refused (3)', () => {
    expect(build(5, { note: 'Bản sao Giấy chứng sinh' })!.text.text).toContain('Nội dung cần bổ sung: Bản sao Giấy chứng sinh');
    expect(build(6, { note: 'Lệ phí 8.000 đồng' })!.text.text).toContain('nghĩa vụ tài chính');
    expect(build(8, { note: 'Không đủ điều kiện' })!.text.text).toContain('Lý do: Không đủ điều kiện');
    expect(build(3, {}, 1)!.text.text).toContain('không được tiếp nhận');
  });

  it('asks for a 1–5 rating with five buttons when the result is returned (10); the fallback asks for a typed score', () => {
    const n = build(10)!;
    expect(n.text.buttons?.map((b) => b.title)).toEqual(['1', '2', '3', '4', '5']);
    expect(n.text.text).toContain('chọn một nút bên dưới');
    expect(n.fallback.text).toContain('nhắn một số từ 1 đến 5');
    expect(n.fallback.text).not.toContain('nút bên dưới');
  });

  it('sends the officer\'s note with every notifying status, 9 and 10 included', () => {
    for (const s of [3, 5, 6, 8, 9, 10] as NationalStatus[]) {
      const n = build(s, { note: 'Mời đến quầy số 2' })!;
      expect([s, n.text.text.includes('Mời đến quầy số 2')]).toEqual([s, true]);
      expect([s, n.fallback.text.includes('Mời đến quầy số 2')]).toEqual([s, true]);
    }
  });

  it('apologises with the new date', () => {
    const n = build(4, { newAppointmentDate: '2025-02-12', note: 'Chờ xác minh' })!;
    expect(n.text.text).toContain('xin lỗi');
    expect(n.text.text).toContain('12/02/2025');
  });

  it('never shows the phone or CCCD and stays within 2,000 characters', () => {
    for (const s of [3, 5, 6, 8, 9, 10] as NationalStatus[]) {
      const n = build(s, { note: 'x'.repeat(3000) }, 2)!;
      const all = JSON.stringify(n);
      expect(all).not.toContain('0912345678');
      expect(all).not.toContain('001090012345');
      expect(n.text.text.length).toBeLessThanOrEqual(2000);
    }
  });

  it('only notifies news', () => {
    const base = { dossier: sampleDossier(), previousAppointmentDate: '2025-02-05' };
    expect(shouldNotify({ ...base, event: event(4), previousStatus: 2 })).toBe(false);
    expect(shouldNotify({ ...base, event: event(9), previousStatus: 9 })).toBe(false);
    expect(shouldNotify({ ...base, event: event(9), previousStatus: 4 })).toBe(true);
    expect(shouldNotify({ ...base, event: event(9, { applied: false }), previousStatus: 4 })).toBe(false);
    expect(shouldNotify({ ...base, event: event(5, { note: 'mới' }), previousStatus: 5, previousNote: 'cũ' })).toBe(true);
  });
});
