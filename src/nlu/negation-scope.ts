/**
 * Corrections and negations: "gia hạn chứ không phải cấp mới", "không phải khai sinh
 * mà là trích lục", "không cần đăng ký lại, chỉ cần sửa tên". The negated words are taken
 * out of the message before it is read, so the procedure they name neither wins nor lends
 * its markers ("không phải trên 14 đâu"). Cue words live in intents/cues/negation.txt;
 * this file only knows how far each kind of cue reaches:
 * - negates-rest-of-clause: from the cue to the end of its clause;
 * - negates-until-but: from the cue to "mà", else to the end of the clause;
 * - negates-clause-when-another-follows: the whole clause, when it opens with the cue and
 *   a later clause is left to carry the request;
 * - not-yet-when-another-follows: the same for an act not done yet ("chưa nhập"), also after a
 *   link word inside the clause ("… nên chưa nhập"), unless another clause wants that act.
 * Works on the raw text (clauses split at punctuation), so the rest of the pipeline reads
 * the kept words exactly as typed. Linear in the message.
 */
import { cuePhraseSet, cueSection, loadCues, type CueSections } from './cue-lists.js';
import { createPhraseFinder, type PhraseFinder } from './phrase-finder.js';
import { createCueMatcher } from './cue-patterns.js';
import { foldDiacritics } from './fold-diacritics.js';

export interface NegationReading {
  /** The message without its negated words. */
  kept: string;
  /** The negated words (for diagnostics and tests). */
  negated: string;
  /**
   * The words of clauses that refuse a thing ("không nhập hộ khẩu", "không cần giấy độc
   * thân"), as opposed to a correction ("không phải X mà là Y", where X often shares words with Y).
   */
  refused: string;
  /** The words a correction says the request is not ("không phải X (mà là Y)"): the X words. */
  corrected: string;
}

export type NegationScope = (text: string) => NegationReading | null;

const CLAUSE_END = /[,.;:!?\n()]/;

interface Word {
  raw: string;
  folded: string;
}

function clausesOf(text: string): Word[][] {
  const out: Word[][] = [];
  for (const clause of text.split(CLAUSE_END)) {
    const words = clause
      .split(/\s+/)
      .filter(Boolean)
      .map((raw) => ({ raw, folded: foldDiacritics(raw.toLowerCase()).replace(/[^a-z0-9]/g, '') }))
      .filter((w) => w.folded);
    if (words.length) out.push(words);
  }
  return out;
}

/** asks: whether a folded clause asks a question of its own (a fee, a place…). */
export function createNegationScope(cues: CueSections = loadCues('negation'), asks: (folded: string) => boolean = () => false): NegationScope {
  const rest = createPhraseFinder(cueSection(cues, 'negates-rest-of-clause'));
  const untilBut = createPhraseFinder(cueSection(cues, 'negates-until-but'));
  const clauseCue = createPhraseFinder(cueSection(cues, 'negates-clause-when-another-follows'));
  const but = createPhraseFinder(cueSection(cues, 'but'));
  const subject = createPhraseFinder(cueSection(cues, 'subject'));
  const done = createCueMatcher(cueSection(cues, 'done-when-another-follows'));
  const notYet = createPhraseFinder(cueSection(cues, 'not-yet-when-another-follows'));
  const links = cuePhraseSet(cues, 'link');
  /** A not-yet cue at the clause's opening or after a link ("… nên chưa nhập"). */
  const notYetAt = (f: readonly string[], start: number) => {
    for (let i = start; i < f.length; i++) {
      if (i > start && !links.has(f[i - 1]!)) continue;
      const hit = notYet.at(f, i);
      if (hit) return hit;
    }
    return undefined;
  };

  /** Where a clause's own words begin, after a subject such as "em" or "mình". */
  const opening = (f: readonly string[]) => subject.at(f, 0)?.end ?? 0;

  return (text) => {
    const clauses = clausesOf(text);
    const dropped = clauses.map((c) => c.map(() => false));
    const refusedClauses: number[] = [];
    const corrections: string[] = [];
    let any = false;
    const drop = (k: number, from: number, to: number) => {
      for (let i = from; i < to; i++) dropped[k]![i] = true;
      if (to > from) any = true;
    };
    clauses.forEach((words, k) => {
      const f = words.map((w) => w.folded);
      const start = opening(f);
      const later = clauses.length > k + 1;
      // A procedure already done ("nhà đã làm khai tử xong"), a later clause asking the next step.
      if (later && done.test(f)) {
        refusedClauses.push(k);
        return drop(k, 0, f.length);
      }
      const pending = notYetAt(f, start);
      // …the act not done yet, unless another clause goes on to want it ("giờ muốn nhập").
      const wantedAfterAll = pending && clauses.some((c, j) => j !== k && c.some((w) => w.folded === f[pending.end - 1]));
      const first = clauseCue.at(f, start) ?? (wantedAfterAll ? undefined : pending);
      // Another clause carries the request: one after it, or one before it when this one asks nothing.
      if (first && (later || (k > 0 && !asks(f.join(' '))))) {
        refusedClauses.push(k);
        return drop(k, 0, f.length);
      }
      for (let i = 0; i < f.length; i++) {
        const r = rest.at(f, i);
        if (r) return drop(k, r.start, f.length);
        const u = untilBut.at(f, i);
        if (!u) continue;
        const b = findFrom(but, f, u.end);
        // Without "mà", a clause that opens with the cue is negated whole only when another clause carries the request.
        const correct = (to: number) => {
          corrections.push(words.slice(u.end, to).map((w) => w.raw).join(' '));
          drop(k, u.start, to);
        };
        if (b) return correct(b.start);
        if (u.start > start || later) return correct(f.length);
        return;
      }
    });
    if (!any) return null;
    const keptClauses = clauses.map((c, k) => c.filter((_, i) => !dropped[k]![i]).map((w) => w.raw).join(' ')).filter(Boolean);
    if (!keptClauses.length) return null;
    const negated = clauses.flatMap((c, k) => c.filter((_, i) => dropped[k]![i]).map((w) => w.raw)).join(' ');
    const refused = refusedClauses.map((k) => clauses[k]!.map((w) => w.raw).join(' ')).join(', ');
    return { kept: keptClauses.join(', '), negated, refused, corrected: corrections.join(', ') };
  };
}

function findFrom(finder: PhraseFinder, f: readonly string[], from: number) {
  for (let i = from; i < f.length; i++) {
    const h = finder.at(f, i);
    if (h) return h;
  }
  return undefined;
}
