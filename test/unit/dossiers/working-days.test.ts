import { describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  holidayName,
  isWorkingDay,
  vnDateOf,
  workingDaysBetween,
} from '../../../src/dossiers/working-days.js';

describe('isWorkingDay on real 2025–2027 dates', () => {
  it('Tết Ất Tỵ 27–31/01/2025 are days off, Monday 03/02/2025 is back to work', () => {
    for (const d of ['2025-01-27', '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31']) {
      expect(isWorkingDay(d), d).toBe(false);
    }
    expect(isWorkingDay('2025-01-24')).toBe(true);
    expect(isWorkingDay('2025-02-03')).toBe(true);
  });

  it('Giỗ Tổ 2025 is Monday 07/04/2025', () => {
    expect(holidayName('2025-04-07')).toMatch(/Giỗ Tổ/);
    expect(isWorkingDay('2025-04-07')).toBe(false);
    expect(isWorkingDay('2025-04-08')).toBe(true);
  });

  it('30/4–1/5/2025 off, Friday 02/05 swapped for Saturday 26/04/2025', () => {
    expect(isWorkingDay('2025-04-30')).toBe(false);
    expect(isWorkingDay('2025-05-01')).toBe(false);
    expect(isWorkingDay('2025-05-02')).toBe(false);
    expect(isWorkingDay('2025-04-26')).toBe(true);
    expect(isWorkingDay('2025-05-03')).toBe(false);
  });

  it('Quốc khánh 2025: Monday 01/09 and Tuesday 02/09 off', () => {
    expect(isWorkingDay('2025-09-01')).toBe(false);
    expect(isWorkingDay('2025-09-02')).toBe(false);
    expect(isWorkingDay('2025-09-03')).toBe(true);
  });

  it('Tết Bính Ngọ 16–20/02/2026 off; Giỗ Tổ 2026 falls on Sunday 26/04, so Monday 27/04 is off', () => {
    for (const d of ['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20']) {
      expect(isWorkingDay(d), d).toBe(false);
    }
    expect(isWorkingDay('2026-02-23')).toBe(true);
    expect(isWorkingDay('2026-04-27')).toBe(false);
  });

  it('2027: 1/5 on a Saturday gives Monday 03/05/2027 off; Giỗ Tổ is Friday 16/04/2027', () => {
    expect(isWorkingDay('2027-05-03')).toBe(false);
    expect(isWorkingDay('2027-04-16')).toBe(false);
    expect(isWorkingDay('2027-01-01')).toBe(false);
  });

  it('plain weekends are days off, plain weekdays are working days', () => {
    expect(isWorkingDay('2025-03-15')).toBe(false); // Saturday
    expect(isWorkingDay('2025-03-16')).toBe(false); // Sunday
    expect(isWorkingDay('2025-03-17')).toBe(true); // Monday
  });
});

describe('addWorkingDays', () => {
  it('a dossier received Friday 24/01/2025 with 3 working days is due Wednesday 05/02/2025 (after Tết)', () => {
    expect(addWorkingDays('2025-01-24', 3)).toBe('2025-02-05');
  });

  it('skips 30/4, 1/5 and the swapped 2/5 but counts Saturday 26/04/2025', () => {
    expect(addWorkingDays('2025-04-25', 1)).toBe('2025-04-26');
    expect(addWorkingDays('2025-04-29', 1)).toBe('2025-05-05');
  });

  it('skips 1–2/9/2025', () => {
    expect(addWorkingDays('2025-08-29', 1)).toBe('2025-09-03');
  });

  it('crosses Tết 2026: received Friday 13/02/2026 + 2 working days = Tuesday 24/02/2026', () => {
    expect(addWorkingDays('2026-02-13', 2)).toBe('2026-02-24');
  });

  it('n = 0 gives the day itself or the next working day', () => {
    expect(addWorkingDays('2025-03-17', 0)).toBe('2025-03-17');
    expect(addWorkingDays('2025-01-25', 0)).toBe('2025-02-03');
  });

  it('takes an instant and uses the Vietnamese date (23:30 UTC is already the next day in Hà Nội)', () => {
    expect(vnDateOf('2025-01-23T23:30:00Z')).toBe('2025-01-24');
    expect(addWorkingDays(new Date('2025-01-23T23:30:00Z'), 3)).toBe('2025-02-05');
  });
});

describe('workingDaysBetween', () => {
  it('counts working days after the first date up to the second', () => {
    expect(workingDaysBetween('2025-01-24', '2025-02-05')).toBe(3);
    expect(workingDaysBetween('2025-02-05', '2025-01-24')).toBe(-3);
    expect(workingDaysBetween('2025-03-17', '2025-03-17')).toBe(0);
    // 28/04/2025 (Mon) → 09/05/2025 (Fri): 29/4, 5/5–9/5 = 6 (30/4, 1/5, 2/5 off)
    expect(workingDaysBetween('2025-04-28', '2025-05-09')).toBe(6);
  });

  it('is the inverse of addWorkingDays across 2025–2027', () => {
    for (const start of ['2025-01-02', '2025-08-28', '2026-02-12', '2026-12-30', '2027-02-04', '2027-04-28']) {
      for (const n of [1, 5, 15, 20]) {
        expect(workingDaysBetween(start, addWorkingDays(start, n)), `${start}+${n}`).toBe(n);
      }
    }
  });
});
