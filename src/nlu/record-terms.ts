/**
 * Which words and word pairs a record's whole text says (name, result, audiences, conditions,
 * documents and their groups, notes, steps, fees, everyday names), and whether any record, or any
 * record of a field, says it. The understander asks it whether a word that qualifies the procedure
 * named ("hộ chiếu công vụ") is anything the winner's record knows of: if not, and the word is rare,
 * the message asks for something else.
 *
 * Built for start-up at thousands of records: texts shared by several records (a family's steps)
 * are read once; each text is kept as its sequence of interned word ids, with an inverted list from
 * a word to the texts that hold it, so no set of word pairs is ever built. A question walks the
 * texts of one record, or the texts holding the rarer word of a pair.
 */
import type { Procedure } from '../catalog/procedure-schema.js';
import { foldedWords } from './record-index.js';

export interface RecordTerms {
  /** Does the record (by code) say this folded word or pair ("cong vu") anywhere? */
  says(code: string, term: string): boolean;
  /** …in what the procedure is about: its name, result, audiences, conditions or everyday names? */
  coreSays(code: string, term: string): boolean;
  /** Does any record say the term? */
  catalogSays(term: string): boolean;
  /** Does any record of the field (procedure-schema `field`, e.g. "Đất đai") say the term? */
  saidInField(term: string, field: string): boolean;
  /** Number of records. */
  readonly size: number;
}

/**
 * What the procedure is about: its name, its result, who it is for, on what conditions, and the steps
 * that lead to the result (they name what it issues: "cấp Giấy chứng nhận đăng ký hộ kinh doanh").
 */
function coreTexts(p: Procedure): (string | null | undefined)[] {
  return [p.name, p.result.name, ...p.audiences, p.conditions, p.steps];
}

/** The rest of the record: documents, notes, fees (steps already read as core). */
function detailTexts(p: Procedure): (string | null | undefined)[] {
  return [
    ...p.documents.flatMap((d) => [d.group, d.name]),
    ...p.documentNotes,
    p.steps,
    ...p.channels.flatMap((c) => [c.description, c.fee.note, c.fee.raw]),
  ];
}

/** Whether the id sequence holds `a` (and, when b ≥ 0, `a` right before `b`). */
function holds(seq: Int32Array, a: number, b: number): boolean {
  for (let i = 0; i < seq.length; i++) {
    if (seq[i] !== a) continue;
    if (b < 0 || seq[i + 1] === b) return true;
  }
  return false;
}

/** extra: further texts that name a record (its everyday names). */
export function buildRecordTerms(procedures: readonly Procedure[], extra: (code: string) => readonly string[] = () => []): RecordTerms {
  const wordIds = new Map<string, number>();
  const textIndex = new Map<string, number>();
  const texts: Int32Array[] = [];
  const textFields: Set<string>[] = [];
  /** word id -> the texts holding it, each once. */
  const postings: number[][] = [];
  const read = (text: string): number => {
    let t = textIndex.get(text);
    if (t !== undefined) return t;
    t = texts.length;
    textIndex.set(text, t);
    const words = foldedWords(text);
    const seq = new Int32Array(words.length);
    words.forEach((w, i) => {
      let id = wordIds.get(w);
      if (id === undefined) {
        wordIds.set(w, (id = postings.length));
        postings.push([]);
      }
      seq[i] = id;
      const list = postings[id]!;
      if (list[list.length - 1] !== t) list.push(t!);
    });
    texts.push(seq);
    textFields.push(new Set());
    return t;
  };
  const byCode = new Map<string, number[]>();
  /** The record's core texts (and everyday names), a prefix of its texts in byCode. */
  const coreCount = new Map<string, number>();
  const present = (x: string | null | undefined): x is string => !!x;
  for (const p of procedures) {
    const core = [...new Set([...coreTexts(p), ...extra(p.code)].filter(present).map(read))];
    const coreSet = new Set(core);
    const mine = [...core, ...new Set(detailTexts(p).filter(present).map(read).filter((t) => !coreSet.has(t)))];
    byCode.set(p.code, mine);
    coreCount.set(p.code, core.length);
    for (const t of mine) textFields[t]!.add(p.field);
  }

  /** The term as word ids [a, b] (b = -1 for a single word), or null when the catalog never says a word of it. */
  const ids = (term: string): [number, number] | null => {
    const [w1, w2] = term.split(' ');
    const a = wordIds.get(w1 ?? '');
    const b = w2 === undefined ? -1 : wordIds.get(w2);
    return a === undefined || b === undefined ? null : [a, b];
  };
  /** Texts that may hold the term: those of its rarer word. */
  const candidates = ([a, b]: [number, number]) => (b >= 0 && postings[b]!.length < postings[a]!.length ? postings[b]! : postings[a]!);
  const anyText = (term: string, keep: (t: number) => boolean) => {
    const pair = ids(term);
    return !!pair && candidates(pair).some((t) => keep(t) && holds(texts[t]!, pair[0], pair[1]));
  };

  return {
    says: (code, term) => {
      const pair = ids(term);
      return !!pair && (byCode.get(code) ?? []).some((t) => holds(texts[t]!, pair[0], pair[1]));
    },
    coreSays: (code, term) => {
      const pair = ids(term);
      const mine = byCode.get(code) ?? [];
      const core = coreCount.get(code) ?? 0;
      for (let k = 0; pair && k < core; k++) if (holds(texts[mine[k]!]!, pair[0], pair[1])) return true;
      return false;
    },
    catalogSays: (term) => anyText(term, () => true),
    saidInField: (term, field) => anyText(term, (t) => textFields[t]!.has(field)),
    size: procedures.length,
  };
}
