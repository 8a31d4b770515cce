// Turn one chat item into DOM, the way the Zalo app shows it. Item shapes come
// from src/web/server/simulator-transcript.ts; `message` is the OA wire object
// the bot sent ({text, attachment: {type:'template', payload}}). Text is always
// set with textContent: nothing the bot or a citizen typed becomes HTML.
const timeFmt = new Intl.DateTimeFormat('vi-VN', { hour: '2-digit', minute: '2-digit', timeZone: 'Asia/Ho_Chi_Minh' });
import { icon } from './icons.js';

const MEDIA_ICONS = { 'Nhãn dán': 'sticker', 'Hình ảnh': 'image', 'Tệp': 'file', 'Vị trí': 'pin' };

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = text;
  return node;
}

function meta(item, extra) {
  return el('span', 'meta', [timeFmt.format(new Date(item.at)), extra].filter(Boolean).join(' · '));
}

/** One OA button as the Zalo app shows it; query buttons call back, links open. */
function renderButton(button, actions) {
  const title = String(button.title || '');
  const payload = button.payload;
  if (button.type === 'oa.query.show' || button.type === 'oa.query.hide') {
    const b = el('button', 'qr-btn', title);
    b.type = 'button';
    b.addEventListener('click', () =>
      actions.onTap({ payload: String(payload), title, hidden: button.type === 'oa.query.hide' }),
    );
    return b;
  }
  let href = null;
  if (button.type === 'oa.open.url' && payload && /^https?:\/\//i.test(payload.url)) href = payload.url;
  if (button.type === 'oa.open.phone' && payload && payload.phone_code) href = `tel:${payload.phone_code}`;
  if (button.type === 'oa.open.sms' && payload && payload.phone_code) href = `sms:${payload.phone_code}`;
  if (!href) return el('span', 'qr-btn', title);
  const a = el('a', 'qr-btn', title);
  a.href = href;
  a.target = '_blank';
  a.rel = 'noopener noreferrer';
  a.append(icon(button.type === 'oa.open.url' ? 'link' : 'phone', 14));
  return a;
}

function renderButtons(buttons, actions) {
  const box = el('div', 'quick-replies');
  for (const b of Array.isArray(buttons) ? buttons : []) box.append(renderButton(b, actions));
  return box.childElementCount ? box : null;
}

function renderRequestInfo(message, payload, actions) {
  const element = (payload.elements && payload.elements[0]) || {};
  const card = el('div', 'card');
  // The card's image_url points outside; the page loads nothing external, so show an icon.
  const banner = el('div', 'card-banner');
  banner.append(icon('card', 44));
  card.append(banner);
  const body = el('div', 'card-body');
  body.append(el('p', 'card-title', element.title || 'Chia sẻ thông tin'));
  if (element.subtitle) body.append(el('p', 'card-sub', element.subtitle));
  const share = el('button', 'pill share-btn', 'Chia sẻ');
  share.type = 'button';
  share.addEventListener('click', async () => {
    share.disabled = true;
    share.textContent = 'Đang chia sẻ…';
    const ok = await actions.onShare();
    share.textContent = ok ? 'Đã chia sẻ' : 'Chia sẻ';
    share.disabled = ok;
  });
  body.append(share);
  card.append(body);
  return message.text ? [el('div', 'bubble', message.text), card] : [card];
}

function renderTransaction(payload, actions) {
  const card = el('div', 'card');
  const body = el('div', 'card-body');
  body.append(el('span', 'tx-label', 'Tin giao dịch'));
  for (const element of payload.elements || []) {
    if (element.type === 'header') body.append(el('p', 'card-title', element.content));
    if (element.type === 'text') body.append(el('p', 'tx-text', String(element.content || '').replace(/<br\s*\/?>/gi, '\n')));
    if (element.type === 'table' && Array.isArray(element.content)) {
      const table = el('table', 'tx-table');
      for (const row of element.content) {
        const tr = el('tr');
        tr.append(el('th', null, row.key), el('td', null, row.value));
        table.append(tr);
      }
      body.append(table);
    }
  }
  card.append(body);
  const buttons = renderButtons(payload.buttons, actions);
  return buttons ? [card, buttons] : [card];
}

function renderOa(item, actions) {
  const message = item.message || {};
  const payload = (message.attachment && message.attachment.payload) || {};
  const kind = String(payload.template_type || '');
  if (kind === 'request_user_info') return renderRequestInfo(message, payload, actions);
  if (kind.startsWith('transaction') || item.endpoint.endsWith('/transaction')) return renderTransaction(payload, actions);
  if (kind === 'media') return [el('div', 'bubble', `[Hình ảnh] ${message.text || ''}`)];
  const parts = [el('div', 'bubble', message.text || '')];
  const buttons = renderButtons(payload.buttons, actions);
  if (buttons) parts.push(buttons);
  return parts;
}

function userStatus(item) {
  if (item.status === undefined) return 'đang gửi…';
  if (item.status !== 200) return `webhook trả lời ${item.status}`;
  return 'đã gửi';
}

/** The <li> for one chat item. `actions`: {onTap({payload,title,hidden}), onShare(): Promise<boolean>}. */
export function renderChatItem(item, actions) {
  const li = el('li', 'msg');
  li.dataset.id = item.id;
  li.dataset.at = item.at;
  if (item.from === 'oa') {
    li.classList.add('from-oa');
    const zns = item.endpoint.endsWith('/message/template');
    const label = item.endpoint.endsWith('/transaction') ? 'tin giao dịch' : zns ? `ZNS: ${(item.message.zns && item.message.zns.templateName) || 'tin mẫu'}` : '';
    li.append(...renderOa(item, actions), meta(item, label));
    return li;
  }
  const system = item.kind === 'follow' || item.kind === 'unfollow' || item.kind === 'submit_info';
  li.classList.add(system ? 'system' : 'from-user');
  if (item.kind === 'media') {
    const bubble = el('div', 'bubble media');
    bubble.append(icon(MEDIA_ICONS[item.text] || 'file', 48), el('small', null, item.text));
    li.append(bubble);
  } else {
    li.append(el('div', 'bubble', item.text));
  }
  const m = meta(item, system ? '' : userStatus(item));
  if (item.status !== undefined && item.status !== 200) m.classList.add('error');
  li.append(m);
  return li;
}
