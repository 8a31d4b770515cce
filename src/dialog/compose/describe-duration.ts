/** A processing time in words, with its unit; a bare number is quoted as the source gives it. */
import type { Duration } from '../../catalog/procedure-schema.js';
import { shortenText } from '../format/shorten-text.js';

const num = (v: number) => String(v).replace('.', ',');

export function describeDuration(d: Duration): string {
  if (d.value === null) {
    const raw = d.raw.trim();
    return raw ? `nguồn không ghi thời hạn cụ thể (nguồn ghi: “${shortenText(raw, 200)}”)` : 'nguồn không ghi thời hạn cụ thể';
  }
  switch (d.unit) {
    case 'working_day':
      return `${num(d.value)} ngày làm việc`;
    case 'day':
      return `${num(d.value)} ngày`;
    case 'hour':
      return `${num(d.value)} giờ`;
    default:
      return `“${shortenText(d.raw.trim() || num(d.value), 120)}” (nguồn chỉ ghi số, không ghi đơn vị là ngày hay ngày làm việc)`;
  }
}
