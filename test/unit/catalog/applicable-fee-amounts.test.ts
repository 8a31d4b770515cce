import { describe, expect, it } from 'vitest';
import { applicableFeeAmounts, formatVnd, vietnamDay } from '../../../src/catalog/applicable-fee-amounts.js';
import type { FeeAmount } from '../../../src/catalog/procedure-schema.js';

const canCuoc: FeeAmount[] = [
  { amountVnd: 50_000, label: 'Cấp đổi', per: 'thẻ căn cước' },
  { amountVnd: 25_000, label: 'Cấp đổi', per: 'thẻ căn cước', validFrom: '2025-01-01', validUntil: '2025-12-31', reduces: 50_000 },
  { amountVnd: 25_000, label: 'Cấp đổi', per: 'thẻ căn cước', validFrom: '2025-07-01', validUntil: '2026-12-31', reduces: 50_000 },
];

describe('applicableFeeAmounts', () => {
  it('applies a reduction only inside its dates, inclusive', () => {
    const on = (iso: string) => applicableFeeAmounts({ amounts: canCuoc }, new Date(iso)).map((a) => a.amountVnd);
    expect(on('2024-06-01T05:00:00Z')).toEqual([50_000]);
    expect(on('2025-08-15T05:00:00Z')).toEqual([25_000]); // two overlapping reductions: stated once
    expect(on('2026-12-31T05:00:00Z')).toEqual([25_000]);
    expect(on('2027-01-01T05:00:00Z')).toEqual([50_000]);
  });

  it('uses the day in Asia/Ho_Chi_Minh (UTC 17:30 on 31/12 is already 01/01 there)', () => {
    expect(vietnamDay(new Date('2026-12-31T17:30:00Z'))).toBe('2027-01-01');
    expect(applicableFeeAmounts({ amounts: canCuoc }, new Date('2026-12-31T17:30:00Z')).map((a) => a.amountVnd)).toEqual([50_000]);
  });

  it('returns nothing when only expired amounts are recorded, and keeps distinct cases', () => {
    const expired: FeeAmount[] = [{ amountVnd: 160_000, validUntil: '2023-12-31' }];
    expect(applicableFeeAmounts({ amounts: expired }, new Date('2026-01-10T00:00:00Z'))).toEqual([]);
    const cases: FeeAmount[] = [
      { amountVnd: 100_000, label: 'Sát hạch lý thuyết', per: 'lần' },
      { amountVnd: 100_000, label: 'Sát hạch bằng phần mềm mô phỏng', per: 'lần' },
    ];
    expect(applicableFeeAmounts({ amounts: cases }, new Date())).toHaveLength(2);
  });

  it('formats money the Vietnamese way', () => {
    expect(formatVnd(135_000)).toBe('135.000 đồng');
    expect(formatVnd(1_200_000)).toBe('1.200.000 đồng');
    expect(formatVnd(8000)).toBe('8.000 đồng');
  });
});
