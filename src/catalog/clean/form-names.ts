/**
 * The export's `mau_don` is a file name guessed from flattened text: often mangled
 * ("MuCT01banhnhkmtheoThngts53.doc", "TK01-Phiunghcptikhonnhdanhintcnccint.docx") or
 * misleading (the children's passport form "TK01a" on a row that names TK01 for adults).
 * The form becomes the code(s) the row's own text names, each with the audience the text gives
 * ("TK01 (người từ 14 tuổi trở lên) hoặc TK01a (người chưa đủ 14 tuổi)"); without a code in the
 * text, a readable file name is kept (without extension) and a mangled one dropped: the row's
 * name already says what the paper is.
 */
import type { ProcedureDocument } from '../procedure-schema.js';
import type { CleaningRule } from './cleaning-rule.js';

/** "Mẫu CT01", "mẫu số 01/CNKD", "mẫu ĐKX10/79": a code has a capital or a digit first and a digit in it. */
const FORM_CODE = /[Mm]ẫu(?: số)?\s+([A-ZĐ0-9][A-Za-zĐđ0-9]*(?:[/-][A-Za-zĐđ0-9]+)*)/gu;
const AUDIENCE = /^\s+dành cho\s+([^;,)]+)/u;

export function formCodesInText(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(FORM_CODE)) {
    const code = m[1];
    if (!/\d/.test(code)) continue;
    const audience = AUDIENCE.exec(text.slice(m.index + m[0].length))?.[1]?.trim();
    const label = audience ? `${code} (${audience})` : code;
    if (!out.some((o) => o.split(' ')[0] === code)) out.push(label);
  }
  return out;
}

/** A file name a person can read: Vietnamese letters with spaces, no run-together word. */
export function readableFileName(file: string): string | undefined {
  const name = file
    .replace(/\.(docx?|pdf|xlsx?|rtf|odt)$/iu, '')
    .replace(/\s*\(\d+\)\s*$/u, '')
    .trim();
  const words = name.split(/\s+/u);
  const accented = /[à-ỹđ]/iu.test(name.normalize('NFC')) && /[^\x00-\x7f]/u.test(name);
  if (words.length < 3 || !accented || words.some((w) => w.length > 14)) return undefined;
  return name;
}

/**
 * The row's own paper: the text before a later case ("Phiếu CC01 … ký xác nhận.Trường hợp công dân chưa
 * có thông tin … thì hồ sơ còn có Phiếu thu thập thông tin dân cư (Mẫu DC01 …)": DC01 is another paper).
 */
const LATER_CASE = /[.;]\s*(?:Trường hợp|Nếu|Đối với)\s/u;
const ownPart = (name: string) => {
  const m = LATER_CASE.exec(name);
  return m && m.index > 0 ? name.slice(0, m.index) : name;
};

export function cleanForm(d: ProcedureDocument): string | null {
  const codes = formCodesInText(ownPart(d.name));
  if (codes.length) return codes.join(' hoặc ');
  return d.form ? (readableFileName(d.form) ?? null) : null;
}

export const formNames: CleaningRule = {
  id: 'form-names',
  title: 'tên mẫu đơn lấy từ chính dòng giấy tờ (mã mẫu, kèm đối tượng), bỏ tên tệp bị cắt chữ',
  apply(p) {
    let changed = false;
    const documents = p.documents.map((d) => {
      const form = cleanForm(d);
      if (form === d.form) return d;
      changed = true;
      return { ...d, form };
    });
    return changed ? { ...p, documents } : p;
  },
};
