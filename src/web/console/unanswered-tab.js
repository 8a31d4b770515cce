// "Câu hỏi chưa trả lời" tab: a to-do list. Questions the bot could not answer,
// grouped by wording, most asked first. For each: "this means procedure …" (the bot
// learns the everyday name at once, every instance within seconds) or "not our
// procedure" (the bot answers with the officer's note). Both can be undone; the
// taught names export as a file in the aliases.json format.
import { adminApi, session } from './api.js';
import { formatDateTime, h, table, toast } from './dom.js';

const REASONS = { not_in_catalog: 'Không có trong danh mục', not_understood: 'Bot không hiểu' };
const CODE = /\d\.\d{6}/;

function procedureField(id, label) {
  const datalist = h('datalist', { id });
  const input = h('input', { name: 'procedure', required: true, list: id, autocomplete: 'off', placeholder: 'Mã (1.001193) hoặc tên thủ tục', 'aria-label': label });
  input.addEventListener('input', async () => {
    const q = input.value.trim();
    if (q.length < 2 || CODE.test(q)) return;
    try {
      const { items = [] } = await adminApi(`/api/admin/catalog/procedures?q=${encodeURIComponent(q)}`);
      datalist.replaceChildren(...items.map((p) => h('option', { value: `${p.code} · ${p.name}` })));
    } catch {
      // Suggestions are a convenience; typing the code still works.
    }
  });
  return { input, datalist };
}

/** Messages the bot gave up on (parked inbox events): the citizen got an apology; an officer may answer by hand. */
async function failedTable() {
  const { items = [] } = await adminApi('/api/admin/inbox/failed');
  return table(
    ['Thời điểm nhận', 'Công dân', 'Loại', 'Nội dung (tóm tắt)', 'Số lần thử', 'Lý do dừng'],
    items.map((e) => [formatDateTime(e.receivedAt), e.userId, e.eventName, e.preview, String(e.attempts), e.reason]),
    { empty: 'Không có tin nhắn nào bị dừng xử lý.', caption: 'Tin nhắn hệ thống không xử lý được' },
  );
}

export function mountUnansweredTab(panel) {
  const results = h('div', { 'aria-live': 'polite' });

  function groupCard(group, i) {
    const about = `câu hỏi “${group.sample}”`;
    const alias = h('input', { name: 'alias', required: true, value: group.sample, maxlength: 200, 'aria-label': `Tên gọi bot sẽ hiểu cho ${about}` });
    const proc = procedureField(`teach-procedures-${i}`, `Thủ tục cho ${about}`);
    const teach = h(
      'form',
      { class: 'grid-form teach-form' },
      h('label', {}, 'Công dân gọi là', alias),
      h('label', {}, 'Nghĩa là thủ tục', proc.input),
      proc.datalist,
      h('button', { type: 'submit', class: 'btn' }, 'Dạy bot tên gọi này'),
    );
    teach.addEventListener('submit', async (e) => {
      e.preventDefault();
      const code = CODE.exec(proc.input.value)?.[0];
      if (!code) return toast('Chọn một thủ tục trong gợi ý hoặc nhập mã dạng 1.001193.', 'error');
      try {
        await adminApi('/api/admin/unanswered/teach', { method: 'POST', body: { alias: alias.value.trim(), code, questions: group.questions } });
        toast(`Bot đã hiểu “${alias.value.trim()}” là thủ tục ${code}.`);
        load();
      } catch (err) {
        toast(err.status === 400 ? 'Tên gọi quá chung (chỉ gồm từ hỏi, đại từ) hoặc mã thủ tục không có trong danh mục.' : err.message, 'error');
      }
    });
    const note = h('textarea', { name: 'note', rows: 2, required: true, minlength: 5, maxlength: 1000, placeholder: 'Ví dụ: Anh/chị liên hệ Trung tâm Dịch vụ việc làm tỉnh, số … đường …', 'aria-label': `Hướng dẫn công dân cho ${about}` });
    const refer = h('form', { class: 'reply-form refer-form' }, note, h('button', { type: 'submit', class: 'btn-secondary' }, 'Lưu hướng dẫn'));
    refer.addEventListener('submit', async (e) => {
      e.preventDefault();
      try {
        await adminApi('/api/admin/unanswered/refer', { method: 'POST', body: { sample: group.sample, note: note.value.trim(), questions: group.questions } });
        toast('Đã lưu: bot sẽ hướng dẫn công dân như vậy khi được hỏi lại.');
        load();
      } catch (err) {
        toast(err.message, 'error');
      }
    });
    return h(
      'article',
      { class: 'box question-group', dataset: { key: group.key } },
      h('h3', {}, group.sample),
      h('p', { class: 'muted' }, `${group.count} lần · ${REASONS[group.reason] ?? group.reason} · lần cuối ${formatDateTime(group.lastSeen)}`),
      group.otherSamples.length ? h('p', { class: 'muted' }, `Cách hỏi khác: ${group.otherSamples.map((s) => `“${s}”`).join(', ')}`) : null,
      teach,
      h('details', {}, h('summary', {}, 'Không phải thủ tục của đơn vị: hướng dẫn công dân đi đâu'), refer),
    );
  }

  async function undo(path, done) {
    try {
      await adminApi(path, { method: 'DELETE' });
      toast(done);
      load();
    } catch (err) {
      toast(err.message, 'error');
    }
  }

  function handledTable(handled) {
    return table(
      ['Câu hỏi', 'Số lần', 'Đã xử lý', ''],
      handled.map((g) => {
        const r = g.resolution;
        const what = r.kind === 'alias' ? `Bot hiểu “${r.alias}” là thủ tục ${r.code}` : `Hướng dẫn: ${r.note}`;
        const path = r.kind === 'alias' ? `/api/admin/taught-aliases/${encodeURIComponent(r.key)}` : `/api/admin/referrals/${encodeURIComponent(r.key)}`;
        const button = h('button', { type: 'button', class: 'btn-secondary', 'aria-label': `Hoàn tác cho câu hỏi “${g.sample}”`, onclick: () => undo(path, 'Đã hoàn tác.') }, 'Hoàn tác');
        return [g.sample, String(g.count), what, button];
      }),
      { empty: 'Chưa xử lý câu hỏi nào.', caption: 'Câu hỏi đã xử lý' },
    );
  }

  function taughtTable(taught) {
    return table(
      ['Tên gọi', 'Thủ tục', 'Lúc dạy', ''],
      taught.map((a) => [
        a.alias,
        `${a.code}${a.procedureName ? ` · ${a.procedureName}` : ''}`,
        formatDateTime(a.taughtAt),
        h('button', { type: 'button', class: 'btn-secondary', 'aria-label': `Bỏ tên gọi “${a.alias}”`, onclick: () => undo(`/api/admin/taught-aliases/${encodeURIComponent(a.key)}`, `Bot không còn hiểu “${a.alias}” nữa.`) }, 'Bỏ'),
      ]),
      { empty: 'Chưa dạy bot tên gọi nào.', caption: 'Tên gọi đã dạy bot' },
    );
  }

  async function load() {
    try {
      const { groups = [], handled = [], taught = [] } = await adminApi('/api/admin/unanswered');
      results.replaceChildren(
        h('h3', {}, `Cần xử lý (${groups.length})`),
        groups.length ? h('div', { class: 'question-groups' }, groups.map(groupCard)) : h('p', { class: 'empty' }, 'Không còn câu hỏi nào cần xử lý.'),
        h('h3', {}, 'Đã xử lý'),
        handledTable(handled),
        h('h3', {}, 'Tên gọi đã dạy bot'),
        taughtTable(taught),
        h('h3', { id: 'failed-inbound-title' }, 'Tin nhắn hệ thống không xử lý được'),
        h('p', { class: 'muted' }, 'Bot đã thử nhiều lần rồi dừng và gửi lời xin lỗi tới công dân. Nội dung chỉ hiện tóm tắt, số dài được che.'),
        await failedTable(),
      );
    } catch (err) {
      results.replaceChildren(h('p', { class: 'error' }, err.message));
    }
  }

  async function download() {
    try {
      const res = await fetch('/api/admin/taught-aliases/export', { headers: { Authorization: `Bearer ${session.token}` }, cache: 'no-store' });
      if (!res.ok) throw new Error(`Lỗi ${res.status}`);
      const url = URL.createObjectURL(await res.blob());
      const a = h('a', { href: url, download: 'taught-aliases.json' });
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
    } catch (err) {
      toast(err.message, 'error');
    }
  }

  panel.replaceChildren(
    h('h2', {}, 'Câu hỏi bot chưa trả lời được'),
    h('p', { class: 'muted' }, 'Gộp theo cách hỏi, hỏi nhiều nhất trước. Dạy bot tên gọi của thủ tục (có hiệu lực ngay), hoặc ghi hướng dẫn khi việc không thuộc đơn vị. Mọi thao tác đều hoàn tác được.'),
    h(
      'div',
      { class: 'toolbar' },
      h('button', { type: 'button', class: 'btn-secondary', onclick: load }, 'Tải lại'),
      h('button', { type: 'button', class: 'btn-secondary', onclick: download }, 'Tải tệp tên gọi đã dạy (JSON)'),
    ),
    results,
  );
  return { refresh: load };
}
