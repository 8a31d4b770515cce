// "Thống kê" tab: how the bot is doing, from GET /api/admin/stats
// (src/web/server/compute-admin-stats.ts builds the numbers).
import { adminApi } from './api.js';
import { h } from './dom.js';
import { horizontalBars, stackedColumns } from './bar-chart.js';

export function mountStatsTab(panel) {
  const days = h('select', { 'aria-label': 'Khoảng thời gian' }, [7, 14, 30].map((n) => h('option', { value: n, selected: n === 14 }, `${n} ngày gần đây`)));
  const body = h('div', { class: 'charts' });

  async function load() {
    try {
      const s = await adminApi(`/api/admin/stats?days=${days.value}`);
      const pct = s.turns.total ? Math.round((100 * s.turns.answered) / s.turns.total) : 0;
      body.replaceChildren(
        h(
          'ul',
          { class: 'counters' },
          h('li', { class: 'counter' }, h('strong', {}, String(s.turns.total)), ' lượt hỏi'),
          h('li', { class: 'counter' }, h('strong', {}, `${pct}%`), ' trả lời được'),
          h('li', { class: 'counter' }, h('strong', {}, String(s.notifications.sent)), ' thông báo đã gửi'),
          h('li', { class: 'counter' }, h('strong', {}, s.satisfaction.count ? s.satisfaction.average.toFixed(1) : '—'), ` điểm hài lòng (${s.satisfaction.count} đánh giá)`),
        ),
        stackedColumns(
          'Tin nhắn mỗi ngày',
          s.messagesPerDay.map((d) => ({ label: d.date.slice(8, 10) + '/' + d.date.slice(5, 7), parts: [d.answered, d.total - d.answered] })),
          [{ name: 'Trả lời được', cls: 'ok' }, { name: 'Không hiểu', cls: 'bad' }],
        ),
        // Labels come from the server (intents/labels/turn-outcomes.txt); never a raw key.
        horizontalBars('Công dân hỏi về', s.intents.slice(0, 12).map((x) => ({ label: x.label ?? 'Khác', value: x.count }))),
        horizontalBars('Trả lời được và không hiểu', [
          { label: 'Trả lời được', value: s.turns.answered, cls: 'ok' },
          { label: 'Không hiểu', value: s.turns.total - s.turns.answered, cls: 'bad' },
        ]),
        horizontalBars('Thông báo hồ sơ', [
          { label: 'Đã gửi', value: s.notifications.sent, cls: 'ok' },
          { label: 'Thất bại', value: s.notifications.failed, cls: 'bad' },
          { label: 'Chờ công dân', value: s.notifications.waiting, cls: 'warn' },
          { label: 'Đang chờ gửi', value: s.notifications.pending, cls: 'warn' },
        ]),
        horizontalBars(`Mức độ hài lòng (${s.satisfaction.count} đánh giá sau khi trả kết quả)`, [5, 4, 3, 2, 1].map((n) => ({ label: `${n} sao`, value: s.satisfaction.byScore[n] ?? 0, cls: n >= 4 ? 'ok' : n === 3 ? 'warn' : 'bad' }))),
      );
    } catch (err) {
      body.replaceChildren(h('p', { class: 'error' }, err.message));
    }
  }

  days.addEventListener('change', load);
  panel.replaceChildren(h('h2', {}, 'Thống kê'), h('div', { class: 'toolbar' }, days, h('button', { type: 'button', class: 'btn-secondary', onclick: load }, 'Tải lại')), body);
  return { refresh: load };
}
