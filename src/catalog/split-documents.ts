/**
 * The document table of the export mixes real documents with notes
 * ("Lưu ý", "Trường hợp ... thì không phải nộp", rows with 0 originals and
 * 0 copies). Notes go to documentNotes so an answer never lists them as
 * papers to bring.
 */
import type { ExportDocument } from './export-schema.js';
import type { ProcedureDocument } from './procedure-schema.js';

export interface SplitDocuments {
  documents: ProcedureDocument[];
  documentNotes: string[];
}

const NOTE_GROUP = /^\s*\**\s*(lưu ý|ghi chú)(?!\p{L})/iu;
const NOTE_TEXT = /^\s*[*\-]*\s*(lưu ý|ghi chú|ví dụ)(?!\p{L})/iu;
/** "Trường hợp ... thì không phải nộp/xuất trình/tải lên": a condition, not a paper. */
const NOT_REQUIRED = /^\s*(?:[-+]\s*)?trường hợp\b.*\b(?:thì )?không (?:phải|cần|yêu cầu)\b/iu;
/** A 0/0 row that names a paper to show at the counter is still a document. */
const PRESENT = /^\s*(?:[-+]\s*)?xuất trình\b/iu;

export function isDocumentNote(doc: ExportDocument): boolean {
  const name = doc.ten_giay_to;
  if (NOTE_GROUP.test(doc.nhom ?? '')) return true;
  if (NOTE_TEXT.test(name) || NOT_REQUIRED.test(name)) return true;
  const originals = doc.so_ban_chinh ?? 0;
  const copies = doc.so_ban_sao ?? 0;
  return originals === 0 && copies === 0 && !PRESENT.test(name);
}

export function splitDocuments(rows: readonly ExportDocument[]): SplitDocuments {
  const documents: ProcedureDocument[] = [];
  const documentNotes: string[] = [];
  for (const row of rows) {
    const name = row.ten_giay_to.trim();
    if (name.length === 0) continue;
    if (isDocumentNote(row)) {
      if (!documentNotes.includes(name)) documentNotes.push(name);
      continue;
    }
    documents.push({
      group: (row.nhom ?? '').trim(),
      name,
      originals: Math.max(0, Math.trunc(row.so_ban_chinh ?? 0)),
      copies: Math.max(0, Math.trunc(row.so_ban_sao ?? 0)),
      form: row.mau_don?.trim() || null,
    });
  }
  return { documents, documentNotes };
}
