// Tiny DOM and formatting helpers for the console. Text always goes in as
// textContent, so nothing from the API is ever parsed as HTML.
const TZ = 'Asia/Ho_Chi_Minh';
const dateTimeFmt = new Intl.DateTimeFormat('vi-VN', { timeZone: TZ, day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' });
const dateFmt = new Intl.DateTimeFormat('vi-VN', { timeZone: TZ, day: '2-digit', month: '2-digit', year: 'numeric' });

/** h('button', {class: 'x', onclick: fn}, 'text', child) */
export function h(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') node.addEventListener(key.slice(2), value);
    else if (key === 'class') node.className = value;
    else if (key === 'dataset') Object.assign(node.dataset, value);
    else if (value === true) node.setAttribute(key, '');
    else node.setAttribute(key, String(value));
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** dd/mm/yyyy hh:mm in Vietnam time. */
export function formatDateTime(iso) {
  if (!iso) return '';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? String(iso) : dateTimeFmt.format(d);
}

/** dd/mm/yyyy from an ISO date or date-time. */
export function formatDate(iso) {
  if (!iso) return '';
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) {
    const [y, m, d] = iso.split('-');
    return `${d}/${m}/${y}`;
  }
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? String(iso) : dateFmt.format(d);
}

/** Today (Vietnam) plus `days`, as yyyy-mm-dd. */
export function isoDatePlus(days) {
  const d = new Date(Date.now() + 7 * 3600_000 + days * 86_400_000);
  return d.toISOString().slice(0, 10);
}

/** 0912***678: enough for an officer to recognise a number in a list. */
export function maskPhone(phone) {
  const s = String(phone || '');
  return s.length < 7 ? s : `${s.slice(0, 4)}***${s.slice(-3)}`;
}

/** National dossier status codes 1–10 (procedures-and-dossiers.md §4.1). */
export const STATUS_LABELS = {
  1: 'Mới đăng ký',
  2: 'Được tiếp nhận',
  3: 'Không được tiếp nhận',
  4: 'Đang xử lý',
  5: 'Yêu cầu bổ sung giấy tờ',
  6: 'Yêu cầu thực hiện nghĩa vụ tài chính',
  7: 'Công dân yêu cầu rút hồ sơ',
  8: 'Dừng xử lý',
  9: 'Đã xử lý xong (chờ trả)',
  10: 'Đã trả kết quả',
};

export const OUTBOX_LABELS = {
  pending: 'Chờ gửi',
  sending: 'Đang gửi',
  sent: 'Đã gửi',
  waiting: 'Chờ công dân nhắn lại',
  failed: 'Thất bại',
};

export function statusBadge(status) {
  return h('span', { class: `badge status-${status}` }, `${status} · ${STATUS_LABELS[status] || '?'}`);
}

/** A table with a header row; `rows` are arrays of cells (Node or text). */
export function table(headers, rows, { empty = 'Chưa có dữ liệu.', caption } = {}) {
  if (rows.length === 0) return h('p', { class: 'empty' }, empty);
  return h(
    'div',
    { class: 'table-wrap' },
    h(
      'table',
      {},
      caption ? h('caption', { class: 'sr-only' }, caption) : null,
      h('thead', {}, h('tr', {}, headers.map((x) => h('th', { scope: 'col' }, x)))),
      h('tbody', {}, rows.map((cells) => h('tr', {}, cells.map((c) => h('td', {}, c))))),
    ),
  );
}

/** Show a message in the shared live region (errors in red). */
export function toast(text, kind = 'info') {
  const box = document.getElementById('toast');
  box.className = `toast ${kind}`;
  box.textContent = text;
  clearTimeout(toast.timer);
  toast.timer = setTimeout(() => (box.textContent = ''), 6000);
}
