import { describe, expect, it } from 'vitest';
import { parseDuration } from '../../../src/catalog/parse-duration.js';

describe('parseDuration', () => {
  it('maps the portal units', () => {
    expect(parseDuration({ thoi_han: '7 Ngày làm việc', thoi_han_so: 7, thoi_han_don_vi: 'Ngày làm việc' })).toEqual({
      value: 7,
      unit: 'working_day',
      raw: '7 Ngày làm việc',
    });
    expect(parseDuration({ thoi_han: '15 Ngày', thoi_han_so: 15, thoi_han_don_vi: 'Ngày' }).unit).toBe('day');
    expect(parseDuration({ thoi_han: '1 Giờ', thoi_han_so: 1, thoi_han_don_vi: 'Giờ' }).unit).toBe('hour');
  });

  it("keeps a bare number with unit 'unknown' rather than guessing (khai sinh shows \"1\")", () => {
    expect(parseDuration({ thoi_han: '1', thoi_han_so: 1, thoi_han_don_vi: null })).toEqual({ value: 1, unit: 'unknown', raw: '1' });
  });

  it('takes the unit from the description when it states the same number', () => {
    const d = parseDuration({ thoi_han: '3', thoi_han_so: 3, thoi_han_don_vi: null }, 'Thời hạn giải quyết: 03 ngày làm việc.');
    expect(d).toMatchObject({ value: 3, unit: 'working_day', fromText: '03 ngày làm việc' });
    expect(parseDuration({ thoi_han: '1', thoi_han_so: 1 }, 'Trả kết quả trong ngày.').unit).toBe('day');
  });

  it('reads the time from the description when the column is empty', () => {
    const d = parseDuration({ thoi_han: null, thoi_han_so: null }, '- Nộp tại Công an cấp xã. - Thời hạn giải quyết: Không quá 07 ngày làm việc.');
    expect(d).toMatchObject({ value: 7, unit: 'working_day', raw: '' });
    expect(parseDuration({}, '02 ngày làm việc, kể từ ngày nhận được Tờ khai.')).toMatchObject({ value: 2, unit: 'working_day' });
    // "thứ 2 đến thứ 6" is office hours, not a deadline.
    expect(parseDuration({}, 'Giờ hành chính các ngày làm việc từ thứ 2 đến thứ 6')).toEqual({ value: null, unit: 'unknown', raw: '' });
  });
});
