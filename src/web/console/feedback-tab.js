// "Phản ánh" and "Câu hỏi chưa trả lời" tabs: read-only lists for officers.
import { adminApi } from './api.js';
import { formatDateTime, h, table } from './dom.js';

const UNANSWERED_REASONS = { not_in_catalog: 'Không có trong danh mục', not_understood: 'Bot không hiểu' };

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

export function mountUnansweredTab(panel) {
  return listTab(panel, {
    title: 'Câu hỏi bot chưa trả lời được',
    intro: 'Xếp theo số lần được hỏi: gợi ý thêm bí danh hoặc thủ tục vào danh mục.',
    load: async () => {
      const { items = [] } = await adminApi('/api/admin/unanswered');
      const ranked = [...items].sort((a, b) => b.count - a.count);
      return table(
        ['#', 'Câu hỏi (ví dụ)', 'Số lần', 'Lý do', 'Lần cuối'],
        ranked.map((q, i) => [String(i + 1), q.sample, String(q.count), UNANSWERED_REASONS[q.reason] ?? q.reason, formatDateTime(q.lastSeen)]),
        { empty: 'Chưa có câu hỏi nào bị bỏ lỡ.', caption: 'Câu hỏi chưa trả lời' },
      );
    },
  });
}
