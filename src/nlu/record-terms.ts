/**
 * Which words and word pairs a record's whole text says (name, result, audiences, conditions,
 * documents and their groups, notes, steps, fees, everyday names), and whether any record, or any record of a field, says it. The
 * understander asks it whether a word that qualifies the procedure named ("hộ chiếu công vụ")
 * is anything the winner's record knows of: if not, and the word is rare, the message asks for
 * something else. Texts shared by several records (a family's steps) are read once.
 */
import type { Procedure } from '../catalog/procedure-schema.js';
import { foldedWords } from './record-index.js';

export interface RecordTerms {
  /** Does the record (by code) say this folded word or pair ("cong vu") anywhere? */
  says(code: string, term: string): boolean;
  /** Does any record say the term? */
  catalogSays(term: string): boolean;
  /** Does any record of the field (procedure-schema `field`, e.g. "Đất đai") say the term? */
  saidInField(term: string, field: string): boolean;
  /** Number of records. */
  readonly size: number;
}

function recordTexts(p: Procedure): (string | null | undefined)[] {
  return [
    p.name,
    p.result.name,
    ...p.audiences,
    p.conditions,
    ...p.documents.flatMap((d) => [d.group, d.name]),
    ...p.documentNotes,
    p.steps,
    ...p.channels.flatMap((c) => [c.description, c.fee.note, c.fee.raw]),
  ];
}

/** extra: further texts that name a record (its everyday names). */
export function buildRecordTerms(procedures: readonly Procedure[], extra: (code: string) => readonly string[] = () => []): RecordTerms {
  const termsOfText = new Map<string, ReadonlySet<string>>();
  const read = (text: string) => {
    let terms = termsOfText.get(text);
    if (!terms) {
      const words = foldedWords(text);
      const set = new Set(words);
      for (let i = 1; i < words.length; i++) set.add(`${words[i - 1]} ${words[i]}`);
      termsOfText.set(text, (terms = set));
    }
    return terms;
  };
  const byCode = new Map<string, ReadonlySet<string>[]>();
  const fieldSets = new Map<string, Set<ReadonlySet<string>>>();
  for (const p of procedures) {
    const sets = [...new Set([...recordTexts(p), ...extra(p.code)].filter((t): t is string => !!t).map(read))];
    byCode.set(p.code, sets);
    let inField = fieldSets.get(p.field);
    if (!inField) fieldSets.set(p.field, (inField = new Set()));
    for (const set of sets) inField.add(set);
  }
  return {
    says: (code, term) => byCode.get(code)?.some((s) => s.has(term)) ?? false,
    // Asked for a few qualifiers per message: a walk over the distinct texts, no catalog-wide term table.
    catalogSays: (term) => [...termsOfText.values()].some((s) => s.has(term)),
    saidInField: (term, field) => [...(fieldSets.get(field) ?? [])].some((s) => s.has(term)),
    size: procedures.length,
  };
}
