/**
 * The cleaning pass at import, one rule at a time, over all 238 records of the national export
 * sample: each rule's property holds for every record, and the number of records it changes is
 * the one docs/catalog.md quotes (a change in the data or the rule shows up here).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CLEANING_RULES, runCleaningPass } from '../../../src/catalog/clean/cleaning-pass.js';
import { isCountedPaper } from '../../../src/catalog/clean/counted-rows-are-documents.js';
import { MISSION_ABROAD } from '../../../src/catalog/clean/fee-where-and-whom.js';
import { convertProcedure } from '../../../src/catalog/convert-procedure.js';
import { ExportFileSchema, type ExportProcedure } from '../../../src/catalog/export-schema.js';
import type { Procedure } from '../../../src/catalog/procedure-schema.js';
import { REPO_ROOT } from '../../../src/catalog/repo-paths.js';
import { describeDuration } from '../../../src/dialog/compose/describe-duration.js';

const SAMPLE = path.resolve(REPO_ROOT, '..', 'shared', 'data', 'tthc-procedures-sample.json');

let records: ExportProcedure[];
let raw: Procedure[];
let cleaned: Procedure[];
let counts: Record<string, number>;

beforeAll(async () => {
  records = ExportFileSchema.parse(JSON.parse(await readFile(SAMPLE, 'utf8'))).procedures;
  raw = records.map(convertProcedure);
  const out = runCleaningPass(raw, records);
  cleaned = out.procedures;
  counts = Object.fromEntries(out.counts.map((c) => [c.id, c.changed]));
});

const byCode = (code: string) => cleaned.find((p) => p.code === code)!;

describe('cleaning pass over the 238 records', () => {
  it('runs every rule and counts the records each changed', () => {
    expect(records).toHaveLength(238);
    expect(Object.keys(counts)).toEqual(CLEANING_RULES.map((r) => r.id));
    expect(counts).toEqual({
      'counted-rows-are-documents': 25,
      'form-names': 113,
      'fee-where-and-whom': 6,
      'channel-text-to-its-field': 48,
      'facts-from-steps': 39,
      'unit-from-channel-text': 3,
    });
  });

  it('counted-rows-are-documents: no counted paper is left among the notes', () => {
    const left: string[] = [];
    records.forEach((r, i) => {
      for (const row of r.thanh_phan_ho_so ?? []) if (isCountedPaper(row) && cleaned[i].documentNotes.includes(row.ten_giay_to.trim())) left.push(r.ma_thu_tuc);
    });
    expect(left).toEqual([]);
    // The seven civil-status procedures of the issue: the tờ khai is a document to submit.
    for (const code of ['1.001193', '1.000894', '1.000656', '1.004873', '2.000635', '1.001022', '1.004837']) {
      const p = byCode(code);
      expect(p.documents.some((d) => /^tờ khai/iu.test(d.name)), code).toBe(true);
      expect(p.documentNotes.some((n) => /^tờ khai/iu.test(n)), code).toBe(false);
    }
    // A statement with a count stays a note.
    expect(byCode('1.000094').documentNotes.some((n) => n.startsWith('Trường hợp người yêu cầu đăng k'))).toBe(true);
  });

  it('form-names: no mangled file name, codes from the text, each with its audience', () => {
    const mangled = cleaned.flatMap((p) => p.documents.map((d) => d.form).filter((f): f is string => Boolean(f && /\p{L}{15,}|\.(docx?|pdf)$/u.test(f))));
    expect(mangled).toEqual([]);
    expect(byCode('1.002755').documents.find((d) => d.name.startsWith('Tờ khai thay đổi'))?.form).toBe('CT01');
    expect(byCode('3.000228').documents.find((d) => d.form)?.form).toBe('TK01');
    expect(byCode('1.001456').documents.find((d) => d.form)?.form).toBe('TK01 (người từ 14 tuổi trở lên) hoặc TK01a (người chưa đủ 14 tuổi)');
    expect(byCode('1.001471').documents.find((d) => d.form)?.form).toBe('TK01');
    // A code named after a later case belongs to another paper (Phiếu CC01 … "Trường hợp … Phiếu … Mẫu DC01").
    for (const code of ['1.014061', '1.014063', '1.014064']) expect(byCode(code).documents.find((d) => d.name.startsWith('Phiếu CC01'))?.form, code).toBeNull();
    const before = raw.flatMap((p) => p.documents.map((d) => d.form)).filter((f) => f && /\p{L}{15,}/u.test(f));
    expect(before.length).toBeGreaterThan(0);
  });

  it('fee-where-and-whom: foreign amounts are paid at a mission abroad; commune tariffs and list rates say so', () => {
    for (const p of cleaned) for (const c of p.channels) for (const f of c.fee.foreignAmounts ?? []) expect(f.where, p.code).toBe(MISSION_ABROAD);
    const chungThuc = byCode('2.000815').channels.flatMap((c) => c.fee.amounts);
    expect(chungThuc[0]).toMatchObject({ amountVnd: 2000, where: 'tại Ủy ban nhân dân cấp xã, tổ chức hành nghề công chứng' });
    const tamTru = byCode('1.004194').channels;
    expect(tamTru.find((c) => c.channel === 'truc_tiep')?.fee.amounts[0]).toMatchObject({ amountVnd: 10000, per: 'người/lần đăng ký', scope: 'đăng ký tạm trú theo danh sách' });
    expect(tamTru.find((c) => c.channel === 'truc_tuyen')?.fee.amounts[0]).toMatchObject({ amountVnd: 7000, scope: 'cá nhân, hộ gia đình' });
  });

  it('channel-text-to-its-field: no description states a processing time or an amount the fee lacks', () => {
    const timeWords = /Thời hạn giải quyết|^\d{1,3}\s*ngày làm việc|(?:^|:\s*)(?:Không quá|Tối đa) \d{1,3} ngày/iu;
    const amount = /\d[\d.,]*\s*(?:đồng|USD)(?!\p{L})/iu;
    for (const p of cleaned)
      for (const c of p.channels) {
        expect(timeWords.test(c.description ?? ''), `${p.code} ${c.description}`).toBe(false);
        expect(amount.test(c.description ?? ''), `${p.code} ${c.description}`).toBe(false);
      }
    const xe = byCode('1.013067').channels.filter((c) => c.channel === 'truc_tiep');
    expect(xe.some((c) => /Không quá 02 ngày làm việc/.test(c.duration.note ?? ''))).toBe(true);
  });

  it('facts-from-steps: hộ kinh doanh time and office come from the steps, with the words', () => {
    const hkd = byCode('1.001612');
    for (const c of hkd.channels) expect(c.duration).toMatchObject({ value: 3, unit: 'working_day', fromSteps: expect.stringMatching(/03 ngày làm việc/) });
    expect(hkd.agencies.fromSteps?.office).toBe('Cơ quan đăng ký kinh doanh cấp xã');
    expect(byCode('1.001193').agencies.fromSteps?.office).toBe('Trung tâm Phục vụ hành chính công');
    // A number with its unit is never replaced; a bare one only by the steps' words; stages of a long process are not a deadline.
    raw.forEach((p, i) =>
      p.channels.forEach((c, k) => {
        const after = cleaned[i].channels[k].duration;
        if (c.duration.value !== null && (c.duration.unit !== 'unknown' || !after.fromSteps)) expect(after.value).toBe(c.duration.value);
        if (after.fromSteps) expect(p.steps).toContain(after.fromSteps);
      }),
    );
    expect(byCode('1.005136').channels.every((c) => c.duration.value === null)).toBe(true);
    for (const code of ['2.002036', '2.002038', '2.002039']) expect(byCode(code).channels.every((c) => c.duration.value! > 50), code).toBe(true);
    // Hộ kinh doanh thay đổi: column "1", steps "03 ngày làm việc kể từ ngày nhận hồ sơ"; cấp lại: "01 ngày làm việc".
    for (const c of byCode('2.000720').channels) expect(c.duration).toMatchObject({ value: 3, unit: 'working_day', raw: '1' });
    for (const c of byCode('2.000575').channels) expect(c.duration).toMatchObject({ value: 1, unit: 'working_day' });
    // A stage counted from receiving something else is not the answer (dừng thủ tục: "03 ngày … kể từ ngày nhận được văn bản đề nghị").
    for (const c of byCode('1.014035').channels) expect(c.duration).toMatchObject({ value: 1, unit: 'unknown' });
    // Only empty agencies are filled.
    for (const p of cleaned) if (p.agencies.fromSteps) expect(p.agencies.performing ?? p.agencies.competent ?? p.agencies.receivingAddress).toBeNull();
  });

  it('facts-from-steps: no time is said as a bare number, over the 238 records', () => {
    const bare: string[] = [];
    for (const p of cleaned)
      for (const c of p.channels) {
        const said = describeDuration(c.duration);
        // A number is always followed by its unit; a number without one is quoted as what the record wrote, not given as a time.
        if (/\d(?![\d,]*”)(?!\s*(ngày|giờ))/u.test(said.replace(/\d+ (ngày làm việc|ngày|giờ)/gu, ''))) bare.push(`${p.code} ${said}`);
        if (c.duration.unit === 'unknown' && c.duration.value !== null) expect(said).toMatch(/^chưa ghi rõ .*hỏi nơi nộp hồ sơ$/u);
      }
    expect(bare).toEqual([]);
    expect(describeDuration(byCode('2.000720').channels[0].duration)).toBe('3 ngày làm việc (theo các bước thực hiện thủ tục)');
  });

  it('unit-from-channel-text: "20 Ngày" becomes working days only when the channel’s own text says so for the same number', () => {
    expect(byCode('2.000986').channels[0].duration).toMatchObject({ value: 20, unit: 'working_day', fromText: expect.stringMatching(/^20 ngày làm việc/u) });
    raw.forEach((p, i) =>
      p.channels.forEach((c, k) => {
        const after = cleaned[i].channels[k].duration;
        expect(after.value).toBe(cleaned[i].channels[k].duration.value);
        if (c.duration.unit === 'working_day' || c.duration.unit === 'hour') expect(after.unit).toBe(c.duration.unit);
        if (after.unit === 'working_day' && c.duration.unit === 'day') expect(`${c.description} ${after.note}`).toMatch(new RegExp(`0*${after.value} ngày làm việc`, 'u'));
      }),
    );
  });
});
