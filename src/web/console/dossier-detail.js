// One dossier: its fields, history (with its creation), subscribers and
// notifications, and a form that changes its status the way the one-stop system
// does (a status event with a fresh eventId), so subscribers get the notification.
// Safe by design: no status is preselected, and a change that notifies the citizen
// (rejection, documents to add, fees, result ready, returned, ...) asks for a confirm
// that says who gets what. The facts refresh in place; the form keeps its draft.
import { adminApi, newEventId } from './api.js';
import { OUTBOX_LABELS, STATUS_LABELS, formatDate, formatDateTime, h, statusBadge, table, toast } from './dom.js';
import { renderIfChanged } from './live-dom.js';
import { znsPanel } from './zns-panel.js';

const CHANNEL_LABELS = { zns: 'ZNS (số điện thoại)', cs: 'Tin OA tư vấn', transaction: 'Tin OA giao dịch', oa: 'Tin OA' };
const DELIVERY_LABELS = {
  queued: 'Đang chờ gửi',
  retrying: 'Đang thử lại',
  parked: 'Tạm dừng (chờ hạn mức)',
  confirming: 'Chờ Zalo báo đã nhận (chưa gửi lại)',
  waiting: 'Chờ công dân nhắn lại',
  accepted: 'Zalo đã nhận',
  delivered: 'Đã đến máy người nhận',
  failed: 'Không gửi được',
};

function field(label, value) {
  return [h('dt', {}, label), h('dd', {}, value || '—')];
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

const appliedLabel = (ev) => (ev.afterFinal ? 'Không (sau trạng thái cuối)' : ev.applied === false ? 'Không (cũ hơn trạng thái hiện tại)' : 'Có');

function facts(d, subscribers) {
  return h(
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
    field('Công dân nhận thông báo', subscribers ? `${subscribers} người đăng ký` : 'Chưa có ai đăng ký'),
    field('Đồng ý nhận ZNS', d.consent?.zns ? `Có (từ ${formatDateTime(d.consent.at)})` : 'Không'),
  );
}

function history(d) {
  const rows = [...(d.history ?? [])]
    .sort((a, b) => String(b.at).localeCompare(String(a.at)))
    .map((ev) => [formatDateTime(ev.at), statusBadge(ev.status), ev.note ?? '', appliedLabel(ev)]);
  // The creation is not a status event, but the officer wants to see when the dossier came in.
  if (d.created) {
    rows.push([formatDateTime(d.created.at), d.created.status ? statusBadge(d.created.status) : '—', `Tạo hồ sơ (ghi nhận lúc ${formatDateTime(d.created.recordedAt)})`, 'Có']);
  }
  return [
    table(['Thời điểm', 'Trạng thái', 'Ghi chú', 'Áp dụng'], rows, { empty: 'Chưa có sự kiện nào.', caption: 'Lịch sử hồ sơ' }),
    d.historyDropped ? h('p', { class: 'muted' }, `Đã lược bớt ${d.historyDropped} sự kiện cũ: lịch sử giữ sự kiện đầu tiên và 100 sự kiện khác, bỏ trước các sự kiện không áp dụng hoặc lặp lại trạng thái.`) : '',
  ];
}

/** Each notification: the channel it took (OA message, transaction, ZNS with its template), its delivery and the reason. */
function notifications(list, outbox) {
  if (!list.length && outbox.length) {
    return table(
      ['Tạo lúc', 'Người nhận', 'Tình trạng', 'Lỗi gần nhất'],
      outbox.map((o) => [formatDateTime(o.createdAt), o.userId, OUTBOX_LABELS[o.status] ?? o.status, o.lastError ?? '']),
      { empty: 'Chưa có thông báo nào.', caption: 'Thông báo của hồ sơ' },
    );
  }
  return table(
    ['Tạo lúc', 'Kênh', 'Người nhận', 'Tình trạng', 'Lý do / lỗi gần nhất'],
    list.map((n) => [
      formatDateTime(n.createdAt),
      `${CHANNEL_LABELS[n.channel] ?? n.channel}${n.template ? ` · mẫu ${n.template.key}` : ''}${n.kind === 'otp' ? ' · mã xác minh' : ''}`,
      n.recipient,
      `${DELIVERY_LABELS[n.delivery] ?? n.delivery}${n.deliveredAt ? ` ${formatDateTime(n.deliveredAt)}` : n.sentAt ? ` ${formatDateTime(n.sentAt)}` : ''}`,
      n.reason ?? '',
    ]),
    { empty: 'Chưa có thông báo nào.', caption: 'Thông báo của hồ sơ' },
  );
}

/** What the confirm says will reach the citizen. */
function confirmText(current, status, note, newDate, subscribers) {
  const who = subscribers ? `${subscribers} công dân đã đăng ký nhận thông báo` : 'công dân đăng ký nhận thông báo (hiện chưa có ai)';
  const parts = [];
  if (status !== current) parts.push(`chuyển hồ sơ sang «${status} · ${STATUS_LABELS[status]}»`);
  if (newDate) parts.push(`đổi ngày hẹn trả sang ${formatDate(newDate)}`);
  const final = status === 3 ? ' Đây là trạng thái cuối: hồ sơ không đổi được nữa.' : '';
  return `Thao tác này sẽ ${parts.join(' và ')} và gửi thông báo qua Zalo tới ${who}${note ? `, kèm ghi chú: «${note}»` : ', không kèm ghi chú'}.${final}`;
}

function statusForm(getState, notifyStatuses, onChanged) {
  const select = h(
    'select',
    { name: 'status', id: 'new-status', required: true },
    h('option', { value: '', selected: true }, '— Chọn trạng thái mới —'),
    Object.entries(STATUS_LABELS).map(([code, label]) => h('option', { value: code }, `${code} · ${label}`)),
  );
  const note = h('input', { name: 'note', maxlength: 500, placeholder: 'Ví dụ: giấy tờ cần bổ sung' });
  const date = h('input', { name: 'newAppointmentDate', type: 'date' });
  const submit = h('button', { type: 'submit', class: 'btn' }, 'Cập nhật trạng thái');
  const confirmBox = h('div', { class: 'confirm box', role: 'group', 'aria-label': 'Xác nhận gửi thông báo', hidden: true });
  const form = h(
    'form',
    { class: 'grid-form', 'aria-label': 'Đổi trạng thái hồ sơ' },
    h('label', {}, 'Trạng thái mới', select),
    h('label', {}, 'Ghi chú (gửi kèm thông báo)', note),
    h('label', {}, 'Ngày hẹn trả mới (nếu đổi)', date),
    submit,
  );

  /** Mark the current status in the list (it changes under the officer's eyes). */
  const markCurrent = (current) => {
    for (const option of select.options) {
      if (!option.value) continue;
      const base = `${option.value} · ${STATUS_LABELS[option.value]}`;
      const text = Number(option.value) === current ? `${base} (hiện tại)` : base;
      if (option.textContent !== text) option.textContent = text;
    }
  };

  function closeConfirm() {
    confirmBox.hidden = true;
    confirmBox.replaceChildren();
    submit.disabled = false;
  }

  async function send(body) {
    const { dossier } = getState();
    submit.disabled = true;
    try {
      const r = await adminApi(`/api/admin/dossiers/${encodeURIComponent(dossier.code)}/events`, { method: 'POST', body });
      const sent = typeof r.notifications === 'number' ? ` ${r.notifications} thông báo đã xếp hàng gửi.` : '';
      toast(
        r.afterFinal
          ? 'Hồ sơ đã ở trạng thái cuối: sự kiện chỉ được lưu vào lịch sử, không đổi trạng thái, không gửi thông báo.'
          : r.applied === false
            ? 'Sự kiện cũ hơn trạng thái hiện tại: chỉ lưu vào lịch sử.'
            : `Đã cập nhật ${dossier.code} sang trạng thái ${body.status}.${sent}`,
      );
      form.reset();
      select.value = '';
      closeConfirm();
      await onChanged();
      select.focus();
    } catch (err) {
      toast(err.message, 'error');
      closeConfirm();
      select.focus();
    }
  }

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const { dossier, subscribers } = getState();
    const status = Number(select.value);
    if (!status) return select.focus();
    const body = { eventId: newEventId(), status, at: new Date().toISOString() };
    const noteText = note.value.trim();
    if (noteText) body.note = noteText;
    if (date.value) body.newAppointmentDate = date.value;
    // As the server decides (shouldNotify): a new notifying status, a second request for
    // documents or payment with a note, or a new appointment date.
    const again = (status === 5 || status === 6) && status === dossier.status && Boolean(noteText);
    const notifies = (notifyStatuses.includes(status) && (status !== dossier.status || again)) || Boolean(body.newAppointmentDate);
    if (!notifies) return send(body);
    submit.disabled = true;
    const yes = h('button', { type: 'button', class: status === 3 ? 'btn btn-danger' : 'btn' }, 'Xác nhận và gửi thông báo');
    const no = h('button', { type: 'button', class: 'btn-secondary' }, 'Quay lại sửa');
    yes.addEventListener('click', () => send(body));
    no.addEventListener('click', () => (closeConfirm(), select.focus()));
    confirmBox.replaceChildren(h('p', { id: 'confirm-text' }, confirmText(dossier.status, status, noteText, body.newAppointmentDate, subscribers)), h('div', { class: 'toolbar' }, yes, no));
    confirmBox.setAttribute('aria-describedby', 'confirm-text');
    confirmBox.hidden = false;
    yes.focus();
  });
  confirmBox.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      closeConfirm();
      select.focus();
    }
  });
  // Editing the form after asking for a confirm invalidates what the confirm said.
  form.addEventListener('input', () => !confirmBox.hidden && closeConfirm());
  return { node: h('div', {}, form, confirmBox), markCurrent };
}

/**
 * The detail panel. show(code) opens a dossier; refresh() re-reads it and updates
 * the facts, history and notifications in place (the status form keeps its draft).
 */
export function createDossierDetail(box, { config = {}, onChanged = () => {} } = {}) {
  let state = null;
  let parts = null;

  async function read(code) {
    const data = await adminApi(`/api/admin/dossiers/${encodeURIComponent(code)}`);
    const dossier = data.dossier ?? data;
    // The API gives a count; an array (older shape) is counted.
    const subscribers = Array.isArray(data.subscribers) ? data.subscribers.length : Number(data.subscribers ?? 0);
    return { dossier, subscribers, outbox: data.outbox ?? [], notifications: data.notifications ?? [] };
  }

  function draw() {
    const { dossier: d, subscribers, outbox, notifications: sent } = state;
    renderIfChanged(parts.facts, [d, subscribers], () => facts(d, subscribers));
    renderIfChanged(parts.history, [d.history, d.created, d.historyDropped], () => history(d));
    renderIfChanged(parts.outbox, [sent, outbox], () => notifications(sent, outbox));
    parts.form.markCurrent(d.status);
  }

  async function changed() {
    await refresh();
    onChanged();
  }

  async function show(code) {
    try {
      state = await read(code);
    } catch (err) {
      parts = null;
      box.replaceChildren(h('p', { class: 'error' }, err.message));
      return;
    }
    const title = h('h3', { tabindex: '-1', id: 'dossier-title' }, `Hồ sơ ${state.dossier.code}`);
    parts = {
      code: state.dossier.code,
      facts: h('div'),
      history: h('div'),
      outbox: h('div', { 'aria-live': 'polite' }),
      zns: h('div'),
      form: statusForm(() => state, config.notifyStatuses ?? [3, 5, 6, 8, 9, 10], changed),
    };
    box.replaceChildren(
      title,
      parts.facts,
      h('h4', {}, 'Đổi trạng thái'),
      parts.form.node,
      h('h4', {}, 'Lịch sử'),
      parts.history,
      h('h4', {}, 'Thông báo của hồ sơ'),
      parts.outbox,
      parts.zns,
    );
    draw();
    // The ZNS panel (quota left today, a test send per template) does not change with the dossier.
    const znsBox = parts.zns;
    void znsPanel().then((panel) => znsBox.replaceChildren(panel ?? ''));
    title.focus();
  }

  async function refresh() {
    if (!parts) return;
    try {
      state = await read(parts.code);
      draw();
    } catch {
      // The next refresh tries again; the officer's form stays as it is.
    }
  }

  return { show, refresh };
}
