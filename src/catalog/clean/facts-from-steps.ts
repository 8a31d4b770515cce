/**
 * When the time column is empty or unitless, or no agency is named, the procedure's steps
 * (`trình tự thực hiện`) often state it: hộ kinh doanh "trong thời hạn 03 ngày làm việc kể từ ngày
 * nhận hồ sơ", "gửi hồ sơ … đến Cơ quan đăng ký kinh doanh cấp xã". The value is taken from there,
 * with the words it came from (`fromSteps`), so the answer can say so. A number with its unit is
 * never replaced. A bare number takes the unit of the same number in the steps; when the steps state
 * another deadline for deciding, and only one (hộ kinh doanh thay đổi: column "1", steps "03 ngày làm
 * việc kể từ ngày nhận hồ sơ"), the steps' deadline replaces the number, which alone says nothing an
 * officer could act on (the column keeps it in `raw`). An empty column is filled only when every
 * deadline the steps state agrees (several are stages of a process).
 */
import type { Duration, Procedure } from '../procedure-schema.js';
import type { CleaningRule } from './cleaning-rule.js';

/** "trong thời hạn 03 ngày làm việc kể từ ngày nhận (được/đủ) hồ sơ": the deadline for deciding. */
const DEADLINE = /trong thời hạn (\d{1,3}) (ngày làm việc|ngày|giờ làm việc|giờ),? kể từ (?:ngày|khi) (?:nhận|tiếp nhận)[^.;,]{0,25}?hồ sơ/giu;
/** Civil status: "nếu tiếp nhận hồ sơ sau 15 giờ thì … trả kết quả … trong ngày làm việc tiếp theo". */
/** Any "trong thời hạn 01 ngày làm việc …": a stated time, for whatever step, with what follows. */
const STATED = /trong thời hạn (\d{1,3}) (ngày làm việc|ngày|giờ làm việc|giờ)[^.;]{0,80}/giu;
/** A stated time counted from receiving something (a request, a result): a stage of the process. */
const FROM_RECEIVING = /kể từ (?:ngày|khi) (?:nhận|tiếp nhận)/iu;
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
  if (next) return { ...d, unit: 'working_day', fromSteps: next[0] };
  const stated = [...steps.matchAll(STATED)].map((m) => ({ value: Number(m[1]), unit: UNITS[m[2].toLowerCase()] ?? 'unknown', words: m[0].trim() }));
  // Cấp lại giấy chứng nhận hộ kinh doanh: "1" is "trong thời hạn 01 ngày làm việc kể từ ngày nhận được văn bản đề nghị".
  const sameStated = stated.find((x) => x.value === d.value);
  if (sameStated) return { ...d, unit: sameStated.unit, fromSteps: sameStated.words };
  // One decision deadline and no stage counted from receiving something else (quốc tịch's stages add up to the column).
  const only = deadlines[0];
  const stages = stated.filter((x) => FROM_RECEIVING.test(x.words) && !deadlines.some((k) => x.words.startsWith(k.words.slice(0, 20))));
  const single = only && !stages.length && deadlines.every((x) => x.value === only.value && x.unit === only.unit);
  return single ? { ...d, value: only.value, unit: only.unit, fromSteps: only.words } : d;
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
  title: 'thời hạn (khi cột thời gian trống hoặc chỉ có số không đơn vị) và cơ quan (khi không ghi) đọc từ trình tự thực hiện',
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
