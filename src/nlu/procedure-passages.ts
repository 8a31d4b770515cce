/**
 * The texts a procedure can be found by: its cleaned name, the name's head (before
 * "đối với", "trong trường hợp"...), everyday aliases and keywords from the overlay.
 */
import type { Procedure } from '../catalog/procedure-schema.js';
import { cuePhraseSet } from './cue-lists.js';
import { normalizeBasic } from './normalize.js';
import { WORD_ROLES } from './word-roles.js';

export type PassageKind = 'name' | 'head' | 'alias' | 'keyword';

export interface PassageText {
  kind: PassageKind;
  tokens: string[]; // accented, normalised
}

const LEVEL_PAREN = /\((?:thực hiện )?(?:tại|ở)? ?cấp [^)]*\)|\(cấp (?:xã|tỉnh|huyện|bộ|trung ương)\)/giu;
/** Where a name's head ends and its qualifier begins (accented, word-roles.txt [head-cut]). */
const HEAD_CUTS = [...cuePhraseSet(WORD_ROLES, 'head-cut')].map((c) => ` ${c} `);

/** Name without "Thủ tục", parentheticals and trailing punctuation. */
export function cleanProcedureName(name: string): string {
  return name
    .replace(LEVEL_PAREN, ' ')
    .replace(/\([^)]*\)/g, ' ')
    .replace(/^\s*thủ tục\s+/iu, '')
    .replace(/[.\s]+$/u, '')
    .trim();
}

/** Group key: the same procedure run at several levels shares it. */
export function procedureGroupKey(name: string): string {
  return normalizeBasic(cleanProcedureName(name)).folded;
}

export function passagesFor(p: Procedure, aliases: readonly string[], keywords: readonly string[]): PassageText[] {
  const name = normalizeBasic(cleanProcedureName(p.name));
  return passagesFromName(name.normalized, aliases, keywords);
}

/** nameNormalized: normalizeBasic(cleanProcedureName(name)).normalized. */
export function passagesFromName(nameNormalized: string, aliases: readonly string[], keywords: readonly string[]): PassageText[] {
  const name = { normalized: nameNormalized, tokens: nameNormalized.split(' ') };
  const out: PassageText[] = [{ kind: 'name', tokens: name.tokens }];
  const padded = ` ${name.normalized} `;
  let cut = padded.length;
  for (const c of HEAD_CUTS) {
    const i = padded.indexOf(c);
    if (i > 0 && i < cut) cut = i;
  }
  const head = padded.slice(0, cut).trim();
  if (head !== name.normalized && head.split(' ').length >= 2) out.push({ kind: 'head', tokens: head.split(' ') });
  for (const a of aliases) {
    const n = normalizeBasic(a);
    if (n.tokens.length) out.push({ kind: 'alias', tokens: n.tokens });
  }
  for (const k of keywords) {
    const n = normalizeBasic(k);
    if (n.tokens.length) out.push({ kind: 'keyword', tokens: n.tokens });
  }
  return out;
}
