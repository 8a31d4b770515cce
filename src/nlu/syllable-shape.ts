/**
 * Whether a folded token has the shape of a Vietnamese syllable. Typo correction only
 * touches tokens that do not (e.g. "sinhf", "dnag", "thuog"): a well-formed syllable
 * missing from our vocabulary is more likely a real word we do not know ("thất")
 * than a typo, and "correcting" it would invent meaning.
 */
const ONSET = '(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnpqrstvx])?';
// Nuclei that end the syllable (mái, ngoài, hưu) and nuclei that may take a final consonant.
const OPEN_NUCLEUS = '(?:oai|oay|oeo|uay|uoi|uou|uya|uyu|ieu|yeu|ai|ao|au|ay|eo|eu|ia|iu|oi|ua|ui|uu|ya)';
const NUCLEUS = '(?:uye|ie|uo|ye|oa|oe|uy|ue|oo|a|e|i|o|u|y)';
const CODA = '(?:ch|ng|nh|[cmnpt])?';
const SHAPE = new RegExp(`^${ONSET}(?:${OPEN_NUCLEUS}|${NUCLEUS}${CODA})$`);

export function looksLikeSyllable(folded: string): boolean {
  return SHAPE.test(folded);
}
