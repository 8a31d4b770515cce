import type { Procedure } from '../../catalog/procedure-schema.js';
import type { OaButton } from '../../platform/zalo/messages.js';
import { shortenText } from '../format/shorten-text.js';

/** Every procedure answer names its national code after this label (the dialog evaluation reads it). */
export const CODE_LABEL = 'Mã thủ tục';

/**
 * Every procedure answer ends with its national code; the procedure's page on the national portal
 * is a button (`sourceButton`), not a 90-character address at the end of every message.
 */
export function procedureFooter(p: Procedure): string {
  return `${CODE_LABEL}: ${p.code}`;
}

/** Opens the procedure's page on the national portal (Zalo shows the page in its browser). */
export function sourceButton(p: Procedure): OaButton | undefined {
  return p.sourceUrl ? { type: 'oa.open.url', title: 'Xem trên Cổng DVC', payload: { url: p.sourceUrl } } : undefined;
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

/** Some national names run to 600 characters; inside a sentence the first words are enough (the code follows). */
const PHRASE_MAX = 90;

/** The name inside a sentence, lower-cased first letter ("lệ phí cấp giấy phép xây dựng"), cut at 90 characters. */
export function procedurePhrase(p: Procedure): string {
  const t = shortenText(procedureTitle(p), PHRASE_MAX);
  return /^\p{Lu}\p{Ll}/u.test(t) ? t.charAt(0).toLocaleLowerCase('vi') + t.slice(1) : t;
}
