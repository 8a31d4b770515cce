/**
 * Citizens tell a story around the request: why ("vì chưa đăng ký kết hôn"), what for
 * ("để làm thừa kế", "để đi máy bay"), what they already have ("đã có sổ hồng"), when
 * ("lúc khai sinh"). Those spans often name other procedures. This removes them so the
 * retrieval can look at the request alone; the caller keeps the whole-message reading
 * when the request alone names nothing.
 */
import type { Normalize, NormalizedText } from './normalize.js';

/** Opens a context span (folded, with the accented forms that mean it when accents were typed). */
const OPENERS: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['de', new Set(['để'])],
  ['vi', new Set(['vì'])],
  ['chua', new Set(['chưa'])],
  ['luc', new Set(['lúc'])],
  ['truoc', new Set(['trước'])],
]);
/** Two-word openers: "đã có", "không có", "sau khi", "tại vì", "bởi vì", "do bị". */
const PAIR_OPENERS: ReadonlySet<string> = new Set(['da co', 'da duoc', 'khong co', 'chua co', 'khong con', 'ko con', 'ko co', 'dung voi', 'khop voi', 'giong voi', 'trung voi', 'giong nhu', 'sau khi', 'tai vi', 'boi vi', 'da lam', 'da dang', 'cong ty', 'co quan', 'ngan hang']);
/** Words that end a span and go back to the request. */
const CLOSERS: ReadonlyMap<string, string> = new Map([
  ['gio', 'giờ'], ['nay', 'nay'], ['muon', 'muốn'], ['can', 'cần'], ['thi', 'thì'], ['ma', 'mà'], ['nhung', 'nhưng'],
  ['nen', 'nên'], ['xin', 'xin'], ['phai', 'phải'], ['lieu', 'liệu'], ['co', 'có'],
]);

/** A closer typed with accents must be that word ("căn" of căn cước does not close like "cần"). */
function isCloser(q: NormalizedText, i: number): boolean {
  const accented = CLOSERS.get(q.foldedTokens[i]);
  return accented !== undefined && (q.tokens[i] === q.foldedTokens[i] || q.tokens[i] === accented);
}
/** Fixed phrases that start like an opener: "để lại" (left behind), "đề nghị", "trước bạ". */
const NOT_AFTER_OPENER: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['de', new Set(['lai', 'nghi', 'an'])],
  ['truoc', new Set(['ba', 'tien'])],
]);

const PURPOSE_VERBS: ReadonlySet<string> = new Set(
  'lam di xin nop bo mua vay hoc lo xuat huong duoc ban ket dang lay chung tach xay mo thi vao ve gui nhap chuyen sang tra hoan bao'.split(' '),
);

const REASON_CLAUSE_START: ReadonlySet<string> = new Set(
  'chua da khong ko bi con nha em toi minh tui la muon can phai sap me ba bo chong vo co ong ba'.split(' '),
);

/** What was done ("xong", "rồi") or what follows from it ("nên"), before the request. */
const REQUEST_AFTER: ReadonlySet<string> = new Set(['xong', 'roi', 'nen']);

/** Words after "xong"/"rồi" that start the request ("… xong muốn", "… rồi giờ"). */
const AFTER_DONE: ReadonlySet<string> = new Set(['muon', 'gio', 'nay', 'h', 'can', 'xin', 'phai']);

/** Splits on punctuation that ends a clause; the normaliser erases it. */
const CLAUSE_SPLIT = /[,.;:!?\n()]+|\s-\s/;
const CLAUSE_BREAK = /[,.;:!?\n()]\s*\S|\s-\s/;

/** The message cut at the punctuation that ends a clause. */
export function clauses(text: string): string[] {
  return text.split(CLAUSE_SPLIT).map((c) => c.trim()).filter(Boolean);
}

function isOpener(q: NormalizedText, i: number): number {
  const f = q.foldedTokens;
  const pair = i + 1 < f.length ? `${f[i]} ${f[i + 1]}` : '';
  if (PAIR_OPENERS.has(pair)) {
    // "công ty bắt nộp …", "ngân hàng yêu cầu …": the requester is context, not "thành lập công ty".
    if (pair === 'cong ty' || pair === 'co quan' || pair === 'ngan hang') return /^(?:bat|yeu|doi|keu|can|muon|bao|noi)$/.test(f[i + 2] ?? '') ? -3 : 0;
    return 2;
  }
  const accents = OPENERS.get(f[i]);
  if (!accents) return 0;
  // Accents typed: only the exact word ("để", not "đề"; "vì", not "ví").
  if (q.tokens[i] !== f[i] && !accents.has(q.tokens[i])) return 0;
  if (NOT_AFTER_OPENER.get(f[i])?.has(f[i + 1] ?? '')) return 0;
  // Unaccented "vi" is also vi phạm, vi bằng: only "vì" before a clause ("vi chua dk ket hon").
  if (f[i] === 'vi' && q.tokens[i] === 'vi' && !REASON_CLAUSE_START.has(f[i + 1] ?? '')) return 0;
  // Purpose "để" goes with a verb ("để làm thừa kế", "để đi máy bay"); "để trống", "vừa đẻ" are not it.
  if (f[i] === 'de' && (!PURPOSE_VERBS.has(f[i + 1] ?? '') || /^(?:vua|moi|sap|da)$/.test(f[i - 1] ?? ''))) return 0;
  // "chưa" closing a question ("xong chưa") opens nothing; nor does an opener at the very start.
  if (i === 0 || i + 1 >= f.length) return 0;
  return 1;
}

/** Words that start the request after a background clause ("…, giờ muốn nhập hộ khẩu"). */
const PIVOTS: ReadonlySet<string> = new Set(['gio', 'bay gio', 'nay', 'ma gio', 'h']);

/** A background clause: it ends in "rồi" ("làm khai sinh rồi") or says what is already done. */
function isBackground(q: NormalizedText): boolean {
  const f = q.foldedTokens;
  return f.length >= 2 && (f[f.length - 1] === 'roi' || f[f.length - 1] === 'r' || (f[f.length - 2] === 'roi' && /^(?:a|ma|nen)$/.test(f[f.length - 1])));
}

function startsWithPivot(q: NormalizedText): boolean {
  const f = q.foldedTokens;
  return PIVOTS.has(f[0] ?? '') || PIVOTS.has(`${f[0]} ${f[1]}`);
}

export interface RequestText {
  request: NormalizedText;
  /** A whole background clause was dropped (not only a span inside the request). */
  droppedClause: boolean;
}

/**
 * Nothing to remove: one clause without any opener word. Most messages stop here, so the clause-by-clause
 * work (a normalisation per clause and a second retrieval) is only done for messages with a story.
 */
function mayHaveStory(text: string, whole: NormalizedText | undefined): boolean {
  if (!whole || CLAUSE_BREAK.test(text)) return true;
  // One clause: the whole message is that clause, so the clause's own tests answer.
  if (requestStart(whole) > 0) return true;
  for (let i = 0; i < whole.foldedTokens.length; i++) if (isOpener(whole, i) !== 0) return true;
  return false;
}

/**
 * "cưới xong muốn tách hộ", "làm khai sinh rồi giờ nhập khẩu", "đổi tên nên cần đổi thẻ": the request
 * starts after the last "xong/rồi/nên" + request word (0: none).
 */
function requestStart(q: NormalizedText): number {
  const f = q.foldedTokens;
  let start = 0;
  for (let i = 1; i + 1 < f.length; i++) if (REQUEST_AFTER.has(f[i]!) && AFTER_DONE.has(f[i + 1]!)) start = i + 1;
  return start;
}

/** The message without its context spans, or null when there is none (or nothing would be left).
 * whole: the message already normalised, when the caller has it (lets most messages skip the work). */
export function withoutContext(text: string, normalize: Normalize, whole?: NormalizedText): RequestText | null {
  if (!mayHaveStory(text, whole)) return null;
  const kept: string[] = [];
  const keptFolded: string[] = [];
  let dropped = false;
  let droppedClause = false;
  const clauseStart: boolean[] = [];
  let lastPart = -1;
  const keep = (q: NormalizedText, i: number, part: number) => {
    kept.push(q.tokens[i]);
    keptFolded.push(q.foldedTokens[i]);
    clauseStart.push(kept.length > 1 && (part !== lastPart || !!q.clauseStart?.[i]));
    lastPart = part;
  };
  const parts = clauses(text).map((c) => normalize(c)).filter((q) => q.tokens.length > 0);
  parts.forEach((q, k) => {
    // "bé làm khai sinh rồi, giờ muốn nhập hộ khẩu": the clause before the request is background.
    const next = parts[k + 1];
    if (next && (isBackground(q) || startsWithPivot(next))) {
      dropped = true;
      droppedClause = true;
      return;
    }
    let inSpan = false;
    const start = requestStart(q);
    if (start > 0) dropped = true;
    for (let i = start; i < q.tokens.length; i++) {
      if (!inSpan) {
        const n = isOpener(q, i);
        if (n < 0) {
          // The requester ("công ty bắt", "ngân hàng đòi"): drop those words only.
          dropped = true;
          i += -n - 1;
          continue;
        }
        if (n > 0) {
          inSpan = true;
          dropped = true;
          i += n - 1;
          continue;
        }
        keep(q, i, k);
      } else if (isCloser(q, i)) {
        inSpan = false;
        keep(q, i, k);
      }
    }
  });
  if (!dropped || kept.length === 0) return null;
  // The kept words are already normalised clause by clause: no second pass.
  let guessed: Set<string> | undefined;
  for (const q of parts) for (const g of q.guessed ?? []) (guessed ??= new Set()).add(g);
  return { request: { normalized: kept.join(' '), folded: keptFolded.join(' '), tokens: kept, foldedTokens: keptFolded, guessed, clauseStart }, droppedClause };
}
