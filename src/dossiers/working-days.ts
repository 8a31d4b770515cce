/**
 * Working days (ngày làm việc) in Asia/Ho_Chi_Minh: Monday–Friday, minus the
 * public holidays in fixtures/holidays-vn.json, plus the announced working
 * Saturdays (swaps). Dates are local calendar dates as 'yyyy-mm-dd' strings.
 *
 * Usage: addWorkingDays('2025-01-24', 3) === '2025-02-05' (Tết in between).
 * Outside the file's coverage only weekends are skipped (documented in docs/dossiers.md).
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';

export type IsoDate = string;

const HolidayFileSchema = z.object({
  coverage: z.object({ from: z.string(), to: z.string() }),
  holidays: z.array(z.object({ date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), name: z.string() })),
  workingSaturdays: z.array(z.object({ date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), name: z.string() })),
});

export interface HolidayCalendar {
  coverage: { from: IsoDate; to: IsoDate };
  holidays: Map<IsoDate, string>;
  workingSaturdays: Set<IsoDate>;
}

export function loadHolidayCalendar(file: string | URL): HolidayCalendar {
  const parsed = HolidayFileSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
  return {
    coverage: parsed.coverage,
    holidays: new Map(parsed.holidays.map((h) => [h.date, h.name])),
    workingSaturdays: new Set(parsed.workingSaturdays.map((s) => s.date)),
  };
}

// Resolved against this module, not the cwd, so a child process started elsewhere finds it.
const defaultCalendar = loadHolidayCalendar(new URL('../../fixtures/holidays-vn.json', import.meta.url));

const VN_OFFSET_MS = 7 * 3600_000; // Asia/Ho_Chi_Minh has no daylight saving time.
const DAY_MS = 86_400_000;

/** The local (Asia/Ho_Chi_Minh) calendar date of an instant, or a date string as is. */
export function vnDateOf(d: Date | string): IsoDate {
  if (typeof d === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(d)) return d;
  const ms = typeof d === 'string' ? Date.parse(d) : d.getTime();
  if (Number.isNaN(ms)) throw new RangeError(`not a date: ${String(d)}`);
  return new Date(ms + VN_OFFSET_MS).toISOString().slice(0, 10);
}

export function addCalendarDays(d: IsoDate, n: number): IsoDate {
  return new Date(Date.parse(`${d}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday. */
function weekday(d: IsoDate): number {
  return new Date(`${d}T00:00:00Z`).getUTCDay();
}

/** The holiday name when `d` is a listed public holiday. */
export function holidayName(d: Date | string, cal: HolidayCalendar = defaultCalendar): string | undefined {
  return cal.holidays.get(vnDateOf(d));
}

export function isWorkingDay(d: Date | string, cal: HolidayCalendar = defaultCalendar): boolean {
  const day = vnDateOf(d);
  const wd = weekday(day);
  if (wd === 6) return cal.workingSaturdays.has(day);
  if (wd === 0) return false;
  return !cal.holidays.has(day);
}

/**
 * The date `n` working days after `d` (counting starts the day after `d`).
 * n = 0 returns `d` itself when it is a working day, else the next working day.
 */
export function addWorkingDays(d: Date | string, n: number, cal: HolidayCalendar = defaultCalendar): IsoDate {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`n must be a non-negative integer, got ${n}`);
  let day = vnDateOf(d);
  if (n === 0) {
    while (!isWorkingDay(day, cal)) day = addCalendarDays(day, 1);
    return day;
  }
  let left = n;
  while (left > 0) {
    day = addCalendarDays(day, 1);
    if (isWorkingDay(day, cal)) left--;
  }
  return day;
}

/**
 * Working days in (a, b]: after a, up to and including b. Negative when b is
 * before a, so `workingDaysBetween(today, due)` is the working days left.
 */
export function workingDaysBetween(a: Date | string, b: Date | string, cal: HolidayCalendar = defaultCalendar): number {
  const from = vnDateOf(a);
  const to = vnDateOf(b);
  if (from === to) return 0;
  if (to < from) return -workingDaysBetween(to, from, cal);
  let n = 0;
  for (let day = addCalendarDays(from, 1); day <= to; day = addCalendarDays(day, 1)) {
    if (isWorkingDay(day, cal)) n++;
  }
  return n;
}

export const holidayCoverage = defaultCalendar.coverage;
