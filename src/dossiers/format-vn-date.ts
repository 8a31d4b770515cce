/** Dates for citizens: dd/mm/yyyy in Asia/Ho_Chi_Minh. */
import { vnDateOf } from './working-days.js';

export function formatVnDate(d: Date | string): string {
  const [y, m, day] = vnDateOf(d).split('-');
  return `${day}/${m}/${y}`;
}

const WEEKDAYS = ['Chủ nhật', 'thứ Hai', 'thứ Ba', 'thứ Tư', 'thứ Năm', 'thứ Sáu', 'thứ Bảy'];

/** "thứ Tư, 05/02/2025". */
export function formatVnDateWithWeekday(d: Date | string): string {
  const iso = vnDateOf(d);
  return `${WEEKDAYS[new Date(`${iso}T00:00:00Z`).getUTCDay()]}, ${formatVnDate(iso)}`;
}
