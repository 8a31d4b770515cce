/**
 * Office hours from config, e.g. "Mon-Fri 07:30-11:30,13:30-17:00" or several
 * rules separated by ";" ("Mon-Fri 07:30-11:30,13:30-17:00; Sat 07:30-11:30"),
 * read in Asia/Ho_Chi_Minh.
 */
const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
const DAY_VI = ['Chủ nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'];

export interface OfficeRule {
  days: number[];
  /** Minutes since midnight, [start, end). */
  ranges: [number, number][];
}

export class OfficeHoursError extends Error {}

const minutes = (hhmm: string) => {
  const m = /^(\d{1,2}):(\d{2})$/.exec(hhmm.trim());
  if (!m || Number(m[1]) > 24 || Number(m[2]) > 59) throw new OfficeHoursError(`bad time "${hhmm}"`);
  return Number(m[1]) * 60 + Number(m[2]);
};
const day = (d: string) => {
  const i = DAYS.indexOf(d.trim().slice(0, 3).toLowerCase() as (typeof DAYS)[number]);
  if (i < 0) throw new OfficeHoursError(`bad day "${d}"`);
  return i;
};

export function parseOfficeHours(spec: string): OfficeRule[] {
  return spec
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((rule) => {
      const m = /^([A-Za-z]{3}(?:\s*-\s*[A-Za-z]{3})?(?:\s*,\s*[A-Za-z]{3}(?:\s*-\s*[A-Za-z]{3})?)*)\s+(.+)$/.exec(rule);
      if (!m) throw new OfficeHoursError(`bad rule "${rule}"`);
      const days: number[] = [];
      for (const part of m[1].split(',')) {
        const [a, b] = part.split('-').map(day);
        if (b === undefined) days.push(a);
        else for (let d = a; ; d = (d + 1) % 7) {
          days.push(d);
          if (d === b) break;
        }
      }
      const ranges = m[2].split(',').map((r): [number, number] => {
        const [s, e] = r.split('-');
        if (e === undefined) throw new OfficeHoursError(`bad range "${r}"`);
        return [minutes(s), minutes(e)];
      });
      return { days, ranges };
    });
}

function localDayMinute(at: Date, timeZone: string): { day: number; minute: number } {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(at);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return { day: day(get('weekday')), minute: Number(get('hour')) * 60 + Number(get('minute')) };
}

export function isWithinOfficeHours(rules: OfficeRule[], at: Date, timeZone = 'Asia/Ho_Chi_Minh'): boolean {
  const { day: d, minute } = localDayMinute(at, timeZone);
  return rules.some((r) => r.days.includes(d) && r.ranges.some(([s, e]) => minute >= s && minute < e));
}

const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

/** "Thứ Hai – Thứ Sáu: 07:30–11:30 và 13:30–17:00". */
export function describeOfficeHours(rules: OfficeRule[]): string {
  return rules
    .map((r) => {
      const sorted = [...r.days];
      const contiguous = sorted.every((d, i) => i === 0 || d === (sorted[i - 1] + 1) % 7);
      const days = contiguous && sorted.length > 2 ? `${DAY_VI[sorted[0]]} – ${DAY_VI[sorted[sorted.length - 1]]}` : sorted.map((d) => DAY_VI[d]).join(', ');
      return `${days}: ${r.ranges.map(([s, e]) => `${hhmm(s)}–${hhmm(e)}`).join(' và ')}`;
    })
    .join('; ');
}
