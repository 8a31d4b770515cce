import type { Procedure } from '../../catalog/procedure-schema.js';

/** Every procedure answer ends with this, so a citizen can check the source. */
export function procedureFooter(p: Procedure): string {
  return `Mã thủ tục: ${p.code} — Nguồn: ${p.sourceUrl}`;
}

/** The name as said inside a sentence: without the leading "Thủ tục". */
export function procedureTitle(p: Procedure): string {
  const name = p.name.replace(/^\s*thủ tục\s+/i, '').trim().replace(/\.$/, '');
  return name.charAt(0).toLocaleUpperCase('vi') + name.slice(1);
}
