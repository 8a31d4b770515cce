// "Hỗ trợ trực tiếp" tab: conversations an officer has taken over. Each card shows
// who the citizen is, how long they have waited, what they said to the bot before
// asking for an officer, and this handoff's own thread; the officer replies as the
// OA and gives the chat back to the bot. The tab refreshes every 5 s in place:
// cards are keyed by handoff, so a reply being typed keeps its focus and its text.
import { adminApi } from './api.js';
import { formatDateTime, h, toast } from './dom.js';
import { draftStore, elapsedSince, patchKeyed, renderIfChanged } from './live-dom.js';

const REASONS = { requested: 'Công dân yêu cầu gặp cán bộ', repeated_failures: 'Bot không hiểu nhiều lần' };
const drafts = draftStore('handoff');

/** One handoff = one thread: a later handoff of the same citizen is a new card. */
const keyOf = (handoff) => `${handoff.userId}|${handoff.openedAt}`;

/** The name to greet the citizen by: what they shared, else their Zalo name, else the id. */
export function citizenName(handoff) {
  const { sharedName, displayName } = handoff.citizen ?? {};
  if (sharedName && displayName && sharedName !== displayName) return `${sharedName} (Zalo: ${displayName})`;
  return sharedName || displayName || `Công dân ${handoff.userId}`;
}

function thread(handoff) {
  const items = (handoff.lastMessages ?? []).map((m) =>
    h('li', { class: `line from-${m.from}` }, h('span', { class: 'who' }, m.from === 'officer' ? 'Cán bộ' : 'Công dân'), ' ', h('span', { class: 'when' }, formatDateTime(m.at)), h('p', {}, m.text)),
  );
  return h('ol', { class: 'thread', 'aria-label': 'Tin nhắn với cán bộ' }, items.length ? items : h('li', { class: 'empty' }, 'Chưa có tin nhắn.'));
}

function before(handoff) {
  const turns = handoff.before ?? [];
  if (!turns.length) return h('p', { class: 'muted' }, 'Không có trò chuyện với bot trước khi gặp cán bộ.');
  const lines = turns.flatMap((t) => [
    h('li', { class: 'line from-user' }, h('span', { class: 'who' }, 'Công dân'), ' ', h('span', { class: 'when' }, formatDateTime(t.at)), h('p', {}, t.user)),
    t.bot ? h('li', { class: 'line from-bot' }, h('span', { class: 'who' }, 'Bot'), h('p', {}, t.bot)) : null,
  ]);
  return h(
    'details',
    { class: 'before', open: true },
    h('summary', {}, `Trò chuyện với bot trước khi gặp cán bộ (${turns.length} lượt gần nhất)`),
    h('ol', { class: 'thread before-thread', 'aria-label': 'Trò chuyện với bot trước đó' }, lines),
  );
}

function waiting(handoff) {
  return handoff.waitingSince ? `Đang chờ trả lời ${elapsedSince(handoff.waitingSince)}` : 'Cán bộ đã trả lời tin mới nhất';
}

export function mountHandoffsTab(panel, config = {}) {
  const list = h('div', { class: 'handoffs' });
  const problem = h('p', { class: 'error', role: 'alert' });
  const empty = h('p', { class: 'empty' }, 'Không có cuộc trò chuyện nào đang chờ cán bộ.');
  const reload = h('button', { type: 'button', class: 'btn-secondary', onclick: () => load() }, 'Tải lại');
  const cards = new Map();

  function card(handoff) {
    const { userId } = handoff;
    const key = keyOf(handoff);
    const textarea = h('textarea', { name: 'text', rows: 3, required: true, maxlength: 2000, placeholder: 'Trả lời công dân (gửi dưới tên OA) · Ctrl+Enter để gửi' });
    textarea.value = drafts.get(key);
    textarea.addEventListener('input', () => drafts.set(key, textarea.value));
    const send = h('button', { type: 'submit', class: 'btn' }, 'Gửi trả lời');
    const form = h('form', { class: 'reply-form' }, textarea, send);
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      const text = textarea.value.trim();
      if (!text) return textarea.focus();
      send.disabled = true;
      try {
        await adminApi(`/api/admin/handoffs/${encodeURIComponent(userId)}/reply`, { method: 'POST', body: { text } });
        textarea.value = '';
        drafts.set(key, '');
        toast('Đã gửi trả lời.');
        await load();
      } catch (err) {
        toast(err.message, 'error');
      } finally {
        send.disabled = false;
        // Ready for the next message to the same citizen.
        textarea.focus();
      }
    });
    textarea.addEventListener('keydown', (e) => {
      // Ctrl/Cmd+Enter sends; plain Enter keeps a newline for longer answers.
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
        e.preventDefault();
        form.requestSubmit();
      }
    });
    const release = h('button', { type: 'button', class: 'btn-secondary release-btn' }, 'Trả lại cho bot');
    release.addEventListener('click', async () => {
      const next = nextCardAfter(key);
      try {
        await adminApi(`/api/admin/handoffs/${encodeURIComponent(userId)}/release`, { method: 'POST' });
        drafts.set(key, '');
        toast('Bot đã tiếp tục trả lời công dân này.');
        await load();
        // The card is gone: go on with the next citizen waiting, or back to the list's button.
        (next && cards.get(next)?.textarea.isConnected ? cards.get(next).textarea : reload).focus();
      } catch (err) {
        toast(err.message, 'error');
      }
    });
    const title = h('h3', {});
    const meta = h('p', { class: 'muted' });
    const wait = h('p', { class: 'waiting' });
    const beforeBox = h('div', { class: 'before-box' });
    const threadBox = h('div', { class: 'thread-box' });
    // With the emulator attached (local mode), the officer can watch the citizen's side too.
    const watch = config.simulator
      ? h('a', { href: `/simulator?user=${encodeURIComponent(userId)}`, target: '_blank', rel: 'noopener', class: 'watch-link' }, 'Xem phía công dân (trình mô phỏng) ↗')
      : null;
    const actions = h('div', { class: 'handoff-actions' }, release, watch);
    const node = h('article', { class: 'handoff box', dataset: { userId, key } }, title, meta, wait, beforeBox, threadBox, form, actions);
    const entry = { node, textarea };
    entry.update = (next) => {
      const name = citizenName(next);
      if (title.textContent !== name) title.textContent = name;
      textarea.setAttribute('aria-label', `Trả lời ${name}`);
      const metaText = `${REASONS[next.reason] ?? next.reason} · mở lúc ${formatDateTime(next.openedAt)} · tự trả lại lúc ${formatDateTime(next.expiresAt)} · mã Zalo ${userId}`;
      if (meta.textContent !== metaText) meta.textContent = metaText;
      const waitText = waiting(next);
      if (wait.textContent !== waitText) wait.textContent = waitText;
      wait.classList.toggle('is-waiting', Boolean(next.waitingSince));
      renderIfChanged(beforeBox, next.before ?? [], () => before(next));
      if (renderIfChanged(threadBox, next.lastMessages ?? [], () => thread(next))) {
        const ol = threadBox.querySelector('.thread');
        if (ol) ol.scrollTop = ol.scrollHeight;
      }
    };
    entry.update(handoff);
    return entry;
  }

  function nextCardAfter(key) {
    const keys = [...cards.keys()];
    const i = keys.indexOf(key);
    return keys[i + 1] ?? keys[i - 1];
  }

  let items = [];
  async function load() {
    try {
      ({ items = [] } = await adminApi('/api/admin/handoffs?status=open'));
      patchKeyed(list, cards, items, { key: keyOf, create: card, update: (entry, x) => entry.update(x), empty });
      problem.textContent = '';
    } catch (err) {
      // Not a toast: this repeats every 5 s while the server is away.
      problem.textContent = err.message;
    }
  }

  panel.replaceChildren(
    h('h2', {}, 'Hỗ trợ trực tiếp'),
    h('p', { class: 'muted' }, 'Khi công dân xin gặp cán bộ (hoặc bot không hiểu nhiều lần), bot ngừng tự trả lời. Trả lời ở đây (Ctrl+Enter để gửi); bấm "Trả lại cho bot" khi xong. Tự làm mới mỗi 5 giây, không làm mất chữ đang gõ.'),
    h('div', { class: 'toolbar' }, reload),
    problem,
    list,
  );
  return { refresh: load, autoRefreshMs: 5000 };
}
