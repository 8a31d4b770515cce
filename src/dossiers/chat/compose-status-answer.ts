/**
 * The verified answer: procedure, status in plain Vietnamese with its meaning,
 * received and appointment dates with working days left or late, the next step,
 * the applicant's name masked. Never the phone or the CCCD number.
 */
import type { Services } from '../../services.js';
import type { Dossier } from '../../store/records.js';
import { computeDeadline, type Deadline } from '../compute-deadline.js';
import { describeCollection } from '../describe-collection.js';
import { STATUS_INFO } from '../dossier-status.js';
import { formatVnDate } from '../format-vn-date.js';
import { maskName } from '../mask-applicant.js';
import { procedureNameOf } from '../procedure-name.js';

function lastNote(d: Dossier): string | undefined {
  return [...d.history].reverse().find((e) => e.applied && e.status === d.status)?.note;
}

function timing(dl: Deadline): string | null {
  if (dl.closed) return null;
  if (dl.finished) {
    return dl.workingDaysLate ? `Kết quả có trễ ${dl.workingDaysLate} ngày làm việc so với ngày hẹn.` : 'Hồ sơ được giải quyết đúng hẹn.';
  }
  if (dl.paused) return 'Thời gian giải quyết đang tạm dừng trong lúc chờ anh/chị thực hiện bước tiếp theo.';
  if (dl.workingDaysLate) {
    return `Hồ sơ đã quá hẹn ${dl.workingDaysLate} ngày làm việc. Cơ quan giải quyết phải gửi anh/chị Phiếu xin lỗi và hẹn lại ngày trả kết quả.`;
  }
  if (dl.workingDaysLeft === 0) return 'Hôm nay là ngày hẹn trả kết quả.';
  return `Còn ${dl.workingDaysLeft} ngày làm việc đến ngày hẹn trả.`;
}

function nextStep(services: Services, d: Dossier): string {
  const { ORG_NAME: org, HOTLINE: hotline, OFFICE_HOURS: hours } = services.config;
  const contact = `${org}${hotline ? ` (đường dây nóng ${hotline})` : ''}`;
  const note = lastNote(d);
  switch (d.status) {
    case 1:
    case 2:
    case 4:
      return 'Anh/chị chưa cần làm gì thêm; em sẽ báo khi có kết quả nếu anh/chị đăng ký nhận thông báo.';
    case 3:
      return `Hồ sơ không được tiếp nhận${note ? ` (lý do: ${note})` : ''}. Anh/chị vui lòng xem Phiếu từ chối tiếp nhận hoặc liên hệ ${contact} để được hướng dẫn nộp lại.`;
    case 5:
      return `Anh/chị cần bổ sung, hoàn thiện hồ sơ${note ? `: ${note}` : ' theo Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ'}. Sau khi anh/chị bổ sung, hồ sơ được tiếp tục giải quyết.`;
    case 6:
      return `Anh/chị cần thực hiện nghĩa vụ tài chính (nộp thuế, phí, lệ phí)${note ? `: ${note}` : ''}. Sau khi hoàn thành, hồ sơ được tiếp tục giải quyết.`;
    case 7:
      return `Hồ sơ đã được rút. Nếu cần nộp lại, anh/chị liên hệ ${contact}.`;
    case 8:
      return `Hồ sơ đã dừng xử lý${note ? ` (lý do: ${note})` : ''}. Anh/chị vui lòng liên hệ ${contact} để được hướng dẫn.`;
    case 9:
      return describeCollection(d, hours, org);
    case 10:
      return 'Kết quả đã được trả. Cảm ơn anh/chị đã sử dụng dịch vụ.';
  }
}

/**
 * `weak`: proved only by 4 digits (no ZNS configured): the status, never the
 * applicant's name, and a word on how to see more.
 */
export function composeStatusAnswer(services: Services, d: Dossier, now: Date, opts: { weak?: boolean } = {}): string {
  const info = STATUS_INFO[d.status];
  const dl = computeDeadline(d, now);
  const due =
    dl.pausedWorkingDays > 0
      ? `${formatVnDate(dl.dueDate)} (đã cộng ${dl.pausedWorkingDays} ngày làm việc tạm dừng chờ bổ sung/nộp phí)`
      : formatVnDate(dl.dueDate);
  const lines = [
    `Dạ, thông tin hồ sơ ${d.code}:`,
    `- Thủ tục: ${procedureNameOf(services.catalog, d.procedureCode)}`,
    ...(opts.weak ? [] : [`- Người nộp: ${maskName(d.applicant.fullName)}`]),
    `- Ngày tiếp nhận: ${formatVnDate(d.receivedAt)}`,
    `- Ngày hẹn trả: ${due}`,
    `- Tình trạng: ${info.label} (${info.meaning}).`,
  ];
  const when = timing(dl);
  if (when) lines.push(when);
  lines.push(`Bước tiếp theo: ${nextStep(services, d)}`);
  if (opts.weak) lines.push('(Em chỉ báo tình trạng hồ sơ. Để xem đầy đủ và đăng ký nhận thông báo, anh/chị bấm "Chia sẻ số điện thoại" nếu số Zalo này là số đã đăng ký khi nộp hồ sơ.)');
  return lines.join('\n');
}
