/**
 * One document line, said plainly: the paper's name without the circular that issued its form
 * ("Tờ khai thay đổi thông tin cư trú (mẫu CT01)"), how many originals and copies.
 */
import type { ProcedureDocument } from '../../catalog/procedure-schema.js';
import { shortenText } from '../format/shorten-text.js';

export function documentCounts(d: ProcedureDocument): string {
  const parts = [d.originals > 0 && `${d.originals} bản chính`, d.copies > 0 && `${d.copies} bản sao`].filter(Boolean);
  return parts.join(', ');
}

/** The form as it is filled in: its code ("mẫu CT01"), or a readable name. */
export function formName(form: string | null): string | undefined {
  const f = form?.replace(/\.(docx?|pdf|xlsx?|rtf|odt)$/i, '').trim();
  return f ? f : undefined;
}

/** The paper's name: first clause, without "(Mẫu … ban hành kèm theo …)" and "theo mẫu". */
export function plainDocumentName(d: ProcedureDocument, max: number): string {
  let name = d.name
    .replace(/\s+/g, ' ')
    .replace(/^\s*[-+•*]\s*/u, '')
    .replace(/\s*\((?:theo )?mẫu[^()]*\)/giu, '')
    .replace(/\s*\(?(?:theo )?mẫu\s+[^\s;,.()]+\)?\s+ban hành kèm theo[^;.]*/giu, '')
    .replace(/\s+theo mẫu(?=[\s;,.(]|$)/giu, '')
    .replace(/^0?1 (?=\p{Ll})/u, '')
    // The portal's flattened numbering: "…cư trú.1." / "…cư trú;1."
    .replace(/[.;]\d{1,2}\.?(?=\s|$)/gu, '')
    .trim();
  const clause = /^(.{25,}?)(?:[;.]|\s\(nếu)(?:\s|$)/u.exec(name);
  if (clause) name = clause[1];
  name = name.replace(/[\s,;:.]+$/u, '');
  return shortenText(name.charAt(0).toLocaleUpperCase('vi') + name.slice(1), max);
}

/** " (mẫu CT01)", ", mẫu TK01 (…) hoặc TK01a (…)", " (Mẫu số 01 TB ĐĐKD)", or nothing. */
function formPart(form: string | undefined): string {
  if (!form) return '';
  if (!/\s/u.test(form)) return ` (mẫu ${form})`;
  if (/ hoặc |\(/u.test(form)) return `, mẫu ${form}`;
  return /^mẫu/iu.test(form) ? ` (${form})` : '';
}

export function describeDocument(d: ProcedureDocument, maxName = 160): string {
  const named = `${plainDocumentName(d, maxName)}${formPart(formName(d.form))}`;
  const counts = documentCounts(d);
  return counts ? `${named}: ${counts}` : named;
}
