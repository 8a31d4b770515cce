/**
 * Shared convention with the NLU: a national code N.NNNNNN in a message refers
 * to exactly that procedure (buttons carry it in their payloads).
 */
import type { Catalog } from '../services.js';
import type { Procedure } from '../catalog/procedure-schema.js';

const CODE_RE = /(?<![\d.])(\d\.\d{6})(?![\d])/g;

/** Every national code written in `text`, in order, without duplicates. */
export function findCodes(text: string): string[] {
  return [...new Set([...text.matchAll(CODE_RE)].map((m) => m[1]))];
}

export interface CodeLookup {
  /** The first code in the text that the catalog holds. */
  procedure?: Procedure;
  /** A code was written but the catalog holds none of them. */
  unknownCode?: string;
}

export function lookupCode(text: string, catalog: Catalog): CodeLookup {
  const codes = findCodes(text);
  for (const code of codes) {
    const p = catalog.byCode(code);
    if (p) return { procedure: p };
  }
  return codes.length ? { unknownCode: codes[0] } : {};
}
