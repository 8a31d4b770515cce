/**
 * Entities in a citizen message: dossier codes, phone numbers, 12-digit CCCD numbers
 * and national procedure codes (button payloads). Spans are returned so the caller
 * can blank them out before classification. Never log phone/ID values unmasked: use
 * maskPhone / maskId.
 */
import { foldDiacritics } from './fold-diacritics.js';
import { MAX_CODE_CHARS } from '../dossiers/dossier-code.js';

/** What a dossier code found in the text is replaced by. */
const DOSSIER_PLACEHOLDER = '__dossier__';
import { squeezeSpace } from './message-limits.js';

export interface Entities {
  dossierCode: string | null;
  phone: string | null;
  idNumber: string | null;
  procedureCode: string | null;
  /** The text with entity spans replaced by placeholder words. */
  rest: string;
}

// The text's white space is squeezed first (one space, or one newline: a clause break), so one
// optional \s stands for any amount and no pattern below can backtrack over a long run.
// One-stop codes: <agency>-<yymmdd>-<seq>, agency like 000.00.12.H12 or G22.10 (stray spaces tolerated).
const ONE_STOP = /([0-9a-z]{2,4}(?:\s?\.\s?[0-9a-z]{1,4}){1,4})\s?-\s?(\d{6})\s?-\s?(\d{4,})/gi;
// Other systems' shapes, only when introduced by "mã hồ sơ" / "hồ sơ số" / "số biên nhận"...
const INTRODUCER = /(?:ma\s?(?:ho\s?so|hs)|(?:ho\s?so|hs)\s?(?:so|ma)?|so\s?(?:ho\s?so|bien\s?nhan|hs)|bien\s?nhan(?:\s?so)?)/;
// A code is one token of at most MAX_CODE_CHARS (isAcceptableDossierCode): a longer run is none.
const INTRODUCED = new RegExp(`${INTRODUCER.source}\\s?[:#]?\\s?([0-9a-z][0-9a-z./-]{5,${MAX_CODE_CHARS - 1}})(?![0-9a-z./-])`, 'gi');
const BHXH = /(?<![\d/])(\d{5}\/\d{4}\/\d{5})(?![\d/])/g;
const NATIONAL_CODE = /(?<![\d.])([1-3]\.\d{6})(?![\d.])/;
const PHONE = /(?<![\d+])(?:\+\s?84|84|0)(?:[\s.-]?\d){9}(?!\d)/g;
const ID_NUMBER = /(?<!\d)\d{12}(?!\d)/g;

function replaceSpan(text: string, start: number, end: number, word: string): string {
  return `${text.slice(0, start)} ${word} ${text.slice(end)}`;
}

export function extractEntities(input: string): Entities {
  // Work on a folded copy of the same length: NFC first, then folding (one letter for one) keeps offsets.
  let text = squeezeSpace(input.normalize('NFC'));
  let folded = foldDiacritics(text.toLowerCase());
  if (folded.length !== text.length) {
    text = folded; // a character folded to several: fall back to the folded text only
  }
  let dossierCode: string | null = null;
  let m: RegExpExecArray | null;
  ONE_STOP.lastIndex = 0;
  if ((m = ONE_STOP.exec(folded))) {
    dossierCode = `${m[1].replace(/\s+/g, '')}-${m[2]}-${m[3]}`.toUpperCase();
    text = replaceSpan(text, m.index, m.index + m[0].length, DOSSIER_PLACEHOLDER);
    folded = replaceSpan(folded, m.index, m.index + m[0].length, DOSSIER_PLACEHOLDER);
  }
  BHXH.lastIndex = 0;
  if (!dossierCode && (m = BHXH.exec(folded))) {
    dossierCode = m[1];
    text = replaceSpan(text, m.index, m.index + m[0].length, DOSSIER_PLACEHOLDER);
    folded = replaceSpan(folded, m.index, m.index + m[0].length, DOSSIER_PLACEHOLDER);
  }
  INTRODUCED.lastIndex = 0;
  while (!dossierCode && (m = INTRODUCED.exec(folded))) {
    const code = m[1].replace(/[./-]+$/, '');
    if ((code.match(/\d/g) ?? []).length >= 3 && !NATIONAL_CODE.test(code)) {
      dossierCode = code.toUpperCase();
      const start = m.index + m[0].length - m[1].length;
      text = replaceSpan(text, start, start + m[1].length, DOSSIER_PLACEHOLDER);
      folded = replaceSpan(folded, start, start + m[1].length, DOSSIER_PLACEHOLDER);
    }
  }
  let procedureCode: string | null = null;
  const pc = NATIONAL_CODE.exec(folded);
  if (pc) {
    procedureCode = pc[1];
    text = replaceSpan(text, pc.index, pc.index + pc[0].length, '');
    folded = replaceSpan(folded, pc.index, pc.index + pc[0].length, '');
  }
  let idNumber: string | null = null;
  ID_NUMBER.lastIndex = 0;
  if ((m = ID_NUMBER.exec(folded))) {
    idNumber = m[0];
    text = replaceSpan(text, m.index, m.index + m[0].length, '__id__');
    folded = replaceSpan(folded, m.index, m.index + m[0].length, '__id__');
  }
  let phone: string | null = null;
  PHONE.lastIndex = 0;
  if ((m = PHONE.exec(folded))) {
    const digits = m[0].replace(/\D/g, '');
    phone = digits.startsWith('84') ? `0${digits.slice(2)}` : digits;
    text = replaceSpan(text, m.index, m.index + m[0].length, '__phone__');
  }
  return { dossierCode, phone, idNumber, procedureCode, rest: text };
}

/** "0912345678" -> "091****678". */
export function maskPhone(phone: string): string {
  return phone.length <= 6 ? '***' : `${phone.slice(0, 3)}${'*'.repeat(phone.length - 6)}${phone.slice(-3)}`;
}

/** "001099012345" -> "*********345". */
export function maskId(id: string): string {
  return id.length <= 3 ? '***' : `${'*'.repeat(id.length - 3)}${id.slice(-3)}`;
}
