/**
 * Which amounts of a fee apply on a given day. Amounts without dates are the
 * standard fee; dated amounts are time-limited reductions that, while valid,
 * replace the standard amount named in `reduces`. So căn cước 50.000 đồng
 * reads 25.000 đồng between 01/7/2025 and 31/12/2026 and 50.000 đồng after.
 * An empty result means the record has no amount valid that day: quote raw.
 */
import type { Fee, FeeAmount } from './procedure-schema.js';

/** yyyy-mm-dd of the day in Asia/Ho_Chi_Minh (fees change at local midnight). */
export function vietnamDay(date: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(date);
}

export function isValidOn(amount: FeeAmount, day: string): boolean {
  return (!amount.validFrom || amount.validFrom <= day) && (!amount.validUntil || day <= amount.validUntil);
}

export function applicableFeeAmounts(fee: Pick<Fee, 'amounts'>, date: Date): FeeAmount[] {
  const day = vietnamDay(date);
  const valid = fee.amounts.filter((a) => isValidOn(a, day));
  const replaced = new Set(valid.filter((a) => a.reduces !== undefined).map((a) => a.reduces));
  const out: FeeAmount[] = [];
  const seen = new Set<string>();
  for (const a of valid) {
    const dated = Boolean(a.validFrom || a.validUntil);
    if (!dated && replaced.has(a.amountVnd)) continue;
    const key = `${a.amountVnd}|${a.label ?? ''}|${a.per ?? ''}`;
    if (seen.has(key)) continue; // two overlapping reductions to the same amount
    seen.add(key);
    out.push(a);
  }
  return out;
}

/** Alias kept for the answer composers' wording ("the fee on that day"). */
export const feeOn = applicableFeeAmounts;

/** "135.000 đồng" (dots between thousands, as Vietnamese writes money). */
export function formatVnd(amount: number): string {
  return `${String(Math.round(amount)).replace(/\B(?=(\d{3})+(?!\d))/g, '.')} đồng`;
}
