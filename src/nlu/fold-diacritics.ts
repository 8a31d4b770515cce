/** Diacritic-free view of lower-case Vietnamese text (đ -> d), for unaccented input. */
export function foldDiacritics(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
}
