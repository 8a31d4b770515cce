/**
 * ask_documents, as an officer lists them: the application form first, named plainly, then the
 * papers everyone brings, on one phone screen; the papers needed only in a given case
 * ("Trường hợp ủy quyền…", "Nếu…") behind the "Giấy tờ theo trường hợp" button, which lists them
 * (and the rest of a long core list, and the main notes) when tapped.
 */
import type { Procedure, ProcedureDocument } from '../../catalog/procedure-schema.js';
import { shortenText } from '../format/shorten-text.js';
import { fullDocumentsButton } from '../detail-buttons.js';
import { describeDocument } from './describe-document.js';
import { procedurePhrase } from './procedure-footer.js';
import type { ComposeOptions, ComposedAnswer } from './composed-answer.js';

/** The first reply stays on one phone screen or so (600 characters a screen; 1,000 at most). */
const FIRST_BUDGET = 720;
/** The whole list, when asked for: two OA messages at most. */
const FULL_BUDGET = 3600;
const MAX_NOTES = 3;

const FORM = /^(?:tờ khai|đơn |phiếu |giấy khai|mẫu |bản khai)/iu;
const CASE = /^(?:trường hợp|nếu|đối với|trong trường hợp)\b/iu;
/** \b is ASCII-only in JS: "đối" needs a letter look-around. */
const CASE_INSIDE = /(?<!\p{L})(?:trong trường hợp|đối với trường hợp|nếu có)(?!\p{L})/iu;

const plain = (d: ProcedureDocument) => d.name.trim().replace(/^[-–•+*\s]+/u, '');
export const isForm = (d: ProcedureDocument) => FORM.test(plain(d));
export const isCaseSpecific = (d: ProcedureDocument) => CASE.test(plain(d)) || CASE_INSIDE.test(plain(d).slice(0, 160));

/** Forms first (paper before the online interactive one), then the common papers, then the cases. */
export const isOnlineForm = (d: ProcedureDocument) => /điện tử tương tác/iu.test(d.name);

/**
 * Forms first, then the common papers, then the cases. The online interactive form ("Mẫu hộ tịch
 * điện tử tương tác…") replaces the paper tờ khai when filing online: with a paper form it is said
 * in one line (`onlineForm`) rather than listed as a second paper to bring.
 */
export function documentsByCase(docs: readonly ProcedureDocument[]): { core: ProcedureDocument[]; cases: ProcedureDocument[]; onlineForm: boolean; caseGroups: string[] } {
  const caseGroups = caseGroupNames(docs);
  const inCaseGroup = (d: ProcedureDocument) => caseGroups.includes(groupName(d));
  // A form is the form whatever case its name mentions ("Tờ khai … theo mẫu trong trường hợp người yêu
  // cầu là cá nhân"); only a row that starts with the case ("Trường hợp …") belongs to it.
  const formsAll = docs.filter((d) => isForm(d) && !CASE.test(plain(d)));
  // The same tờ khai listed under every case is one paper to bring.
  const forms = formsAll.filter((d, i) => formsAll.findIndex((x) => plain(x).slice(0, 40) === plain(d).slice(0, 40)) === i);
  const paperForms = forms.filter((d) => !isOnlineForm(d));
  const onlineForm = paperForms.length > 0 && forms.some(isOnlineForm);
  const shownForms = onlineForm ? paperForms : forms;
  const others = docs.filter((d) => !formsAll.includes(d));
  const caseOnly = (d: ProcedureDocument) => isCaseSpecific(d) || inCaseGroup(d);
  return { core: [...shownForms, ...others.filter((d) => !caseOnly(d))], cases: others.filter(caseOnly), onlineForm, caseGroups };
}

const groupName = (d: ProcedureDocument) => d.group.trim().replace(/[:*\s]+$/u, '').replace(/^[*\s]+/u, '');
/** Groups that are cases ("… vào chỗ ở hợp pháp do thuê, mượn…"), not kinds of paper ("Giấy tờ phải nộp"). */
const PAPER_KIND = /^(?:giấy tờ|hồ sơ|thành phần|lưu ý|ghi chú)/iu;
function caseGroupNames(docs: readonly ProcedureDocument[]): string[] {
  const names = [...new Set(docs.map(groupName))].filter((g) => g && !PAPER_KIND.test(g));
  return names.length >= 2 ? names : [];
}

const ONLINE_FORM_LINE = 'Nộp trực tuyến thì khai tờ khai điện tử trên Cổng Dịch vụ công (hoặc VNeID) thay cho tờ khai giấy.';

export function composeDocuments(p: Procedure, opts: ComposeOptions): ComposedAnswer {
  const { core, cases, onlineForm, caseGroups } = documentsByCase(p.documents);
  if (!p.documents.length) {
    return { blocks: [`Dạ, thủ tục ${procedurePhrase(p)} chưa có danh sách giấy tờ cụ thể; anh/chị vui lòng hỏi nơi nộp hồ sơ hoặc xem trên Cổng Dịch vụ công.`] };
  }
  if (opts.full) return composeFullList(p, core, cases, onlineForm);
  // Every paper depends on the case (e.g. a stay declared for someone away, a change to a household business): the first cases are the list.
  const allByCase = core.length === 0;
  const listed = allByCase ? cases : core;
  const blocks = [allByCase ? `Dạ, hồ sơ ${procedurePhrase(p)} tùy trường hợp:` : `Dạ, hồ sơ ${procedurePhrase(p)} gồm:`];
  let used = blocks[0].length;
  let shown = 0;
  let group: string | undefined;
  for (const d of listed) {
    const g = allByCase ? groupName(d) : '';
    const header = g && g !== group && !PAPER_KIND.test(g) ? `${shortenText(g, 110)}:` : undefined;
    const line = `${shown + 1}. ${describeDocument(d, 120)}`;
    const cost = line.length + 1 + (header ? header.length + 1 : 0);
    if (shown >= 1 && used + cost > FIRST_BUDGET - (opts.reserved ?? 0)) break;
    if (header) blocks.push(header);
    group = g;
    blocks.push(line);
    used += cost;
    shown++;
  }
  if (onlineForm) blocks.push(ONLINE_FORM_LINE);
  const restCore = allByCase ? 0 : core.length - shown;
  const restCases = allByCase ? cases.length - shown : cases.length;
  const more = restCore + restCases;
  if (more > 0) {
    const what = [restCore > 0 && `${restCore} giấy tờ khác`, restCases > 0 && `${restCases} giấy tờ ${allByCase ? 'của các trường hợp khác' : `tùy trường hợp (${caseGroups.length ? groupHints(caseGroups) : caseHints(cases)})`}`]
      .filter(Boolean)
      .join(' và ');
    blocks.push(`Ngoài ra còn ${what}: anh/chị bấm “Giấy tờ theo trường hợp” để xem.`);
    return { blocks, buttons: [fullDocumentsButton(p.code)] };
  }
  return { blocks };
}

function groupHints(groups: string[]): string {
  return `${groups.slice(0, 3).map((g) => shortenText(g, 60)).join('; ')}${groups.length > 3 ? '; …' : ''}`;
}

/** A few words naming the cases ("ủy quyền", "trẻ em bị bỏ rơi"), from the first case papers. */
function caseHints(cases: ProcedureDocument[]): string {
  const hints = cases.slice(0, 2).map((d) =>
    shortenText(
      plain(d)
        .replace(/^(?:trường hợp|nếu|đối với(?: trường hợp)?|trong trường hợp)\s+/iu, '')
        .split(/[,;.]| thì | phải /u)[0],
      50,
    ),
  );
  // One ellipsis at most: a hint cut short already ends with one.
  const list = hints.join('; ');
  return cases.length > 2 && !list.endsWith('…') ? `${list}…` : list;
}

function composeFullList(p: Procedure, core: ProcedureDocument[], cases: ProcedureDocument[], onlineForm: boolean): ComposedAnswer {
  const blocks = [`Dạ, đầy đủ giấy tờ thủ tục ${procedurePhrase(p)}:`];
  let used = blocks[0].length;
  const add = (line: string): boolean => {
    if (used + line.length + 1 > FULL_BUDGET) return false;
    blocks.push(line);
    used += line.length + 1;
    return true;
  };
  let n = 0;
  if (core.length) add('Giấy tờ chung:');
  for (const d of core) if (!add(`${++n}. ${describeDocument(d, 200)}`)) break;
  if (onlineForm) add(ONLINE_FORM_LINE);
  if (cases.length) add('Theo từng trường hợp:');
  let group: string | undefined;
  for (const d of cases) {
    const g = groupName(d);
    if (!PAPER_KIND.test(g) && g && g !== group && !add(`${shortenText(g, 160)}:`)) break;
    group = g;
    if (!add(`${++n}. ${describeDocument(d, 220)}`)) break;
  }
  if (n < core.length + cases.length) add(`… và ${core.length + cases.length - n} giấy tờ khác, anh/chị bấm “Xem trên Cổng DVC” để xem đủ.`);
  const notes = p.documentNotes.slice(0, MAX_NOTES);
  if (notes.length) {
    add('Lưu ý:');
    for (const note of notes) add(`- ${shortenText(note, 200)}`);
  }
  return { blocks };
}
