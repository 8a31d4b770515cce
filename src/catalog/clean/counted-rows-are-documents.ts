/**
 * A row with an original or copy count is a document to submit, whatever its group: the portal
 * files the tờ khai of khai sinh, kết hôn, khai tử… under "Lưu ý" with "1 bản chính". Rows of a
 * note group that read as a statement ("Trường hợp … thì …", "Lưu ý: …", "Người có yêu cầu …")
 * stay notes even with a count: only a row that names a paper moves.
 */
import type { ProcedureDocument } from '../procedure-schema.js';
import { isDocumentNote } from '../split-documents.js';
import type { CleaningRule } from './cleaning-rule.js';

/** The row starts with the name of a paper (not "Giấy tờ do …", a rule about papers). */
const NAMES_A_PAPER = /^\s*(?:tờ khai|mẫu|đơn|bản (?:chính|sao|chụp)|giấy (?!tờ\b)|văn bản|phiếu|hộ chiếu|sổ|thẻ|ảnh|hợp đồng|biên bản|quyết định)/iu;

export function isCountedPaper(row: { ten_giay_to: string; so_ban_chinh?: number | null; so_ban_sao?: number | null }): boolean {
  const counted = (row.so_ban_chinh ?? 0) > 0 || (row.so_ban_sao ?? 0) > 0;
  return counted && NAMES_A_PAPER.test(row.ten_giay_to);
}

export const countedRowsAreDocuments: CleaningRule = {
  id: 'counted-rows-are-documents',
  title: 'một dòng có số bản chính/bản sao là giấy tờ phải nộp, dù nằm ở nhóm "Lưu ý"',
  apply(p, record) {
    const moved: ProcedureDocument[] = [];
    for (const row of record.thanh_phan_ho_so ?? []) {
      const name = row.ten_giay_to.trim();
      if (!name || !isDocumentNote(row) || !isCountedPaper(row)) continue;
      if (!p.documentNotes.includes(name) || moved.some((d) => d.name === name)) continue;
      moved.push({
        group: '',
        name,
        originals: Math.max(0, Math.trunc(row.so_ban_chinh ?? 0)),
        copies: Math.max(0, Math.trunc(row.so_ban_sao ?? 0)),
        form: row.mau_don?.trim() || null,
      });
    }
    if (!moved.length) return p;
    const names = new Set(moved.map((d) => d.name));
    return { ...p, documents: [...moved, ...p.documents], documentNotes: p.documentNotes.filter((n) => !names.has(n)) };
  },
};
