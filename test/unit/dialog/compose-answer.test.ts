import { describe, expect, it, beforeAll } from 'vitest';
import { loadCatalog } from '../../../src/catalog/load-catalog.js';
import type { Catalog } from '../../../src/services.js';
import { composeProcedureAnswer } from '../../../src/dialog/compose/compose-answer.js';
import { PROCEDURE_INTENTS } from '../../../src/dialog/procedure-intents.js';

let catalog: Catalog;
beforeAll(async () => {
  catalog = await loadCatalog();
});
const june2026 = new Date('2026-06-15T03:00:00Z');
const text = (code: string, intent: (typeof PROCEDURE_INTENTS)[number], at = june2026) =>
  composeProcedureAnswer(intent, catalog.byCode(code)!, at)
    .map((m) => m.text)
    .join('\n');

describe('every procedure × every intent', () => {
  it('fits a phone: first reply ≤ 1,000 characters, ≤ 2 messages, the code in the text and the portal page as a button', () => {
    let checked = 0;
    for (const p of catalog.procedures) {
      for (const intent of PROCEDURE_INTENTS) {
        const msgs = composeProcedureAnswer(intent, p, june2026);
        for (const m of msgs) {
          expect(m.text.length).toBeLessThanOrEqual(2000);
          expect((m.buttons ?? []).length).toBeLessThanOrEqual(5);
          expect(m.text.trim()).not.toBe('');
        }
        const last = msgs[msgs.length - 1];
        expect(msgs[0].text.length, `${p.code} ${intent}`).toBeLessThanOrEqual(1000);
        expect(msgs.length).toBeLessThanOrEqual(2);
        expect(last.text).toContain(`Mã thủ tục: ${p.code}`);
        expect(msgs.map((x) => x.text).join(' ')).not.toMatch(/https?:\/\/|nguồn (?:ghi|chỉ|không|chưa)|theo nguồn|trang nguồn/i);
        expect(last.buttons?.at(-1)).toEqual({ type: 'oa.open.url', title: 'Xem trên Cổng DVC', payload: { url: p.sourceUrl } });
        // "Miễn phí" only when the record itself says the fee is free.
        if ((intent === 'ask_fee' || intent === 'procedure_info') && !p.channels.some((c) => c.fee.kind === 'free')) {
          expect(msgs.map((x) => x.text).join(' ').toLowerCase()).not.toContain('miễn phí');
        }
        // One ellipsis at a time, never "……".
        expect(msgs.map((x) => x.text).join(' '), `${p.code} ${intent}`).not.toContain('……');
        checked++;
      }
    }
    expect(checked).toBe(catalog.procedures.length * 6);
  });
});

describe('fees', () => {
  it('states a reduction in force with its end date and the standard amount', () => {
    const t = text('1.014063', 'ask_fee');
    expect(t).toContain('25.000 đồng');
    expect(t).toContain('31/12/2026');
    expect(t).toContain('50.000 đồng');
  });

  it('drops the reduction once it has ended', () => {
    const t = text('1.014063', 'ask_fee', new Date('2027-03-01T03:00:00Z'));
    expect(t).toContain('50.000 đồng');
    expect(t).not.toContain('25.000 đồng');
  });

  it('never calls a fee set by the province free, and sends the citizen to ask', () => {
    const t = text('1.004873', 'ask_fee');
    expect(t.toLowerCase()).not.toContain('miễn phí');
    expect(t).toContain('Hội đồng nhân dân');
    expect(t).toContain('hỏi nơi nộp hồ sơ');
  });

  it('gives different amounts per channel', () => {
    const t = text('1.004222', 'ask_fee');
    expect(t).toMatch(/Nộp trực tiếp: 20\.000 đồng/);
    expect(t).toMatch(/Nộp trực tuyến: 10\.000 đồng/);
  });

  it('answers the asked channel first, in one sentence, and tells per-person from per-list rates', () => {
    const t = composeProcedureAnswer('ask_fee', catalog.byCode('1.004194')!, june2026, 'truc_tuyen')[0].text;
    expect(t).toMatch(/^Dạ, lệ phí đăng ký tạm trú khi nộp trực tuyến là 7\.000 đồng\/lần đăng ký \(cá nhân, hộ gia đình/);
    expect(t).toContain('10.000 đồng/người/lần đăng ký (đăng ký tạm trú theo danh sách');
    // A label that only names the way of filing is not repeated after the channel.
    expect(t).toContain('7.000 đồng/lần đăng ký (cá nhân, hộ gia đình).');
    expect(t).not.toMatch(/Trường hợp công dân nộp hồ sơ/u);
  });

  it('says a ceiling as a ceiling', () => {
    expect(text('2.000815', 'ask_fee')).toContain('1.000 đồng/trang (từ trang thứ 3 trở lên); tối đa 200.000 đồng/bản.');
  });

  it('says where a fee in dollars is paid', () => {
    expect(text('2.000815', 'ask_fee')).toContain('10 USD/bản (tại cơ quan đại diện của Việt Nam ở nước ngoài)');
  });
});

describe('durations, documents, location, online', () => {
  it('says plainly when no unit is given, and the unit read from the steps', () => {
    expect(text('1.000894', 'ask_duration')).toContain('Dạ, thủ tục đăng ký kết hôn: chưa ghi rõ (thủ tục chỉ ghi số “1”, không nói là ngày hay ngày làm việc)');
    expect(text('2.000720', 'ask_duration')).toContain('được giải quyết trong 3 ngày làm việc (theo các bước thực hiện thủ tục)');
    expect(text('1.001612', 'ask_duration')).toContain('được giải quyết trong 3 ngày làm việc (theo các bước thực hiện thủ tục)');
    expect(text('1.014063', 'ask_duration')).toContain('7 ngày làm việc');
    expect(text('1.014063', 'ask_duration')).toMatch(/bổ sung/);
    // "Thời hạn giải quyết: Không quá 07 ngày làm việc" after "7 ngày làm việc" is not said twice.
    expect(text('1.014064', 'ask_duration')).not.toContain('Chi tiết');
    // A channel listed twice is told apart by the case its own text names.
    expect(text('1.013067', 'ask_duration')).toContain('• Nộp trực tiếp: 1 giờ (cấp mới biển số xe)');
    expect(text('3.000228', 'ask_duration')).toMatch(/3 ngày làm việc \(trường hợp công dân có thẻ căn cước công dân gắn chip/u);
    expect(text('2.000986', 'ask_duration')).toContain('được giải quyết trong 20 ngày làm việc');
  });

  it('lists the application form first, named plainly, and the cases behind a button', () => {
    const msgs = composeProcedureAnswer('ask_documents', catalog.byCode('1.000894')!, june2026);
    const t = msgs.map((m) => m.text).join('\n');
    expect(t).toMatch(/^1\. Tờ khai đăng ký kết hôn[^\n]*: 1 bản chính$/m);
    expect(t).not.toContain('không phải giấy tờ phải nộp');
    expect(msgs.at(-1)!.buttons?.[0]).toMatchObject({ title: 'Giấy tờ theo trường hợp', payload: 'Giấy tờ theo trường hợp (1.000894)' });
    const full = composeProcedureAnswer('ask_documents', catalog.byCode('1.000894')!, june2026, null, { full: true }).map((m) => m.text).join('\n');
    expect(full).toContain('Theo từng trường hợp:');
  });

  it('when every paper depends on the case, lists the first cases with their headings, and the paper form before the online one', () => {
    const tamVang = text('1.003677', 'ask_documents');
    expect(tamVang).toMatch(/^Dạ, hồ sơ khai báo tạm vắng tùy trường hợp:\nTrường hợp công dân thuộc quy định tại điểm a, điểm b khoản 1 Điều 31 Luật Cư trú, hồ sơ gồm:\n1\. Đề nghị khai báo tạm vắng/u);
    expect(text('2.000720', 'ask_documents')).toContain('2. Giấy đề nghị đăng ký thay đổi nội dung đăng ký hộ kinh doanh');
    expect(text('2.000635', 'ask_documents')).toMatch(/\n1\. Tờ khai đề nghị bản sao Trích lục hộ tịch/u);
    expect(text('2.000635', 'ask_documents')).not.toMatch(/\n\d\. Mẫu điện tử tương tác/u);
  });

  it('names a form by its code, never by a mangled file name, and for its audience', () => {
    expect(text('1.002755', 'ask_documents')).toContain('Tờ khai thay đổi thông tin cư trú (mẫu CT01)');
    expect(text('1.002755', 'ask_documents')).not.toContain('MuCT01');
    expect(text('1.001456', 'ask_documents')).toContain('mẫu TK01 (người từ 14 tuổi trở lên) hoặc TK01a (người chưa đủ 14 tuổi)');
  });

  it('says a word for the occasion: condolence for a death, congratulations for a birth', () => {
    expect(text('1.000656', 'ask_documents')).toMatch(/^Xin chia buồn cùng gia đình anh\/chị\./);
    expect(text('1.001193', 'procedure_info')).toMatch(/^Chúc mừng/);
    expect(text('1.001193', 'ask_fee')).not.toMatch(/Chúc mừng/);
  });

  it('does not repeat a level the office’s name says', () => {
    expect(text('2.000720', 'ask_location')).toContain('• Cơ quan đăng ký kinh doanh cấp xã, theo các bước thực hiện thủ tục');
    expect(text('2.000720', 'procedure_info')).not.toContain('(cấp bộ');
  });

  it('names the agency, level and channels', () => {
    const t = text('1.014063', 'ask_location');
    expect(t).toContain('• Công an cấp Xã\n');
    expect(t).toContain('Cách nộp: trực tiếp, trực tuyến, qua bưu chính.');
    expect(text('1.001612', 'ask_location')).toContain('• Cơ quan đăng ký kinh doanh cấp xã, theo các bước thực hiện thủ tục');
  });

  it('says whether the procedure can be done online', () => {
    expect(text('1.014063', 'ask_online')).toMatch(/^Dạ, có\. /);
  });

  it('puts four detail buttons and the portal page under the overview', () => {
    const msgs = composeProcedureAnswer('procedure_info', catalog.byCode('1.014063')!, june2026);
    expect(msgs[msgs.length - 1].buttons?.map((b) => b.payload)).toEqual([
      'Giấy tờ cần nộp (1.014063)',
      'Lệ phí (1.014063)',
      'Thời gian giải quyết (1.014063)',
      'Nộp ở đâu (1.014063)',
      { url: catalog.byCode('1.014063')!.sourceUrl },
    ]);
  });
});
