import type { Procedure } from '../../catalog/procedure-schema.js';

/** Every procedure answer names its national code after this label (the dialog evaluation reads it). */
export const CODE_LABEL = 'Mã thủ tục';

/** Every procedure answer ends with this, so a citizen can check the source. */
export function procedureFooter(p: Procedure): string {
  return `${CODE_LABEL}: ${p.code} — Nguồn: ${p.sourceUrl}`;
}

/** The national code a reply text answers with, if any ("Mã thủ tục: 1.001193"). */
export function answeredCode(text: string): string | undefined {
  const at = text.indexOf(`${CODE_LABEL}: `);
  if (at < 0) return undefined;
  return /^[\d.]+\d/.exec(text.slice(at + CODE_LABEL.length + 2))?.[0];
}

/** The name as said inside a sentence: without the leading "Thủ tục". */
export function procedureTitle(p: Procedure): string {
  const name = p.name.replace(/^\s*thủ tục\s+/i, '').trim().replace(/\.$/, '');
  return name.charAt(0).toLocaleUpperCase('vi') + name.slice(1);
}
