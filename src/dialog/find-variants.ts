/**
 * Other catalog procedures that are variants of `p` (its name plus a qualifier:
 * "… có yếu tố nước ngoài", "… lưu động", other levels), named under an
 * overview so that a citizen whose case differs can ask for the right one.
 */
import type { Procedure } from '../catalog/procedure-schema.js';
import type { Catalog } from '../services.js';
import { foldText } from './menu.js';

const core = (name: string) => foldText(name).replace(/^thu tuc /, '').trim();

export function findVariants(p: Procedure, catalog: Catalog, max = 3): Procedure[] {
  const base = core(p.name);
  // Too short a core ("cap lai") would match half the catalog.
  if (base.split(' ').length < 3) return [];
  return catalog.procedures
    .filter((q) => q.code !== p.code)
    .filter((q) => {
      const other = core(q.name);
      return other === base || (other.includes(base) && other.length <= base.length + 40);
    })
    .slice(0, max);
}
