/** Where, when and with what to collect a result (status 9), in one paragraph. */
import type { Dossier } from '../store/records.js';

const DAY_NAMES: Record<string, string> = {
  Mon: 'thứ Hai', Tue: 'thứ Ba', Wed: 'thứ Tư', Thu: 'thứ Năm', Fri: 'thứ Sáu', Sat: 'thứ Bảy', Sun: 'Chủ nhật',
};

/** "Mon-Fri 07:30-11:30,13:30-17:00" → "thứ Hai đến thứ Sáu, 07:30–11:30 và 13:30–17:00"; other shapes as given. */
export function formatOfficeHours(spec: string): string {
  const m = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun)-(Mon|Tue|Wed|Thu|Fri|Sat|Sun)\s+(.+)$/.exec(spec.trim());
  if (!m) return spec;
  const ranges = m[3].split(',').map((r) => r.trim().replace('-', '–'));
  return `${DAY_NAMES[m[1]]} đến ${DAY_NAMES[m[2]]}, ${ranges.join(' và ')}`;
}

export function describeCollection(d: Dossier, officeHours: string, orgName: string): string {
  const postal = d.channel === 'buu_chinh' || /bưu (chính|điện)/i.test(d.returnPlace ?? '');
  if (postal) {
    return 'Kết quả sẽ được gửi qua dịch vụ bưu chính công ích đến địa chỉ anh/chị đã đăng ký; anh/chị vui lòng để ý điện thoại để nhận bưu phẩm.';
  }
  const place = d.returnPlace ?? d.agency ?? orgName;
  return (
    `Mời anh/chị đến nhận kết quả tại ${place} trong giờ làm việc (${formatOfficeHours(officeHours)}). ` +
    'Khi đến nhận, anh/chị mang theo Phiếu tiếp nhận và hẹn trả kết quả và giấy tờ tùy thân (CCCD); nếu nhờ người nhận thay, người đó mang theo giấy ủy quyền và giấy tờ tùy thân của mình.'
  );
}
