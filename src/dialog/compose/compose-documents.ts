/** ask_documents: numbered documents (originals, copies, form), notes kept apart. */
import type { Procedure } from '../../catalog/procedure-schema.js';
import { shortenText } from '../format/shorten-text.js';
import { describeDocument } from './describe-document.js';
import { procedureTitle } from './procedure-footer.js';
import type { ComposedAnswer } from './composed-answer.js';

const MAX_NOTES = 5;
/** About three OA messages: beyond that the citizen is better served by the source page. */
const BUDGET = 5200;

export function composeDocuments(p: Procedure): ComposedAnswer {
  const blocks = [`Dạ, hồ sơ thủ tục “${procedureTitle(p)}” gồm:`];
  if (!p.documents.length) blocks.push('Nguồn chưa liệt kê thành phần hồ sơ của thủ tục này.');
  let group: string | undefined;
  let used = blocks[0].length;
  for (const [i, d] of mainDocumentsFirst(p.documents).entries()) {
    const g = d.group.trim().replace(/[:*\s]+$/, '').replace(/^[*\s]+/, '');
    const lines = [...(g && g !== group ? [`${g}:`] : []), `${i + 1}. ${describeDocument(d, 350)}`];
    const size = lines.join('\n').length + 1;
    if (used + size > BUDGET) {
      blocks.push(`… và ${p.documents.length - i} giấy tờ khác, anh/chị xem đầy đủ tại trang nguồn (đường dẫn bên dưới).`);
      break;
    }
    blocks.push(...lines);
    used += size;
    group = g;
  }
  const forms = [...new Set(p.documents.map((d) => d.form).filter((f): f is string => Boolean(f)))];
  if (forms.length) blocks.push(`Mẫu đơn, tờ khai cần điền: ${forms.map((f) => f.replace(/\.(docx?|pdf)$/i, '')).join('; ')}.`);
  if (p.documentNotes.length) {
    blocks.push('Lưu ý (không phải giấy tờ phải nộp):');
    for (const n of notesFormsFirst(p.documentNotes).slice(0, MAX_NOTES)) blocks.push(`- ${shortenText(n, 350)}`);
    if (p.documentNotes.length > MAX_NOTES) blocks.push(`- Còn ${p.documentNotes.length - MAX_NOTES} lưu ý khác, anh/chị xem đầy đủ tại trang nguồn.`);
  }
  return { blocks };
}

/**
 * Within each group (kept in source order), the documents everyone submits come before the ones
 * needed only in a given case ("Trường hợp…", "Nếu…"), as an officer at the counter would list them.
 */
function mainDocumentsFirst(docs: Procedure['documents']): Procedure['documents'] {
  const conditional = (name: string) => /^(trường hợp|nếu|đối với trường hợp)\b/i.test(name.trim().replace(/^[-–•\s]+/, ''));
  const groups: string[] = [];
  for (const d of docs) if (!groups.includes(d.group)) groups.push(d.group);
  return groups.flatMap((g) => {
    const inGroup = docs.filter((d) => d.group === g);
    return [...inGroup.filter((d) => !conditional(d.name)), ...inGroup.filter((d) => conditional(d.name))];
  });
}

/**
 * The portal sometimes files the form itself among the notes (kết hôn: "Tờ khai đăng ký kết hôn theo
 * mẫu…" with no count): such notes come first so the cap on notes never hides them.
 */
function notesFormsFirst(notes: string[]): string[] {
  const isForm = (n: string) => /^(tờ khai|đơn |mẫu |phiếu )/i.test(n.trim()) || /\btờ khai\b.{0,40}\bmẫu\b/i.test(n);
  return [...notes.filter(isForm), ...notes.filter((n) => !isForm(n))];
}
