// "Hỗ trợ trực tiếp" tab: conversations an officer has taken over. The officer
// reads the last messages, replies as the OA, and gives the chat back to the bot.
import { adminApi } from './api.js';
import { formatDateTime, h, toast } from './dom.js';

const REASONS = { requested: 'Công dân yêu cầu gặp cán bộ', repeated_failures: 'Bot không hiểu nhiều lần' };

function thread(handoff) {
  const items = (handoff.lastMessages ?? []).map((m) =>
    h('li', { class: `line from-${m.from}` }, h('span', { class: 'who' }, m.from === 'officer' ? 'Cán bộ' : 'Công dân'), ' ', h('span', { class: 'when' }, formatDateTime(m.at)), h('p', {}, m.text)),
  );
  return h('ol', { class: 'thread', 'aria-label': 'Tin nhắn gần đây' }, items.length ? items : h('li', { class: 'empty' }, 'Chưa có tin nhắn.'));
}

export function mountHandoffsTab(panel, config = {}) {
  const list = h('div', { class: 'handoffs' });
  const cards = new Map();

  function card(handoff) {
    const userId = handoff.userId;
    const textarea = h('textarea', { name: 'text', rows: 2, required: true, maxlength: 2000, placeholder: 'Trả lời công dân (gửi dưới tên OA)', 'aria-label': `Trả lời ${userId}` });
    const form = h('form', { class: 'reply-form' }, textarea, h('button', { type: 'submit', class: 'btn' }, 'Gửi trả lời'));
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      const text = textarea.value.trim();
      if (!text) return;
      try {
        await adminApi(`/api/admin/handoffs/${encodeURIComponent(userId)}/reply`, { method: 'POST', body: { text } });
        textarea.value = '';
        toast('Đã gửi trả lời.');
        load();
      } catch (err) {
        toast(err.message, 'error');
      }
    });
    textarea.addEventListener('keydown', (e) => {
      // Ctrl/Cmd+Enter sends; plain Enter keeps a newline for longer answers.
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) form.requestSubmit();
    });
    const release = h('button', { type: 'button', class: 'btn-secondary release-btn' }, 'Trả lại cho bot');
    release.addEventListener('click', async () => {
      try {
        await adminApi(`/api/admin/handoffs/${encodeURIComponent(userId)}/release`, { method: 'POST' });
        toast('Bot đã tiếp tục trả lời công dân này.');
        load();
      } catch (err) {
        toast(err.message, 'error');
      }
    });
    const threadBox = h('div', {}, thread(handoff));
    const head = h('div', { class: 'handoff-head' });
    // With the emulator attached (local mode), the officer can watch the citizen's side too.
    const watch = config.simulator
      ? h('a', { href: `/simulator?user=${encodeURIComponent(userId)}`, target: '_blank', rel: 'noopener', class: 'watch-link' }, 'Xem phía công dân (trình mô phỏng) ↗')
      : null;
    const actions = h('div', { class: 'handoff-actions' }, release, watch);
    const node = h('article', { class: 'handoff box', dataset: { userId } }, head, threadBox, form, actions);
    const update = (next) => {
      head.replaceChildren(
        h('h3', {}, `Công dân ${userId}`),
        h('p', { class: 'muted' }, `${REASONS[next.reason] ?? next.reason} · mở lúc ${formatDateTime(next.openedAt)} · tự trả lại lúc ${formatDateTime(next.expiresAt)}`),
      );
      threadBox.replaceChildren(thread(next));
    };
    update(handoff);
    return { node, update };
  }

  async function load() {
    try {
      const { items = [] } = await adminApi('/api/admin/handoffs?status=open');
      const seen = new Set();
      for (const handoff of items) {
        seen.add(handoff.userId);
        let c = cards.get(handoff.userId);
        // Keep existing cards (and whatever the officer is typing); refresh their content.
        if (c) c.update(handoff);
        else cards.set(handoff.userId, (c = card(handoff)));
      }
      for (const [userId, c] of cards) if (!seen.has(userId)) (c.node.remove(), cards.delete(userId));
      list.replaceChildren(...(items.length ? items.map((x) => cards.get(x.userId).node) : [h('p', { class: 'empty' }, 'Không có cuộc trò chuyện nào đang chờ cán bộ.')]));
    } catch (err) {
      list.replaceChildren(h('p', { class: 'error' }, err.message));
    }
  }

  panel.replaceChildren(
    h('h2', {}, 'Hỗ trợ trực tiếp'),
    h('p', { class: 'muted' }, 'Khi công dân xin gặp cán bộ (hoặc bot không hiểu nhiều lần), bot ngừng tự trả lời. Trả lời ở đây; bấm "Trả lại cho bot" khi xong. Tự làm mới mỗi 5 giây.'),
    h('div', { class: 'toolbar' }, h('button', { type: 'button', class: 'btn-secondary', onclick: load }, 'Tải lại')),
    list,
  );
  return { refresh: load, autoRefreshMs: 5000 };
}

