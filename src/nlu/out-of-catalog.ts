/**
 * Services a citizen may ask the one-stop desk about that the catalog does not hold (a tax
 * settlement, a karaoke licence, a mortgage registration…), listed as data in
 * intents/cues/out-of-catalog.txt. One of them said in the request, while the record of every
 * procedure offered never says it, means the question is about something else: the honest answer
 * is "not in the catalog", never the nearest procedure sharing a word ("đăng ký thế chấp sổ đỏ" is
 * not "cấp đổi sổ đỏ").
 */
import { cueSection, cueWordSet, loadCues } from './cue-lists.js';
import { createPhraseFinder } from './phrase-finder.js';
import type { NormalizedText } from './normalize.js';

export interface OutOfCatalogReader {
  /**
   * The listed services said in the request's own clauses: in a clause that also names the procedure
   * found (`names(i)`: token i is a word the procedure explains), and not in a purpose said after
   * "để" ("xin lý lịch tư pháp để gia hạn visa" asks for the record, not the visa).
   */
  said(request: NormalizedText, names: (i: number) => boolean): string[][];
}

/** normalizeTerm: the message normaliser, so a term reads as a message would ("bhyt" → "bảo hiểm y tế"). */
export function createOutOfCatalogReader(normalizeTerm: (term: string) => NormalizedText): OutOfCatalogReader {
  const cues = loadCues('out-of-catalog');
  const listed = cueSection(cues, 'service');
  const paperWords = cueWordSet(cues, 'paper-word');
  // "giấy xác nhận con thương binh" is said without its paper word too ("xác nhận con thương binh").
  const unpapered = listed.filter((w) => paperWords.has(w[0]!) && w.length - 1 >= MIN_UNPAPERED).map((w) => w.slice(1));
  const terms = [...listed, ...unpapered]
    .map((words) => normalizeTerm(words.join(' ')))
    .filter((t) => t.tokens.length > 0);
  const finder = createPhraseFinder(terms.map((t) => t.foldedTokens));
  // The accented forms of each term by its folded words: a word typed with accents is that word
  // ("vì bằng gốc" is not "vi bằng").
  const accented = new Map<string, string[][]>();
  for (const t of terms) {
    const key = t.folded;
    accented.set(key, [...(accented.get(key) ?? []), t.tokens]);
  }
  const typedAs = (request: NormalizedText, start: number, end: number) => {
    const forms = accented.get(request.foldedTokens.slice(start, end).join(' ')) ?? [];
    return forms.some((form) => form.every((w, k) => request.tokens[start + k] === request.foldedTokens[start + k] || request.tokens[start + k] === w));
  };
  return {
    said(request, names) {
      const tokens = request.foldedTokens;
      const starts = request.clauseStart;
      const clauseOf = (i: number): [number, number] => {
        let a = i;
        while (a > 0 && !starts?.[a]) a--;
        let b = i + 1;
        while (b < tokens.length && !starts?.[b]) b++;
        return [a, b];
      };
      return finder.findAll(tokens).flatMap((h) => {
        if (!typedAs(request, h.start, h.end)) return [];
        const [a, b] = clauseOf(h.start);
        if (request.tokens.slice(a, h.start).includes(PURPOSE)) return [];
        for (let i = a; i < b; i++) if (names(i)) return [tokens.slice(h.start, h.end)];
        return [];
      });
    },
  };
}

/** Words a term left without its paper word ([paper-word]) must still have to name a service. */
const MIN_UNPAPERED = 3;

/** "để": what follows is what the result is for. */
const PURPOSE = 'để';

/** Whether a record says the whole term: its word, or each of its word pairs. */
export function recordSaysTerm(says: (pair: string) => boolean, term: readonly string[]): boolean {
  if (term.length === 1) return says(term[0]!);
  for (let i = 1; i < term.length; i++) if (!says(`${term[i - 1]} ${term[i]}`)) return false;
  return true;
}
