/** One document line: name, how many originals and copies, and the form to fill in. */
import type { ProcedureDocument } from '../../catalog/procedure-schema.js';
import { shortenText } from '../format/shorten-text.js';

export function documentCounts(d: ProcedureDocument): string {
  const parts = [d.originals > 0 && `${d.originals} bản chính`, d.copies > 0 && `${d.copies} bản sao`].filter(Boolean);
  return parts.join(', ');
}

/** "Mẫu CT01 Tờ khai thay đổi thông tin cư trú.docx" → "Mẫu CT01 Tờ khai thay đổi thông tin cư trú". */
export function formName(form: string | null): string | undefined {
  const f = form?.replace(/\.(docx?|pdf|xlsx?|rtf|odt)$/i, '').trim();
  return f ? f : undefined;
}

export function describeDocument(d: ProcedureDocument, maxName = 450): string {
  const extras = [documentCounts(d), formName(d.form) && `mẫu: ${formName(d.form)}`].filter(Boolean);
  const name = shortenText(d.name, maxName);
  return extras.length ? `${name} (${extras.join('; ')})` : name;
}
