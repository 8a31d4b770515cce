/**
 * The time column says "20 Ngày" while the channel's own text says "tối đa không quá 20 ngày làm việc"
 * (liên thông khai sinh – thường trú – BHYT): the more precise unit the record states for the same
 * number wins, with the words it came from (`fromText`). Only "ngày" → "ngày làm việc", never the
 * other way, and only for the same number.
 */
import type { Duration, Procedure } from '../procedure-schema.js';
import type { CleaningRule } from './cleaning-rule.js';

const workingDays = (value: number) => new RegExp(`(?<!\\d)0*${value} ngày làm việc[^.;\\n]{0,60}`, 'iu');

export function unitFromText(d: Duration, texts: readonly (string | null | undefined)[]): Duration {
  if (d.unit !== 'day' || d.value === null) return d;
  for (const t of texts) {
    const m = t ? workingDays(d.value).exec(t) : null;
    if (m) return { ...d, unit: 'working_day', fromText: m[0].trim() };
  }
  return d;
}

export const unitFromChannelText: CleaningRule = {
  id: 'unit-from-channel-text',
  title: 'thời hạn ghi "ngày" mà mô tả của chính hình thức nộp ghi cùng số "ngày làm việc": lấy "ngày làm việc"',
  apply(p: Procedure) {
    let changed = false;
    const channels = p.channels.map((c) => {
      const duration = unitFromText(c.duration, [c.description, c.duration.note]);
      if (duration === c.duration) return c;
      changed = true;
      return { ...c, duration };
    });
    return changed ? { ...p, channels } : p;
  },
};
