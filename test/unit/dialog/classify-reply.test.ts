import { describe, expect, it } from 'vitest';
import { classifyReply, judge } from '../../../src/dialog/eval/classify-reply.js';
import { NOT_IN_CATALOG_LEAD } from '../../../src/dialog/fallback.js';

const buttons = (...payloads: string[]) => ({ attachment: { payload: { buttons: payloads.map((payload) => ({ payload })) } } });

describe('classifyReply / judge: a reply read as the citizen sees it', () => {
  it('an answer names its national code after "Mã thủ tục:"', () => {
    const r = classifyReply([{ text: 'Dạ, lệ phí …' }, { text: 'Mã thủ tục: 1.001193 — Nguồn: https://x', ...buttons('Giấy tờ') }]);
    expect(r).toEqual({ kind: 'answered', code: '1.001193' });
    expect(judge(r, '1.001193|2.000986')).toBe('right');
    expect(judge(r, '1.000894')).toBe('wrong');
    expect(judge(r, 'NONE')).toBe('wrong');
  });

  it('a question back offers option buttons that carry codes', () => {
    const r = classifyReply([{ text: 'Dạ, anh/chị hỏi thủ tục nào ạ?', ...buttons('Cấp lại (3.000348)', 'Cấp đổi (3.000346)') }]);
    expect(r).toEqual({ kind: 'asked', codes: ['3.000348', '3.000346'] });
    expect(judge(r, '3.000346')).toBe('asked_right');
    expect(judge(r, '1.001193')).toBe('asked_wrong');
  });

  it('"not in catalog" is right only where the catalog has no such procedure', () => {
    const r = classifyReply([{ text: `${NOT_IN_CATALOG_LEAD}\n…`, ...buttons('Gặp cán bộ') }]);
    expect(r.kind).toBe('not_in_catalog');
    expect(judge(r, 'NONE')).toBe('right');
    expect(judge(r, '1.001193')).toBe('not_in_catalog');
    expect(judge(classifyReply([{ text: 'Dạ, em chưa hiểu rõ' }]), 'NONE')).toBe('other');
    expect(judge(classifyReply([]), '1.001193')).toBe('other');
  });

  it('a status question about a filed dossier is answered by the dossier check, not by a procedure', () => {
    const r = classifyReply([{ text: 'Dạ, hồ sơ 000.00.12.H12-240315-0001: để bảo mật, anh/chị cho em 4 số cuối …' }], '000.00.12.H12-240315-0001');
    expect(r.kind).toBe('dossier');
    expect(judge(r, '1.001193', 'dossier_status')).toBe('dossier');
    // A procedure question beside the code still needs the procedure answered.
    expect(judge(r, '1.001193', 'ask_documents')).toBe('other');
    expect(classifyReply([{ text: 'Dạ, em chưa hiểu rõ' }], '000.00.12.H12-240315-0001').kind).toBe('other');
  });
});
