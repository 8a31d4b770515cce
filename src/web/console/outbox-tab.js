// "Thông báo" tab: the outbox (replies and notifications) by status, with the
// failure reason and a retry button for failed or waiting items.
import { adminApi } from './api.js';
import { OUTBOX_LABELS, formatDateTime, h, table, toast } from './dom.js';
import { renderIfChanged } from './live-dom.js';

const KIND_LABELS = { reply: 'Trả lời', notification: 'Thông báo hồ sơ' };

function summary(stats) {
  return h(
    'ul',
    { class: 'counters' },
    Object.entries(OUTBOX_LABELS).map(([status, label]) => h('li', { class: `counter outbox-${status}` }, h('strong', {}, String(stats[status] ?? 0)), ' ', label)),
    stats.oldestUnsentAt ? h('li', { class: 'counter' }, 'Cũ nhất chưa gửi: ', h('strong', {}, formatDateTime(stats.oldestUnsentAt))) : null,
  );
}

export function mountOutboxTab(panel) {
  const counters = h('div');
  const results = h('div');
  const reload = h('button', { type: 'button', class: 'btn-secondary', onclick: () => load() }, 'Tải lại');
  const filter = h(
    'select',
    { 'aria-label': 'Lọc theo tình trạng' },
    h('option', { value: '' }, 'Tất cả'),
    Object.entries(OUTBOX_LABELS).map(([value, label]) => h('option', { value }, label)),
  );

  async function retry(item) {
    try {
      await adminApi(`/api/admin/outbox/${encodeURIComponent(item.id)}/retry`, { method: 'POST' });
      toast('Đã đưa thông báo vào hàng đợi gửi lại.');
      await load();
      // The row's button is gone: on to the next item to retry, or the reload button.
      (results.querySelector('button') ?? reload).focus();
    } catch (err) {
      toast(err.message, 'error');
    }
  }

  async function load() {
    try {
      const [stats, { items = [] }] = await Promise.all([
        adminApi('/api/admin/stats/outbox'),
        adminApi(`/api/admin/outbox${filter.value ? `?status=${filter.value}` : ''}`),
      ]);
      renderIfChanged(counters, stats, () => summary(stats));
      const rows = items.map((o) => [
        formatDateTime(o.createdAt),
        KIND_LABELS[o.kind] ?? o.kind,
        o.userId,
        o.dossierCode ?? '',
        h('span', { class: `badge outbox-${o.status}` }, OUTBOX_LABELS[o.status] ?? o.status),
        String(o.attempts ?? 0),
        o.lastError ?? '',
        o.status === 'failed' || o.status === 'waiting'
          ? h('button', { type: 'button', class: 'btn-secondary', dataset: { focusKey: `retry:${o.id}` }, onclick: () => retry(o) }, 'Gửi lại')
          : o.via === 'transaction' ? 'Tin giao dịch' : '',
      ]);
      renderIfChanged(results, items, () =>
        table(['Tạo lúc', 'Loại', 'Người nhận', 'Hồ sơ', 'Tình trạng', 'Số lần thử', 'Lý do lỗi', ''], rows, { empty: 'Không có mục nào.', caption: 'Hàng đợi gửi tin' }),
      );
    } catch (err) {
      renderIfChanged(results, { error: err.message }, () => h('p', { class: 'error' }, err.message));
    }
  }

  filter.addEventListener('change', load);
  panel.replaceChildren(
    h('h2', {}, 'Thông báo và tin trả lời'),
    counters,
    h('div', { class: 'toolbar' }, h('label', {}, 'Tình trạng ', filter), reload),
    results,
  );
  return { refresh: load, autoRefreshMs: 10_000 };
}
