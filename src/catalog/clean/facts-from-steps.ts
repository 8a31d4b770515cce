/**
 * When the time column is empty or unitless, or no agency is named, the procedure's steps
 * (`trình tự thực hiện`) often state it: hộ kinh doanh "trong thời hạn 03 ngày làm việc kể từ ngày
 * nhận hồ sơ", "gửi hồ sơ … đến Cơ quan đăng ký kinh doanh cấp xã". The value is taken from there,
 * with the words it came from (`fromSteps`), so the answer can say so. A number the column gives
 * is never replaced: the steps only supply its unit when they state the same number; an empty
 * column is filled only when every deadline the steps state agrees (several are stages of a process).
 */
import type { Duration, Procedure } from '../procedure-schema.js';
import type { CleaningRule } from './cleaning-rule.js';

/** "trong thời hạn 03 ngày làm việc kể từ ngày nhận (được/đủ) hồ sơ": the deadline for deciding. */
const DEADLINE = /trong thời hạn (\d{1,3}) (ngày làm việc|ngày|giờ làm việc|giờ),? kể từ (?:ngày|khi) (?:nhận|tiếp nhận)[^.;,]{0,25}?hồ sơ/giu;
/** Civil status: "nếu tiếp nhận hồ sơ sau 15 giờ thì … trả kết quả … trong ngày làm việc tiếp theo". */
const NEXT_WORKING_DAY = /nếu tiếp nhận hồ sơ sau 15 giờ[^.;]{0,120}?trong ngày làm việc tiếp theo/iu;
const OFFICE =
  /(?:nộp|gửi|tiếp nhận) hồ sơ[^.;]{0,150}?\s(?:tại|đến)\s+((?:Trung tâm|Cơ quan|Ủy ban|UBND|Bộ phận|Công an|Sở|Phòng|Cục)[^,.;(]{3,90})/u;
const OFFICE_END = /\s+(?:nơi|bất kỳ|hoặc|để|có trách nhiệm|theo|thì|nộp|có thẩm quyền)(?:\s.*)?$/u;

const UNITS: Record<string, Duration['unit']> = { 'ngày làm việc': 'working_day', ngày: 'day', 'giờ làm việc': 'hour', giờ: 'hour' };

export function durationFromSteps(d: Duration, steps: string | null): Duration {
  if (!steps || (d.value !== null && d.unit !== 'unknown')) return d;
  const deadlines = [...steps.matchAll(DEADLINE)].map((m) => ({ value: Number(m[1]), unit: UNITS[m[2].toLowerCase()] ?? 'unknown', words: m[0] }));
  if (d.value === null) {
    // Several different deadlines are stages of a longer process (quốc tịch): none of them is the answer.
    const first = deadlines[0];
    const agree = deadlines.every((x) => x.value === first?.value && x.unit === first.unit);
    return first && agree ? { ...d, value: first.value, unit: first.unit, fromSteps: first.words } : d;
  }
  const same = deadlines.find((x) => x.value === d.value);
  if (same) return { ...d, unit: same.unit, fromSteps: same.words };
  const next = d.value === 1 ? NEXT_WORKING_DAY.exec(steps) : null;
  return next ? { ...d, unit: 'working_day', fromSteps: next[0] } : d;
}

export function officeFromSteps(p: Procedure): Procedure['agencies']['fromSteps'] {
  const a = p.agencies;
  if (a.performing || a.competent || a.receivingAddress || !p.steps) return undefined;
  const m = OFFICE.exec(p.steps);
  if (!m) return undefined;
  const office = m[1].replace(OFFICE_END, '').trim();
  return office.split(' ').length >= 3 ? { office, quote: m[0].trim() } : undefined;
}

export const factsFromSteps: CleaningRule = {
  id: 'facts-from-steps',
  title: 'thời hạn (khi cột thời gian trống hoặc thiếu đơn vị) và cơ quan (khi không ghi) đọc từ trình tự thực hiện',
  apply(p) {
    let changed = false;
    const channels = p.channels.map((c) => {
      const duration = durationFromSteps(c.duration, p.steps);
      if (duration === c.duration) return c;
      changed = true;
      return { ...c, duration };
    });
    const office = officeFromSteps(p);
    if (!changed && !office) return p;
    return { ...p, channels, ...(office ? { agencies: { ...p.agencies, fromSteps: office } } : {}) };
  },
};
