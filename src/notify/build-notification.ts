/**
 * The citizen-facing texts of dossier notifications: one consultation message
 * (with buttons) and a transaction-message fallback for users outside the
 * 7-day consultation window. Polite, with the code, the procedure, dates as
 * dd/mm/yyyy and the next step; never the phone or CCCD number.
 */
import type { OaButton, TextMessage, TransactionMessage } from '../platform/zalo/messages.js';
import { MAX_TEXT_LENGTH } from '../platform/zalo/messages.js';
import type { Dossier, DossierEvent, NationalStatus } from '../store/records.js';
import { NOTIFY_STATUSES, STATUS_INFO } from '../dossiers/dossier-status.js';
import { formatVnDate } from '../dossiers/format-vn-date.js';
import { describeCollection } from '../dossiers/describe-collection.js';
import { ratingPayload, statusPayload } from '../dossiers/chat-payloads.js';

export interface NotificationContext {
  dossier: Dossier;
  event: DossierEvent;
  /** Status before the event was applied. */
  previousStatus: NationalStatus;
  previousNote?: string;
  previousAppointmentDate: string;
  procedureName: string;
  orgName: string;
  officeHours: string;
  hotline?: string;
}

export interface BuiltNotification {
  text: TextMessage;
  fallback: TransactionMessage;
}

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** Whether this (applied) event deserves a notification. */
export function shouldNotify(ctx: Omit<NotificationContext, 'procedureName' | 'orgName' | 'officeHours'>): boolean {
  const { event, previousStatus, previousAppointmentDate, previousNote } = ctx;
  if (!event.applied) return false;
  if (event.newAppointmentDate && event.newAppointmentDate !== previousAppointmentDate) return true;
  if (!NOTIFY_STATUSES.has(event.status)) return false;
  if (event.status !== previousStatus) return true;
  // A second request for documents or payment with new content is news too.
  return (event.status === 5 || event.status === 6) && !!event.note && event.note !== previousNote;
}

/**
 * `buttons`: the message carries the rating buttons (the consultation message); the
 * transaction fallback has none, so it asks for a typed score instead.
 */
function statusParagraph(ctx: NotificationContext, buttons: boolean): string | null {
  const { event, dossier } = ctx;
  const note = event.note ? clip(event.note.trim(), 600) : '';
  const contact = `${ctx.orgName}${ctx.hotline ? ` (đường dây nóng ${ctx.hotline})` : ''}`;
  if (event.status === ctx.previousStatus && !(event.status === 5 || event.status === 6)) return null;
  switch (event.status) {
    case 3:
      return `Hồ sơ không được tiếp nhận giải quyết.${note ? ` Lý do: ${note}.` : ''} Anh/chị vui lòng xem Phiếu từ chối tiếp nhận hoặc liên hệ ${contact} để được hướng dẫn.`;
    case 5:
      return `Hồ sơ cần bổ sung, hoàn thiện giấy tờ.${note ? ` Nội dung cần bổ sung: ${note}.` : ''} Anh/chị vui lòng bổ sung theo Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ. Thời gian giải quyết tạm dừng cho đến khi anh/chị bổ sung.`;
    case 6:
      return `Hồ sơ cần thực hiện nghĩa vụ tài chính (nộp thuế, phí, lệ phí).${note ? ` Chi tiết: ${note}.` : ''} Sau khi anh/chị hoàn thành, hồ sơ sẽ được tiếp tục giải quyết.`;
    case 8:
      return `Hồ sơ đã dừng xử lý.${note ? ` Lý do: ${note}.` : ''} Anh/chị vui lòng liên hệ ${contact} để được hướng dẫn.`;
    case 9:
      return `Hồ sơ đã có kết quả.${note ? ` Ghi chú của cán bộ: ${note}.` : ''} ${describeCollection(dossier, ctx.officeHours, ctx.orgName)}`;
    case 10:
      return (
        `Kết quả hồ sơ đã được trả.${note ? ` Ghi chú của cán bộ: ${note}.` : ''} Cảm ơn anh/chị đã sử dụng dịch vụ. ` +
        'Anh/chị vui lòng đánh giá mức độ hài lòng từ 1 (rất không hài lòng) đến 5 (rất hài lòng) ' +
        (buttons ? 'bằng cách chọn một nút bên dưới ạ.' : 'bằng cách nhắn một số từ 1 đến 5 cho Zalo OA này ạ.')
      );
    default:
      return null;
  }
}

function apologyParagraph(ctx: NotificationContext): string | null {
  const next = ctx.event.newAppointmentDate;
  if (!next || next === ctx.previousAppointmentDate) return null;
  const reason = ctx.event.note && ctx.event.status === ctx.previousStatus ? ` Lý do: ${clip(ctx.event.note.trim(), 400)}.` : '';
  return `${ctx.orgName} thành thật xin lỗi anh/chị vì hồ sơ chưa thể trả kết quả đúng hẹn ngày ${formatVnDate(ctx.previousAppointmentDate)}.${reason} Ngày hẹn trả kết quả mới: ${formatVnDate(next)}. Mong anh/chị thông cảm.`;
}

export function buildNotification(ctx: NotificationContext): BuiltNotification | null {
  const { dossier, event } = ctx;
  const paragraphs = [statusParagraph(ctx, true), apologyParagraph(ctx)].filter((p): p is string => !!p);
  if (paragraphs.length === 0) return null;
  const fallbackParagraphs = [statusParagraph(ctx, false), apologyParagraph(ctx)].filter((p): p is string => !!p);
  const head = `Dạ, ${ctx.orgName} xin thông báo về hồ sơ ${dossier.code} (${clip(ctx.procedureName, 200)}):`;
  const text = clip([head, ...paragraphs].join('\n'), MAX_TEXT_LENGTH);
  const buttons: OaButton[] =
    event.status === 10 && event.status !== ctx.previousStatus
      ? [1, 2, 3, 4, 5].map((n) => ({ type: 'oa.query.show' as const, title: String(n), payload: ratingPayload(n, dossier.code) }))
      : [{ type: 'oa.query.show', title: 'Xem chi tiết hồ sơ', payload: statusPayload(dossier.code) }];
  const fallback: TransactionMessage = {
    kind: 'transaction',
    templateType: 'transaction_order',
    header: clip(`Thông báo hồ sơ ${dossier.code}`, 100),
    text: clip(fallbackParagraphs.join(' '), 1000),
    table: [
      { key: 'Mã hồ sơ', value: dossier.code },
      { key: 'Thủ tục', value: clip(ctx.procedureName, 100) },
      { key: 'Trạng thái', value: STATUS_INFO[dossier.status].label },
      { key: 'Ngày hẹn trả', value: formatVnDate(dossier.appointmentDate) },
    ],
    buttons: [{ type: 'oa.query.show', title: 'Xem chi tiết hồ sơ', payload: statusPayload(dossier.code) }],
  };
  return { text: { kind: 'text', text, buttons }, fallback };
}
