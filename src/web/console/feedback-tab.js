// "Phản ánh" tab: a read-only list for officers ("Câu hỏi chưa trả lời" is unanswered-tab.js).
import { adminApi } from './api.js';
import { formatDateTime, h, table } from './dom.js';

function listTab(panel, { title, intro, load }) {
  const results = h('div', { 'aria-live': 'polite' });
  const refresh = async () => {
    try {
      results.replaceChildren(await load());
    } catch (err) {
      results.replaceChildren(h('p', { class: 'error' }, err.message));
    }
  };
  panel.replaceChildren(
    h('h2', {}, title),
    h('p', { class: 'muted' }, intro),
    h('div', { class: 'toolbar' }, h('button', { type: 'button', class: 'btn-secondary', onclick: refresh }, 'Tải lại')),
    results,
  );
  return { refresh };
}

export function mountFeedbackTab(panel) {
  return listTab(panel, {
    title: 'Phản ánh, kiến nghị',
    intro: 'Phản ánh công dân gửi qua Zalo, mới nhất trước.',
    load: async () => {
      const { items = [] } = await adminApi('/api/admin/feedback');
      return table(
        ['Số phiếu', 'Thời điểm', 'Công dân', 'Nội dung', 'Tình trạng'],
        items.map((t) => [t.number, formatDateTime(t.createdAt), t.userId, t.content, t.status === 'closed' ? 'Đã đóng' : 'Đang mở']),
        { empty: 'Chưa có phản ánh nào.', caption: 'Phản ánh' },
      );
    },
  });
}
