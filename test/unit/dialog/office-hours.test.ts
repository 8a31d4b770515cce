import { describe, expect, it } from 'vitest';
import { describeOfficeHours, isWithinOfficeHours, OfficeHoursError, parseOfficeHours } from '../../../src/dialog/office-hours.js';

const rules = parseOfficeHours('Mon-Fri 07:30-11:30,13:30-17:00');

describe('office hours', () => {
  it('reads the default rule in Asia/Ho_Chi_Minh', () => {
    // Tuesday 16/06/2026: 10:00 and 12:00 and 17:30 in Việt Nam (UTC+7).
    expect(isWithinOfficeHours(rules, new Date('2026-06-16T03:00:00Z'))).toBe(true);
    expect(isWithinOfficeHours(rules, new Date('2026-06-16T05:00:00Z'))).toBe(false);
    expect(isWithinOfficeHours(rules, new Date('2026-06-16T10:30:00Z'))).toBe(false);
    // Saturday morning.
    expect(isWithinOfficeHours(rules, new Date('2026-06-20T02:00:00Z'))).toBe(false);
  });

  it('supports several rules and describes them in Vietnamese', () => {
    const r = parseOfficeHours('Mon-Fri 07:30-11:30,13:30-17:00; Sat 07:30-11:30');
    expect(isWithinOfficeHours(r, new Date('2026-06-20T02:00:00Z'))).toBe(true);
    expect(describeOfficeHours(r)).toBe('Thứ Hai – Thứ Sáu: 07:30–11:30 và 13:30–17:00; Thứ Bảy: 07:30–11:30');
  });

  it('refuses a malformed rule', () => {
    expect(() => parseOfficeHours('Weekdays 9-5')).toThrow(OfficeHoursError);
    expect(() => parseOfficeHours('Mon-Fri 07:30')).toThrow(OfficeHoursError);
  });
});
