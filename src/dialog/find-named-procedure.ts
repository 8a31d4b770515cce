/**
 * A catalog procedure whose full name (without "Thủ tục" and the level in
 * brackets) is written in the message: a safety net under the NLU, which can
 * miss or blur a name the citizen typed exactly ("lệ phí cấp đổi thẻ căn cước").
 */
import type { Procedure } from '../catalog/procedure-schema.js';
import type { Catalog } from '../services.js';
import { foldText } from './menu.js';

/** Shorter names ("tách hộ") are too likely to appear by chance. */
const MIN_WORDS = 3;

interface NamedEntry {
  name: string;
  procedure: Procedure;
  /** Has a bracketed qualifier (level): less preferred on a tie. */
  qualified: boolean;
}

const cache = new WeakMap<Catalog, NamedEntry[]>();

export function foldedName(name: string): string {
  return foldText(name.replace(/\([^)]*\)/g, ' ')).replace(/^thu tuc /, '');
}

function entries(catalog: Catalog): NamedEntry[] {
  let list = cache.get(catalog);
  if (!list) {
    list = catalog.procedures
      .map((p) => ({ name: foldedName(p.name), procedure: p, qualified: /\(/.test(p.name) }))
      .filter((e) => e.name.split(' ').length >= MIN_WORDS);
    cache.set(catalog, list);
  }
  return list;
}

export function findNamedProcedure(text: string, catalog: Catalog): Procedure | undefined {
  const folded = ` ${foldText(text)} `;
  let best: NamedEntry | undefined;
  for (const e of entries(catalog)) {
    if (!folded.includes(` ${e.name} `)) continue;
    if (!best || e.name.length > best.name.length || (e.name.length === best.name.length && best.qualified && !e.qualified)) best = e;
  }
  return best?.procedure;
}
