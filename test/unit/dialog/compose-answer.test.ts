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
  it('stays within the OA limits and ends with the code and the source link', () => {
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
        expect(last.text).toContain(`Mã thủ tục: ${p.code}`);
        expect(last.text).toContain(p.sourceUrl);
        expect(last.buttons?.length).toBeGreaterThan(0);
        // "Miễn phí" only when the record itself says the fee is free.
        if ((intent === 'ask_fee' || intent === 'procedure_info') && !p.channels.some((c) => c.fee.kind === 'free')) {
          expect(msgs.map((x) => x.text).join(' ').toLowerCase()).not.toContain('miễn phí');
        }
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

  it('never calls a fee set by the province free, and quotes the source', () => {
    const t = text('1.004873', 'ask_fee');
    expect(t.toLowerCase()).not.toContain('miễn phí');
    expect(t).toContain('Hội đồng nhân dân');
    expect(t).toContain('Nguồn ghi:');
  });

  it('gives different amounts per channel', () => {
    const t = text('1.004222', 'ask_fee');
    expect(t).toMatch(/Trực tiếp: 20\.000 đồng/);
    expect(t).toMatch(/Trực tuyến: 10\.000 đồng/);
  });
});

describe('durations, documents, location, online', () => {
  it('says when the source gives no unit', () => {
    expect(text('1.000894', 'ask_duration')).toContain('không ghi đơn vị');
    expect(text('1.014063', 'ask_duration')).toContain('7 ngày làm việc');
    expect(text('1.014063', 'ask_duration')).toMatch(/bổ sung/);
  });

  it('numbers documents with originals and keeps notes apart', () => {
    const t = text('1.000894', 'ask_documents');
    expect(t).toMatch(/^1\. /m);
    expect(t).toContain('bản chính');
    expect(t).toContain('Lưu ý (không phải giấy tờ phải nộp)');
  });

  it('names the agency, level and channels', () => {
    const t = text('1.014063', 'ask_location');
    expect(t).toContain('Công an cấp Xã');
    expect(t).toContain('Cấp xã');
    expect(t).toContain('Trực tuyến');
  });

  it('says whether the procedure can be done online', () => {
    expect(text('1.014063', 'ask_online')).toContain('có thể nộp trực tuyến');
  });

  it('puts the five detail buttons under the overview', () => {
    const msgs = composeProcedureAnswer('procedure_info', catalog.byCode('1.014063')!, june2026);
    expect(msgs[msgs.length - 1].buttons?.map((b) => b.payload)).toEqual([
      'Giấy tờ cần nộp (1.014063)',
      'Lệ phí (1.014063)',
      'Thời gian giải quyết (1.014063)',
      'Nộp ở đâu (1.014063)',
      'Nộp trực tuyến (1.014063)',
    ]);
  });
});

describe('documents: a form filed among the notes', () => {
  it('is shown among the first notes', () => {
    const t = text('1.000894', 'ask_documents');
    const notes = t.slice(t.indexOf('Lưu ý (không phải giấy tờ phải nộp)')).split('\n').slice(1, 3);
    expect(notes.some((n) => n.startsWith('- Tờ khai đăng ký kết hôn'))).toBe(true);
  });
});
