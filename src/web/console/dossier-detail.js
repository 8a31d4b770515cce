// One dossier: its fields, history, subscribers and notifications, and a form
// that changes its status the way the one-stop system does (a status event with
// a fresh eventId), so subscribers get the notification in the chat.
import { adminApi, newEventId } from './api.js';
import { STATUS_LABELS, formatDate, formatDateTime, h, statusBadge, table, toast } from './dom.js';
import { znsPanel } from './zns-panel.js';

const CHANNEL_LABELS = { zns: 'ZNS (số điện thoại)', cs: 'Tin OA tư vấn', transaction: 'Tin OA giao dịch', oa: 'Tin OA' };
const DELIVERY_LABELS = {
  queued: 'Đang chờ gửi',
  retrying: 'Đang thử lại',
  parked: 'Tạm dừng (chờ hạn mức)',
  waiting: 'Chờ công dân nhắn lại',
  accepted: 'Zalo đã nhận',
  delivered: 'Đã đến máy người nhận',
  failed: 'Không gửi được',
};

function field(label, value) {
  return [h('dt', {}, label), h('dd', {}, value || '—')];
}

function statusForm(dossier, onChanged) {
  const options = Object.entries(STATUS_LABELS).map(([code, label]) =>
    h('option', { value: code, selected: Number(code) === Math.min(10, dossier.status + 1) }, `${code} · ${label}`),
  );
  const form = h(
    'form',
    { class: 'grid-form', 'aria-label': 'Đổi trạng thái hồ sơ' },
    h('label', {}, 'Trạng thái mới', h('select', { name: 'status', id: 'new-status' }, options)),
    h('label', {}, 'Ghi chú (gửi kèm thông báo)', h('input', { name: 'note', maxlength: 500, placeholder: 'Ví dụ: giấy tờ cần bổ sung' })),
    h('label', {}, 'Ngày hẹn trả mới (nếu đổi)', h('input', { name: 'newAppointmentDate', type: 'date' })),
    h('button', { type: 'submit', class: 'btn' }, 'Cập nhật trạng thái'),
  );
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const f = new FormData(form);
    const body = { eventId: newEventId(), status: Number(f.get('status')), at: new Date().toISOString() };
    if (String(f.get('note') || '').trim()) body.note = String(f.get('note')).trim();
    if (f.get('newAppointmentDate')) body.newAppointmentDate = String(f.get('newAppointmentDate'));
    const button = form.querySelector('button');
    button.disabled = true;
    try {
      const r = await adminApi(`/api/admin/dossiers/${encodeURIComponent(dossier.code)}/events`, { method: 'POST', body });
      const sent = typeof r.notifications === 'number' ? ` ${r.notifications} thông báo đã xếp hàng gửi.` : '';
      toast(
        r.afterFinal
          ? 'Hồ sơ đã ở trạng thái cuối: sự kiện chỉ được lưu vào lịch sử, không đổi trạng thái, không gửi thông báo.'
          : r.applied === false
            ? `Sự kiện cũ hơn trạng thái hiện tại: chỉ lưu vào lịch sử.`
            : `Đã cập nhật ${dossier.code} sang trạng thái ${body.status}.${sent}`,
      );
      onChanged();
    } catch (err) {
      toast(err.message, 'error');
    } finally {
      button.disabled = false;
    }
  });
  return form;
}

/** One line about the deadline the API computed (working days; clock stops while waiting for the citizen). */
function describeDeadline(deadline) {
  if (!deadline) return '';
  if (deadline.closed) return 'Hồ sơ đã đóng, không tính hạn';
  const late = deadline.workingDaysLate ? ` · trễ ${deadline.workingDaysLate} ngày làm việc` : '';
  if (deadline.finished) return `Đã có kết quả${late}`;
  const left = deadline.workingDaysLeft !== undefined ? ` · còn ${deadline.workingDaysLeft} ngày làm việc` : '';
  const paused = deadline.paused ? ' · đang tạm dừng chờ công dân' : '';
  return `Hạn ${formatDate(deadline.dueDate)}${left}${late}${paused}`;
}

/** Load and render dossier `code` into `box`; `onChanged` reloads the list. */
export async function showDossierDetail(box, code, onChanged) {
  let data;
  try {
    data = await adminApi(`/api/admin/dossiers/${encodeURIComponent(code)}`);
  } catch (err) {
    box.replaceChildren(h('p', { class: 'error' }, err.message));
    return;
  }
  const d = data.dossier ?? data;
  // The API gives a count; an array (older shape) is counted.
  const subscribers = Array.isArray(data.subscribers) ? data.subscribers.length : Number(data.subscribers ?? 0);
  const notifications = data.notifications ?? [];
  const zns = await znsPanel();
  const reload = () => {
    onChanged();
    return showDossierDetail(box, code, onChanged);
  };
  const appliedLabel = (ev) =>
    ev.afterFinal ? 'Không (sau trạng thái cuối)' : ev.applied === false ? 'Không (cũ hơn trạng thái hiện tại)' : 'Có';
  const history = [...(d.history ?? [])].sort((a, b) => String(b.at).localeCompare(String(a.at)));
  box.replaceChildren(
    h('h3', { tabindex: '-1', id: 'dossier-title' }, `Hồ sơ ${d.code}`),
    h(
      'dl',
      { class: 'fields' },
      field('Trạng thái', statusBadge(d.status)),
      field('Thủ tục', d.procedureName ? `${d.procedureName} (${d.procedureCode})` : d.procedureCode),
      field('Người nộp', `${d.applicant?.fullName ?? ''} · ${d.applicant?.phone ?? ''}`),
      field('Ngày tiếp nhận', formatDateTime(d.receivedAt)),
      field('Ngày hẹn trả', formatDate(d.appointmentDate)),
      field('Hạn xử lý', describeDeadline(d.deadline)),
      field('Cơ quan', d.agency),
      field('Nơi trả kết quả', d.returnPlace),
      field('Đồng ý nhận ZNS', d.consent?.zns ? `Có (từ ${formatDateTime(d.consent.at)})` : 'Không'),
      field('Công dân nhận thông báo', subscribers ? `${subscribers} người đăng ký` : 'Chưa có ai đăng ký'),
    ),
    h('h4', {}, 'Đổi trạng thái'),
    statusForm(d, reload),
    h('h4', {}, 'Lịch sử'),
    table(
      ['Thời điểm', 'Trạng thái', 'Ghi chú', 'Áp dụng'],
      history.map((ev) => [formatDateTime(ev.at), statusBadge(ev.status), ev.note ?? '', appliedLabel(ev)]),
      { empty: 'Chưa có sự kiện nào.', caption: 'Lịch sử hồ sơ' },
    ),
    d.historyDropped ? h('p', { class: 'muted' }, `Đã lược bớt ${d.historyDropped} sự kiện cũ: lịch sử giữ sự kiện đầu tiên và 100 sự kiện khác, bỏ trước các sự kiện không áp dụng hoặc lặp lại trạng thái.`) : '',
    h('h4', {}, 'Thông báo của hồ sơ'),
    table(
      ['Tạo lúc', 'Kênh', 'Người nhận', 'Tình trạng', 'Lý do / lỗi gần nhất'],
      notifications.map((n) => [
        formatDateTime(n.createdAt),
        `${CHANNEL_LABELS[n.channel] ?? n.channel}${n.template ? ` · mẫu ${n.template.key}` : ''}${n.kind === 'otp' ? ' · mã xác minh' : ''}`,
        n.recipient,
        `${DELIVERY_LABELS[n.delivery] ?? n.delivery}${n.deliveredAt ? ` ${formatDateTime(n.deliveredAt)}` : n.sentAt ? ` ${formatDateTime(n.sentAt)}` : ''}`,
        n.reason ?? '',
      ]),
      { empty: 'Chưa có thông báo nào.', caption: 'Thông báo của hồ sơ' },
    ),
    zns,
  );
  box.querySelector('#dossier-title').focus();
}
