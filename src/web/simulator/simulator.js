// The simulator page: pick a test citizen, chat, tap buttons, share info,
// follow/unfollow. Every action goes to /simulator/api, which has the OA
// emulator sign it and post it to the bot's webhook; replies arrive live.
import { UnauthorizedError, api, authHeaders, setToken } from './api-client.js';
import { openEventStream } from './event-stream.js';
import { renderChatItem } from './render-message.js';
import { fillIcons } from './icons.js';
import { addCitizen, currentCitizen, listCitizens, selectCitizen } from './test-citizens.js';

const $ = (id) => document.getElementById(id);
const ui = {
  chat: $('chat'), messages: $('messages'), empty: $('empty-state'), typing: $('typing'), notice: $('notice'),
  input: $('message-input'), composer: $('composer'), select: $('citizen-select'), panel: $('citizen-panel'),
  toggle: $('panel-toggle'), streamState: $('stream-state'), citizenId: $('citizen-id'), citizenPhone: $('citizen-phone'),
};

let citizen = null;
let stream = null;
let typingTimer = null;
const items = new Map();

function notice(text) {
  ui.notice.textContent = text || '';
}

function showTyping(on) {
  clearTimeout(typingTimer);
  ui.typing.hidden = !on;
  // The bot may stay silent (e.g. a sticker during handoff); never spin forever.
  if (on) typingTimer = setTimeout(() => (ui.typing.hidden = true), 8000);
}

function scrollToEnd() {
  ui.chat.scrollTop = ui.chat.scrollHeight;
}

const actions = {
  onTap: ({ payload, title, hidden }) => send({ type: 'tap', payload, title, hidden }),
  onShare: () => send({ type: 'submit_info', name: citizen.name, phone: citizen.phone }),
};

/** Insert or replace one item, keeping time order (history and stream may overlap). */
function upsert(item) {
  const node = renderChatItem(item, actions);
  const old = items.get(item.id);
  items.set(item.id, item);
  if (old) {
    ui.messages.querySelector(`[data-id="${CSS.escape(item.id)}"]`)?.replaceWith(node);
    return;
  }
  const later = [...ui.messages.children].find((li) => li.dataset.at > item.at);
  ui.messages.insertBefore(node, later || null);
  ui.empty.hidden = true;
  if (item.from === 'oa') showTyping(false);
  scrollToEnd();
}

async function send(action) {
  notice('');
  if (action.type !== 'follow' && action.type !== 'unfollow') showTyping(true);
  try {
    const { item } = await api(`/users/${encodeURIComponent(citizen.userId)}/actions`, { method: 'POST', body: action });
    upsert(item);
    if (item.status !== 200) notice(`Webhook của bot trả lời HTTP ${item.status}.`);
    return item.status === 200;
  } catch (err) {
    showTyping(false);
    if (err instanceof UnauthorizedError) return askToken();
    notice(`Không gửi được: ${err.message}`);
    return false;
  }
}

async function loadHistory() {
  const { items: list } = await api(`/users/${encodeURIComponent(citizen.userId)}/messages`);
  for (const item of list) upsert(item);
}

function connect() {
  if (stream) stream.close();
  document.body.dataset.stream = 'connecting';
  stream = openEventStream(`/simulator/api/users/${encodeURIComponent(citizen.userId)}/stream`, {
    headers: authHeaders(),
    onEvent: (event, data) => event === 'item' && upsert(data),
    onState: (state) => {
      ui.streamState.classList.toggle('open', state === 'open');
      ui.streamState.title = state === 'open' ? 'Đang nhận tin trực tiếp' : 'Mất kết nối, đang thử lại…';
      if (state === 'open') {
        loadHistory()
          .then(() => (document.body.dataset.stream = 'open'))
          .catch((err) => (err instanceof UnauthorizedError ? askToken() : notice(err.message)));
      } else document.body.dataset.stream = 'closed';
    },
  });
}

function renderCitizens() {
  ui.select.replaceChildren(
    ...listCitizens().map((c) => {
      const option = new Option(`${c.name} · ${c.phone}`, c.userId);
      option.selected = c.userId === citizen.userId;
      return option;
    }),
  );
  ui.citizenId.textContent = citizen.userId;
  ui.citizenPhone.textContent = citizen.phone;
  $('guide-phone').textContent = citizen.phone;
}

function switchCitizen(next) {
  citizen = next;
  selectCitizen(next.userId);
  items.clear();
  ui.messages.replaceChildren();
  ui.empty.hidden = false;
  renderCitizens();
  connect();
}

function askToken() {
  const dialog = $('token-dialog');
  if (!dialog.open) dialog.showModal();
  return false;
}

function wire() {
  ui.composer.addEventListener('submit', (e) => {
    e.preventDefault();
    const text = ui.input.value.trim();
    if (!text) return;
    ui.input.value = '';
    send({ type: 'say', text });
    ui.input.focus();
  });
  for (const chip of document.querySelectorAll('[data-say]')) {
    chip.addEventListener('click', () => send({ type: 'say', text: chip.dataset.say }));
  }
  $('sticker-btn').addEventListener('click', () => send({ type: 'media', media: 'sticker' }));
  $('image-btn').addEventListener('click', () => send({ type: 'media', media: 'image' }));
  $('follow-btn').addEventListener('click', () => send({ type: 'follow' }));
  $('empty-follow').addEventListener('click', () => send({ type: 'follow' }));
  $('unfollow-btn').addEventListener('click', () => send({ type: 'unfollow' }));
  ui.toggle.addEventListener('click', () => {
    ui.panel.hidden = !ui.panel.hidden;
    ui.toggle.setAttribute('aria-expanded', String(!ui.panel.hidden));
  });
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && !ui.panel.hidden) {
      ui.panel.hidden = true;
      ui.toggle.setAttribute('aria-expanded', 'false');
      ui.toggle.focus();
    }
  });
  ui.select.addEventListener('change', () => {
    const next = listCitizens().find((c) => c.userId === ui.select.value);
    if (next) switchCitizen(next);
  });
  $('citizen-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const form = new FormData(e.target);
    const next = addCitizen({
      userId: String(form.get('userId') || '').trim(),
      name: String(form.get('name')).trim(),
      phone: String(form.get('phone')).trim(),
    });
    e.target.reset();
    switchCitizen(next);
    ui.input.focus();
  });
  $('token-form').addEventListener('submit', () => {
    setToken(String(new FormData($('token-form')).get('token') || '').trim());
    start();
  });
}

async function start() {
  try {
    const info = await api('/info');
    $('oa-name').textContent = info.oaName;
    if (info.localDefaultToken) $('guide-token').textContent = ` (mã quản trị: ${info.localDefaultToken})`;
    document.title = `${info.oaName} · Mô phỏng Zalo`;
    connect();
    // With a mouse and keyboard, start in the message box; on touch screens that would pop the keyboard.
    if (matchMedia('(pointer: fine)').matches) ui.input.focus();
  } catch (err) {
    if (err instanceof UnauthorizedError) askToken();
    else notice(`Không tải được trình mô phỏng: ${err.message}`);
  }
}

fillIcons();
citizen = currentCitizen();
renderCitizens();
wire();
start();
