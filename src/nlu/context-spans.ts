/**
 * Citizens tell a story around the request: why ("vì chưa đăng ký kết hôn"), what for
 * ("để làm thừa kế", "để đi máy bay"), what they already have ("đã có sổ hồng"), when
 * ("lúc khai sinh"). Those spans often name other procedures. This removes them so the
 * retrieval can look at the request alone; the caller keeps the whole-message reading
 * when the request alone names nothing.
 */
import { cuePhraseSet, cueSection, cueWordSet, loadCues } from './cue-lists.js';
import type { Normalize, NormalizedText } from './normalize.js';
import { createPhraseFinder } from './phrase-finder.js';

/** The words of each clause role (what each section means: intents/cues/clause-roles.txt). */
const ROLES = loadCues('clause-roles');

/** Lines of a folded word and its accented forms. */
function accentedForms(section: string): Map<string, readonly string[]> {
  return new Map(cueSection(ROLES, section).map(([folded, ...accented]) => [folded!, accented]));
}

/** Opens a context span: folded word -> the accented forms that mean it when accents were typed. */
const OPENERS: ReadonlyMap<string, ReadonlySet<string>> = new Map([...accentedForms('opener')].map(([f, a]) => [f, new Set(a)]));
/** Two-word openers: "đã có", "sau khi". */
const PAIR_OPENERS = cuePhraseSet(ROLES, 'pair-opener');
/** Openers of what the citizen has or lacks ("không có nơi thường trú"): the span says who they are. */
const STATE_OPENERS = cuePhraseSet(ROLES, 'state-opener');
/** "đang": opens a state span only as typed with its accents. */
const ACCENTED_STATE_OPENERS = cueWordSet(ROLES, 'accented-state-opener');
/** Who the state is said of, just before "đang" ("em đang tạm trú …"). */
const STATE_SUBJECTS = cuePhraseSet(ROLES, 'state-subject');
/** "có cần giấy X không": the need words, the words a paper's name starts with, and the yes/no tail. */
const PAPER_NEED = createPhraseFinder(cueSection(ROLES, 'paper-need'));
const PAPER = createPhraseFinder(cueSection(ROLES, 'paper'));
const YES_NO = loadCues('yes-no');
const POLAR_TAIL = createPhraseFinder(cueSection(YES_NO, 'polar-tail'));
const POLITE = cueWordSet(YES_NO, 'polite');
/** "công ty", "ngân hàng": context when they ask for something ("công ty bắt nộp …"). */
const REQUESTERS = cuePhraseSet(ROLES, 'requester');
const REQUESTER_VERBS = cueWordSet(ROLES, 'requester-verb');
/** Words that end a span and go back to the request: folded word -> its one accented form. */
const CLOSERS: ReadonlyMap<string, string> = new Map(
  [...accentedForms('closer')].map(([f, a]) => {
    if (a.length !== 1) throw new Error(`clause-roles.txt [closer] "${f}": one accented form, not ${a.length}`);
    return [f, a[0]!];
  }),
);

/** A closer typed with accents must be that word ("căn" of căn cước does not close like "cần"). */
function isCloser(q: NormalizedText, i: number): boolean {
  const accented = CLOSERS.get(q.foldedTokens[i]);
  return accented !== undefined && (q.tokens[i] === q.foldedTokens[i] || q.tokens[i] === accented);
}
/** Fixed phrases that start or end like an opener: "để lại", "trước bạ", "cùng lúc". */
const NOT_OPENER = cuePhraseSet(ROLES, 'not-opener');
/** Verbs after a purpose "để" ("để làm thừa kế"). */
const PURPOSE_VERBS = cueWordSet(ROLES, 'purpose-verb');
/** Words before "de" that make it no purpose ("vừa đẻ"). */
const NOT_PURPOSE_AFTER = cueWordSet(ROLES, 'not-purpose-after');
/** Words that start a clause after an unaccented "vi" ("vi chua dk ket hon"). */
const REASON_CLAUSE_START = cueWordSet(ROLES, 'reason-clause-start');
/** What was done ("xong", "rồi") or what follows from it ("nên"), before the request. */
const REQUEST_AFTER = cueWordSet(ROLES, 'request-after');
/** Words after "xong"/"rồi" that start the request ("… xong muốn", "… rồi giờ"). */
const AFTER_DONE = cueWordSet(ROLES, 'after-done');
/** Words that say what the citizen wants, accented or not ("muốn", "muon"); read by create-understander.ts. */
export const WANT_WORDS = cueWordSet(ROLES, 'want');

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
  // "công ty bắt nộp …", "ngân hàng yêu cầu …": the requester is context, not "thành lập công ty".
  if (REQUESTERS.has(pair)) return REQUESTER_VERBS.has(f[i + 2] ?? '') ? -3 : 0;
  if (PAIR_OPENERS.has(pair)) return 2;
  if (ACCENTED_STATE_OPENERS.has(q.tokens[i]!)) {
    const subject = STATE_SUBJECTS.has(f[i - 1] ?? '') || STATE_SUBJECTS.has(`${f[i - 2]} ${f[i - 1]}`);
    return subject && i + 1 < f.length && !NOT_OPENER.has(pair) ? 1 : 0;
  }
  const accents = OPENERS.get(f[i]);
  if (!accents) return 0;
  // Accents typed: only the exact word ("để", not "đề"; "vì", not "ví").
  if (q.tokens[i] !== f[i] && !accents.has(q.tokens[i])) return 0;
  if (NOT_OPENER.has(`${f[i]} ${f[i + 1] ?? ''}`) || NOT_OPENER.has(`${f[i - 1] ?? ''} ${f[i]}`)) return 0;
  // Unaccented "vi" is also vi phạm, vi bằng: only "vì" before a clause ("vi chua dk ket hon").
  if (f[i] === 'vi' && q.tokens[i] === 'vi' && !REASON_CLAUSE_START.has(f[i + 1] ?? '')) return 0;
  // Purpose "để" goes with a verb ("để làm thừa kế", "để đi máy bay"); "để trống", "vừa đẻ" are not it.
  if (f[i] === 'de' && (!PURPOSE_VERBS.has(f[i + 1] ?? '') || NOT_PURPOSE_AFTER.has(f[i - 1] ?? ''))) return 0;
  // "chưa" closing a question ("xong chưa") opens nothing; nor does an opener at the very start.
  if (i === 0 || i + 1 >= f.length) return 0;
  return 1;
}

/**
 * "đăng ký kết hôn có cần giấy xác nhận độc thân không": the paper's name after the paper word, up to
 * the closing "không", is a document asked about, not the request. [from, to) of the clause, or null.
 */
function askedPaper(q: NormalizedText): [number, number] | null {
  const f = q.foldedTokens;
  let end = f.length;
  while (end > 0 && POLITE.has(f[end - 1]!)) end--;
  const tail = [2, 1].find((n) => end - n > 0 && POLAR_TAIL.at(f, end - n)?.end === end);
  if (!tail) return null;
  end -= tail;
  for (let i = 1; i < end; i++) {
    const need = PAPER_NEED.at(f, i);
    const paper = need && PAPER.at(f, need.end);
    if (paper && paper.end < end) return [paper.end, end];
  }
  return null;
}

/** Words that start the request after a background clause ("…, giờ muốn nhập hộ khẩu"). */
const PIVOTS = cuePhraseSet(ROLES, 'pivot');

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
  /**
   * The request with the spans that say what the citizen has or lacks ("tôi không có nơi thường trú
   * …, muốn xin lý lịch tư pháp"): who they are, read for situation features; absent when none.
   */
  situation?: NormalizedText;
}

/**
 * Nothing to remove: one clause without any opener word. Most messages stop here, so the clause-by-clause
 * work (a normalisation per clause and a second retrieval) is only done for messages with a story.
 */
function mayHaveStory(text: string, whole: NormalizedText | undefined): boolean {
  if (!whole || CLAUSE_BREAK.test(text)) return true;
  // One clause: the whole message is that clause, so the clause's own tests answer.
  if (requestStart(whole) > 0 || askedPaper(whole)) return true;
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
    sayWho(q, i);
  };
  // The request and the spans saying what the citizen has or lacks, in order.
  const situation: string[] = [];
  const situationFolded: string[] = [];
  let stateSpan = false;
  let stateSaid = false;
  const sayWho = (q: NormalizedText, i: number) => {
    situation.push(q.tokens[i]!);
    situationFolded.push(q.foldedTokens[i]!);
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
    const paper = askedPaper(q);
    for (let i = start; i < q.tokens.length; i++) {
      if (paper && i >= paper[0] && i < paper[1]) {
        dropped = true;
        continue;
      }
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
          stateSpan = n === 2 ? STATE_OPENERS.has(`${q.foldedTokens[i]} ${q.foldedTokens[i + 1]}`) : ACCENTED_STATE_OPENERS.has(q.tokens[i]!);
          stateSaid ||= stateSpan;
          if (stateSpan) for (let j = i; j < i + n; j++) sayWho(q, j);
          i += n - 1;
          continue;
        }
        keep(q, i, k);
      } else if (isCloser(q, i)) {
        inSpan = false;
        keep(q, i, k);
      } else if (stateSpan) sayWho(q, i);
    }
  });
  if (!dropped || kept.length === 0) return null;
  // The kept words are already normalised clause by clause: no second pass.
  let guessed: Set<string> | undefined;
  for (const q of parts) for (const g of q.guessed ?? []) (guessed ??= new Set()).add(g);
  const request = { ...textOf(kept, keptFolded), guessed, clauseStart };
  return stateSaid ? { request, droppedClause, situation: textOf(situation, situationFolded) } : { request, droppedClause };
}

/** Already normalised tokens (and their folded forms) as a text. */
function textOf(tokens: string[], foldedTokens: string[]): NormalizedText {
  return { normalized: tokens.join(' '), folded: foldedTokens.join(' '), tokens, foldedTokens };
}
