/**
 * A processing time in words, with its unit. A bare number (the record states no unit anywhere, even in
 * its steps) is never given as a time: the answer says the time is not clear and quotes the number.
 */
import type { Duration } from '../../catalog/procedure-schema.js';

const num = (v: number) => String(v).replace('.', ',');

export function describeDuration(d: Duration): string {
  if (d.value === null) return 'chưa có thời hạn cụ thể, anh/chị vui lòng hỏi nơi nộp hồ sơ';
  const steps = d.fromSteps ? ' (theo các bước thực hiện thủ tục)' : '';
  switch (d.unit) {
    case 'working_day':
      return `${num(d.value)} ngày làm việc${steps}`;
    case 'day':
      return `${num(d.value)} ngày${steps}`;
    case 'hour':
      return `${num(d.value)} giờ${steps}`;
    default:
      return `chưa ghi rõ (thủ tục chỉ ghi số “${num(d.value)}”, không nói là ngày hay ngày làm việc), anh/chị vui lòng hỏi nơi nộp hồ sơ`;
  }
}
