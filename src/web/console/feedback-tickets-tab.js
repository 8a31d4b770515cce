// "Phản ánh" tab: feedback tickets citizens sent through Zalo. The officer answers
// one (the answer goes to the citizen as the OA; the ticket becomes "Đã trả lời") and
// moves it through in progress / answered / closed. Refreshes in place every 10 s.
import { adminApi } from './api.js';
import { formatDateTime, h, toast } from './dom.js';
import { draftStore, patchKeyed, renderIfChanged } from './live-dom.js';

/** Officers' words for FeedbackStatus (src/store/records.ts); the citizen's are in src/dialog/feedback-status.ts. */
export const FEEDBACK_STATUS_LABELS = {
  open: 'Mới tiếp nhận',
  in_progress: 'Đang xử lý',
  answered: 'Đã trả lời',
  closed: 'Đã đóng',
};
const DELIVERY_LABELS = { pending: 'chờ gửi', sending: 'đang gửi', sent: 'đã gửi tới công dân', waiting: 'chờ công dân nhắn lại', failed: 'gửi thất bại' };
const drafts = draftStore('feedback');

function replies(ticket) {
  const items = (ticket.replies ?? []).map((r) =>
    h('li', { class: 'line from-officer' }, h('span', { class: 'who' }, 'Cán bộ'), ' ', h('span', { class: 'when' }, `${formatDateTime(r.at)} · ${DELIVERY_LABELS[r.delivery] ?? 'đã xếp hàng gửi'}`), h('p', {}, r.text)),
  );
  return items.length ? h('ol', { class: 'thread', 'aria-label': 'Trả lời đã gửi' }, items) : [];
}

function ticketCard(ticket, refresh) {
  const { number } = ticket;
  const badge = h('span', { class: 'badge' });
  const meta = h('p', { class: 'muted' });
  const repliesBox = h('div');
  const status = h(
    'select',
    { 'aria-label': `Tình trạng phiếu ${number}` },
    Object.entries(FEEDBACK_STATUS_LABELS).map(([value, label]) => h('option', { value }, label)),
  );
  status.value = ticket.status;
  status.addEventListener('change', async () => {
    try {
      await adminApi(`/api/admin/feedback/${encodeURIComponent(number)}/status`, { method: 'POST', body: { status: status.value } });
      toast(`Phiếu ${number}: ${FEEDBACK_STATUS_LABELS[status.value]}.`);
      await refresh();
    } catch (err) {
      toast(err.message, 'error');
    }
  });
  const textarea = h('textarea', { name: 'text', rows: 3, required: true, maxlength: 2000, 'aria-label': `Trả lời phiếu ${number}`, placeholder: 'Trả lời công dân (gửi qua Zalo dưới tên OA) · Ctrl+Enter để gửi' });
  textarea.value = drafts.get(number);
  textarea.addEventListener('input', () => drafts.set(number, textarea.value));
  const send = h('button', { type: 'submit', class: 'btn' }, 'Gửi trả lời');
  const form = h('form', { class: 'reply-form' }, textarea, send);
  textarea.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      form.requestSubmit();
    }
  });
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const text = textarea.value.trim();
    if (!text) return textarea.focus();
    send.disabled = true;
    try {
      await adminApi(`/api/admin/feedback/${encodeURIComponent(number)}/reply`, { method: 'POST', body: { text } });
      textarea.value = '';
      drafts.set(number, '');
      toast(`Đã gửi trả lời phiếu ${number}.`);
      await refresh();
    } catch (err) {
      toast(err.message, 'error');
    } finally {
      send.disabled = false;
      textarea.focus();
    }
  });
  const node = h(
    'article',
    { class: 'ticket box', dataset: { number } },
    h('h3', {}, `Phiếu ${number} `, badge),
    meta,
    h('p', { class: 'ticket-content' }, ticket.content),
    repliesBox,
    form,
    h('label', { class: 'inline-label' }, 'Tình trạng ', status),
  );
  const update = (next) => {
    badge.textContent = FEEDBACK_STATUS_LABELS[next.status] ?? next.status;
    badge.className = `badge feedback-${next.status}`;
    meta.textContent = `Gửi lúc ${formatDateTime(next.createdAt)} · công dân ${next.userId}${next.updatedAt ? ` · cập nhật ${formatDateTime(next.updatedAt)}` : ''}`;
    // Never overwrite a choice the officer is making.
    if (document.activeElement !== status) status.value = next.status;
    renderIfChanged(repliesBox, next.replies ?? [], () => replies(next));
  };
  update(ticket);
  return { node, update, textarea };
}

export function mountFeedbackTab(panel) {
  const list = h('div', { class: 'tickets' });
  const empty = h('p', { class: 'empty' }, 'Không có phản ánh nào.');
  const problem = h('p', { class: 'error', role: 'alert' });
  const cards = new Map();
  const filter = h(
    'select',
    { 'aria-label': 'Lọc theo tình trạng' },
    h('option', { value: '' }, 'Tất cả'),
    Object.entries(FEEDBACK_STATUS_LABELS).map(([value, label]) => h('option', { value }, label)),
  );

  async function load() {
    try {
      const { items = [] } = await adminApi(`/api/admin/feedback${filter.value ? `?status=${filter.value}` : ''}`);
      patchKeyed(list, cards, items, { key: (t) => t.number, create: (t) => ticketCard(t, load), update: (c, t) => c.update(t), empty });
      problem.textContent = '';
    } catch (err) {
      problem.textContent = err.message;
    }
  }

  filter.addEventListener('change', load);
  panel.replaceChildren(
    h('h2', {}, 'Phản ánh, kiến nghị'),
    h('p', { class: 'muted' }, 'Phản ánh công dân gửi qua Zalo, mới nhất trước. Trả lời ở đây: công dân nhận trả lời trong Zalo và có thể hỏi lại tình trạng bằng số phiếu. Tự làm mới mỗi 10 giây.'),
    h('div', { class: 'toolbar' }, h('label', {}, 'Tình trạng ', filter), h('button', { type: 'button', class: 'btn-secondary', onclick: load }, 'Tải lại')),
    problem,
    list,
  );
  return { refresh: load, autoRefreshMs: 10_000 };
}
