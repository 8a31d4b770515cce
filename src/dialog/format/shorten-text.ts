/** Cut `text` to at most `max` characters at a word boundary, with "…" when cut. */
export function shortenText(text: string, max: number): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  const base = space > max * 0.6 ? cut.slice(0, space) : cut;
  return `${base.replace(/[\s,;:.(–-]+$/, '')}…`;
}

/** The first sentence of a long source paragraph (for lists), shortened to `max`. */
export function firstSentence(text: string, max: number): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  const m = /^(.{20,}?[.;])(\s|$)/.exec(clean);
  return shortenText(m ? m[1].replace(/[.;]$/, '') : clean, max);
}
