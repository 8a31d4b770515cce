// The small ZNS panel shown above a dossier: ZNS on or off, the quota left today
// (from Zalo's last answer), and a test send of each configured template.
import { adminApi } from './api.js';
import { formatDateTime, h, toast } from './dom.js';

export async function znsPanel() {
  let info;
  try {
    info = await adminApi('/api/admin/zns');
  } catch {
    return '';
  }
  if (!info.enabled) return h('p', { class: 'muted', id: 'zns-panel' }, 'ZNS chưa bật (chưa đặt ZNS_TEMPLATES_FILE): thông báo chỉ gửi qua tin OA cho người đã đăng ký.');
  const quota = info.quota
    ? `Hạn mức ZNS còn hôm nay: ${info.quota.remaining}/${info.quota.daily} (theo trả lời gần nhất của Zalo, ${formatDateTime(info.quota.at)})`
    : 'Hạn mức ZNS: chưa biết (chưa gửi tin ZNS nào từ khi khởi động).';
  const phone = h('input', { type: 'tel', name: 'phone', placeholder: 'Số điện thoại nhận thử', 'aria-label': 'Số điện thoại nhận tin gửi thử', maxlength: 15 });
  const buttons = info.templates.map((t) =>
    h(
      'button',
      {
        type: 'button',
        class: 'btn-secondary',
        onclick: async (e) => {
          e.target.disabled = true;
          try {
            await adminApi('/api/admin/zns/test-send', { method: 'POST', body: { key: t.key, phone: phone.value } });
            toast(`Đã gửi thử mẫu ${t.key} (template_id ${t.templateId}).`);
          } catch (err) {
            toast(err.message, 'error');
          } finally {
            e.target.disabled = false;
          }
        },
      },
      `Gửi thử mẫu ${t.key}`,
    ),
  );
  return h('section', { class: 'box', id: 'zns-panel', 'aria-label': 'ZNS' }, h('h4', {}, 'ZNS'), h('p', {}, quota), h('div', { class: 'grid-form' }, phone, ...buttons));
}
