/**
 * Whether a folded token has the shape of a Vietnamese syllable. Typo correction only
 * touches tokens that do not (e.g. "sinhf", "dnag", "thuog"): a well-formed syllable
 * missing from our vocabulary is more likely a real word we do not know ("thất")
 * than a typo, and "correcting" it would invent meaning.
 */
const ONSET = '(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnpqrstvx])?';
const NUCLEUS =
  '(?:oai|oay|oeo|uay|uoi|uou|uya|uye|uyu|ieu|yeu|uoi|ai|ao|au|ay|eo|eu|ia|ie|iu|oa|oe|oi|oo|ua|ue|ui|uo|uu|uy|ye|a|e|i|o|u|y)';
const CODA = '(?:ch|ng|nh|[cmnpt])?';
const SHAPE = new RegExp(`^${ONSET}${NUCLEUS}${CODA}$`);

export function looksLikeSyllable(folded: string): boolean {
  return SHAPE.test(folded);
}
