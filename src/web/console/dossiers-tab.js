// "Hồ sơ" tab: search and page through dossiers, open one, create a test dossier.
import { adminApi } from './api.js';
import { STATUS_LABELS, formatDate, formatDateTime, h, isoDatePlus, maskPhone, statusBadge, table, toast } from './dom.js';
import { createDossierDetail } from './dossier-detail.js';
import { renderIfChanged } from './live-dom.js';

const PAGE = 20;

function testDossierCode() {
  const d = new Date(Date.now() + 7 * 3600_000).toISOString();
  const yymmdd = d.slice(2, 4) + d.slice(5, 7) + d.slice(8, 10);
  const seq = String(crypto.getRandomValues(new Uint16Array(1))[0] % 10000).padStart(4, '0');
  // Shape of a one-stop receipt number; H99 marks a test agency.
  return `000.00.99.H99-${yymmdd}-${seq}`;
}

function statusOptions(selected, withAll) {
  const options = withAll ? [h('option', { value: '' }, 'Tất cả trạng thái')] : [];
  for (const [code, label] of Object.entries(STATUS_LABELS)) {
    options.push(h('option', { value: code, selected: String(selected) === code }, `${code} · ${label}`));
  }
  return options;
}

function createForm(onCreated) {
  const datalist = h('datalist', { id: 'procedure-codes' });
  const form = h(
    'form',
    { class: 'grid-form', 'aria-label': 'Tạo hồ sơ thử' },
    h('label', {}, 'Mã hồ sơ', h('input', { name: 'code', required: true, value: testDossierCode() })),
    h('label', {}, 'Mã thủ tục', h('input', { name: 'procedureCode', required: true, list: 'procedure-codes', placeholder: '1.001234', autocomplete: 'off' })),
    datalist,
    h('label', {}, 'Họ tên người nộp', h('input', { name: 'fullName', required: true, value: 'Nguyễn Văn An' })),
    h('label', {}, 'Số điện thoại', h('input', { name: 'phone', required: true, inputmode: 'tel', value: '0912345678' })),
    h('label', {}, 'Số CCCD (không bắt buộc)', h('input', { name: 'idNumber', inputmode: 'numeric' })),
    h('label', {}, 'Ngày hẹn trả', h('input', { name: 'appointmentDate', type: 'date', required: true, value: isoDatePlus(5) })),
    h('label', {}, 'Trạng thái ban đầu', h('select', { name: 'status' }, statusOptions(2, false))),
    h('button', { type: 'submit', class: 'btn' }, 'Tạo hồ sơ thử'),
  );
  const procedureInput = form.elements.procedureCode;
  procedureInput.addEventListener('input', async () => {
    const q = procedureInput.value.trim();
    if (q.length < 2) return;
    try {
      const { items } = await adminApi(`/api/admin/catalog/procedures?q=${encodeURIComponent(q)}`);
      datalist.replaceChildren(...items.map((p) => h('option', { value: p.code }, p.name)));
    } catch {
      // Suggestions are a convenience; typing the code still works.
    }
  });
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const f = new FormData(form);
    const code = String(f.get('code')).trim().toUpperCase();
    const body = {
      procedureCode: String(f.get('procedureCode')).trim(),
      applicant: { fullName: String(f.get('fullName')).trim(), phone: String(f.get('phone')).trim() },
      receivedAt: new Date().toISOString(),
      appointmentDate: String(f.get('appointmentDate')),
      status: Number(f.get('status')),
      channel: 'truc_tiep',
    };
    const idNumber = String(f.get('idNumber') || '').trim();
    if (idNumber) body.applicant.idNumber = idNumber;
    try {
      await adminApi(`/api/admin/dossiers/${encodeURIComponent(code)}`, { method: 'PUT', body });
      toast(`Đã tạo hồ sơ ${code}.`);
      form.elements.code.value = testDossierCode();
      onCreated(code);
    } catch (err) {
      toast(err.message, 'error');
    }
  });
  return form;
}

export function mountDossiersTab(panel, config = {}) {
  let offset = 0;
  const results = h('div', { class: 'results' });
  const detail = h('section', { class: 'detail', 'aria-label': 'Chi tiết hồ sơ' });
  const dossier = createDossierDetail(detail, { config, onChanged: () => load() });
  const search = h(
    'form',
    { class: 'toolbar', role: 'search' },
    h('label', {}, h('span', { class: 'sr-only' }, 'Tìm hồ sơ'), h('input', { name: 'q', type: 'search', placeholder: 'Mã hồ sơ, mã thủ tục hoặc tên người nộp' })),
    h('label', {}, h('span', { class: 'sr-only' }, 'Trạng thái'), h('select', { name: 'status' }, statusOptions('', true))),
    h('button', { type: 'submit', class: 'btn' }, 'Tìm'),
  );

  async function open(code) {
    await dossier.show(code);
    detail.scrollIntoView({ block: 'nearest' });
  }

  /** The search as last submitted (typing in the box does not change what the refresh shows). */
  let query = new FormData(search);
  async function load() {
    const f = query;
    const params = new URLSearchParams({ limit: String(PAGE), offset: String(offset) });
    if (f.get('q')) params.set('q', String(f.get('q')).trim());
    if (f.get('status')) params.set('status', String(f.get('status')));
    try {
      const { items = [], total = 0 } = await adminApi(`/api/admin/dossiers?${params}`);
      // Redrawn only when something changed; a focused button keeps its focus (data-focus-key).
      renderIfChanged(results, { items, total, offset }, () => listView(items, total));
    } catch (err) {
      renderIfChanged(results, { error: err.message }, () => h('p', { class: 'error' }, err.message));
    }
  }

  function listView(items, total) {
    const rows = items.map((d) => [
      h('button', { type: 'button', class: 'link', onclick: () => open(d.code), dataset: { focusKey: `open:${d.code}` } }, d.code),
      h('span', { title: d.procedureName ?? '' }, d.procedureCode),
      // The admin API masks names and phones in lists; maskPhone keeps a full one from showing anyway.
      `${d.applicant?.fullName ?? ''} · ${maskPhone(d.applicant?.phone)}`,
      statusBadge(d.status),
      formatDate(d.appointmentDate),
      formatDateTime(d.updatedAt),
    ]);
    const pager = h(
      'div',
      { class: 'pager' },
      h('span', {}, `${total === 0 ? 0 : offset + 1}–${offset + items.length} / ${total} hồ sơ`),
      h('button', { type: 'button', class: 'btn-secondary', disabled: offset === 0, dataset: { focusKey: 'prev' }, onclick: () => ((offset = Math.max(0, offset - PAGE)), load()) }, '‹ Trước'),
      h('button', { type: 'button', class: 'btn-secondary', disabled: offset + PAGE >= total, dataset: { focusKey: 'next' }, onclick: () => ((offset += PAGE), load()) }, 'Sau ›'),
    );
    return [
      table(['Mã hồ sơ', 'Thủ tục', 'Người nộp', 'Trạng thái', 'Hẹn trả', 'Cập nhật'], rows, { empty: 'Không có hồ sơ nào khớp.', caption: 'Danh sách hồ sơ' }),
      pager,
    ];
  }

  search.addEventListener('submit', (e) => {
    e.preventDefault();
    offset = 0;
    query = new FormData(search);
    load();
  });
  panel.replaceChildren(
    h('h2', {}, 'Hồ sơ'),
    search,
    results,
    detail,
    h('details', { class: 'box' }, h('summary', {}, 'Tạo hồ sơ thử (như hệ thống một cửa gửi sang)'), createForm((code) => load().then(() => open(code)))),
  );
  // The list and the open dossier (its notifications going out) follow the server.
  return { refresh: () => Promise.all([load(), dossier.refresh()]), autoRefreshMs: 10_000 };
}
