/**
 * One channel's processing time → Duration. The portal gives a number and a
 * unit; the unit is sometimes missing (khai sinh shows "1") and the number is
 * sometimes only in the description ("Thời hạn giải quyết: 07 ngày làm việc").
 * A unit is taken from the text only when the text states it; otherwise the
 * unit stays 'unknown' and the answer quotes the number as the source shows it.
 */
import type { Duration } from './procedure-schema.js';

type Unit = Duration['unit'];

const UNITS: Array<[RegExp, Unit]> = [
  [/^ngày làm việc$/iu, 'working_day'],
  [/^ngày$/iu, 'day'],
  [/^giờ( làm việc)?$/iu, 'hour'],
];

function unitOf(word: string | null | undefined): Unit | undefined {
  const w = (word ?? '').trim();
  return UNITS.find(([re]) => re.test(w))?.[1];
}

const IN_TEXT = /(\d{1,3})\s*(ngày làm việc|ngày|giờ)(?!\p{L})/iu;
/** Without a "Thời hạn giải quyết:" heading, only a time that reads as a deadline counts. */
const LEAD_TIME = /(?:không quá|chậm nhất(?: là)?|tối đa|trong thời hạn|^)\s*(\d{1,3})\s*(ngày làm việc|ngày|giờ)(?!\p{L})/iu;
const SAME_DAY = /trong (?:ngày|ngày làm việc)(?!\p{L})/iu;

export interface DurationInput {
  thoi_han?: string | null;
  thoi_han_so?: number | null;
  thoi_han_don_vi?: string | null;
}

export function parseDuration(input: DurationInput, description?: string): Duration {
  const raw = input.thoi_han ?? '';
  const value = input.thoi_han_so ?? null;
  const unit = unitOf(input.thoi_han_don_vi);
  const text = description ?? '';
  if (value !== null && value > 0) {
    if (unit) return { value, unit, raw };
    // Same number with a unit in the description: take the unit from there.
    const m = new RegExp(`(?<!\\d)0*${value}\\s*(ngày làm việc|ngày|giờ)(?!\\p{L})`, 'iu').exec(text);
    if (m) return { value, unit: unitOf(m[1]) ?? 'unknown', raw, fromText: m[0] };
    if (value === 1 && SAME_DAY.test(text)) return { value, unit: 'day', raw, fromText: SAME_DAY.exec(text)![0] };
    return { value, unit: 'unknown', raw };
  }
  // No number in the column: the description may state the time.
  const deadline = /thời hạn giải quyết[^:]*:/iu.exec(text);
  const scope = deadline ? text.slice(deadline.index) : text;
  const m = deadline ? IN_TEXT.exec(scope) : LEAD_TIME.exec(scope);
  if (m && Number(m[1]) > 0) return { value: Number(m[1]), unit: unitOf(m[2]) ?? 'unknown', raw, fromText: m[0] };
  return { value: null, unit: 'unknown', raw };
}
