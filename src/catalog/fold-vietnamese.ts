/**
 * Vietnamese text without tone marks and with đ→d, as people type when the
 * keyboard has no Telex ("lam can cuoc"). The NLU has its own full
 * normaliser; this small one serves the alias overlay tools and tests.
 */
export function foldVietnamese(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .normalize('NFC');
}

/** Lower case, NFC, single spaces: the form aliases are compared in. */
export function tidyAlias(text: string): string {
  return text.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();
}
