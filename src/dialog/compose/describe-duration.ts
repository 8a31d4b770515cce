/** A processing time in words, with its unit; a bare number is said as it is written, plainly. */
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
      return `${num(d.value)} (chưa ghi rõ là ngày hay ngày làm việc)`;
  }
}
