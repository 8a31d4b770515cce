/**
 * Quote the portal's own words when the cleaned value is uncertain.
 * The portal's fee column often reads "Miễn phí" followed by "(Mức lệ phí cụ thể
 * do HĐND tỉnh quyết định…)": the column value is dropped so that a fee set by
 * the province is never presented as free; the explanation is quoted as written.
 */
import { shortenText } from '../format/shorten-text.js';

export function quoteSource(raw: string, max = 400): string | undefined {
  let text = raw.normalize('NFC').replace(/\s+/g, ' ').trim();
  text = text.replace(/^(miễn phí|không có thông tin|không)\s*/i, '');
  // Unwrap one or two levels of surrounding parentheses: "((...))".
  for (let i = 0; i < 2; i++) {
    const m = /^\((.*)\)$/.exec(text);
    if (m) text = m[1].trim();
  }
  text = text.replace(/^\(+/, '').replace(/\)+(\s*$)/, '$1').trim();
  if (text.length < 3) return undefined;
  return `“${shortenText(text, max)}”`;
}
