/**
 * Variant markers: what tells sibling procedures apart ("cấp lại", "có yếu tố nước ngoài",
 * "dưới 14 tuổi"…), read from intents/cues/variant-markers.txt. Each marker finds itself in a
 * procedure's (accented) name and in a citizen's (folded) message.
 */
import { cueSection, loadCues, type CueSections } from './cue-lists.js';
import { createCueMatcher, cueWords, type CueHit, type CueMatcher } from './cue-patterns.js';
import { foldWord } from './fold-diacritics.js';

export interface VariantMarker {
  id: string;
  /** Finds the marker in a procedure name (accented, normalised words). */
  name: CueMatcher;
  /** Finds the citizen saying it (folded words). */
  query: CueMatcher;
  /**
   * Phrases that say it only with their tone marks ("người Bỉ", "người Lào"), whose folded form is
   * everyday Vietnamese ("người bị ốm", "người lao động"): read on the accented words, never folded.
   */
  accented?: CueMatcher;
  /** Markers that saying this one rules out. */
  rulesOut: ReadonlySet<string>;
  /** About who the citizen is (read from the whole message), not the act asked for. */
  situation: boolean;
}

const words = (text: string): string[] => text.split(' ').filter(Boolean);

const CUES = loadCues('variant-markers');

function loadMarkers(cues: CueSections): VariantMarker[] {
  const situation = new Set(cueSection(cues, 'situation').flat());
  const ids = [...cues.keys()].filter((s) => cues.has(`${s}.name`));
  return ids.map((id) => {
    const name = createCueMatcher(cueSection(cues, `${id}.name`), cues);
    const query = createCueMatcher(cueSection(cues, id), cues);
    const accented = cues.has(`${id}.accented`) ? createCueMatcher(cueSection(cues, `${id}.accented`), cues) : undefined;
    const rulesOut = new Set((cues.get(`${id}.rules-out`) ?? []).flat());
    return { id, name, query, accented, rulesOut, situation: situation.has(id) };
  });
}

export const VARIANT_MARKERS: readonly VariantMarker[] = loadMarkers(CUES);

/** Markers that, said with no close candidate carrying one of their serving markers, mean the catalog lacks the procedure. */
export const UNSERVED_UNLESS_NAMED: ReadonlyMap<string, readonly string[]> = new Map(cueSection(CUES, 'unserved-unless-named').map(([said, ...servedBy]) => [said!, servedBy]));

/** Where the citizen says the marker: its folded phrases on the folded words, its accented ones on the words as typed (same positions). */
export function markerHits(m: VariantMarker, foldedTokens: readonly string[], tokens: readonly string[]): CueHit[] {
  const hits = m.query.hits(foldedTokens);
  return m.accented ? [...hits, ...m.accented.hits(tokens)] : hits;
}

/** The markers a procedure name (accented, normalised) carries. */
export function markersInName(accentedText: string): string[] {
  const tokens = words(accentedText);
  return VARIANT_MARKERS.filter((m) => m.name.test(tokens)).map((m) => m.id);
}

/** Positions of the words that say an act marker ("làm lại", "lần đầu", "đổi"): what is done, not to what. */
export function actMarkerPositions(foldedTokens: readonly string[], tokens: readonly string[]): Set<number> {
  const at = new Set<number>();
  for (const m of VARIANT_MARKERS) {
    if (m.situation) continue;
    for (const h of markerHits(m, foldedTokens, tokens)) for (let i = h.start; i < h.end; i++) at.add(i);
  }
  return at;
}

/** Words of the nationality phrases that mark a foreign element (người Hàn, Trung Quốc…). */
export const NATIONALITY_WORDS: ReadonlySet<string> = cueWords(cueSection(CUES, 'nationality'));
/** Words of country names (Úc, Hàn Quốc…): a place the citizen names, never an unknown concept. */
export const COUNTRY_WORDS: ReadonlySet<string> = cueWords(cueSection(CUES, 'country'));

/** A stated age of 14 or more / 6 or more ("con 16 tuổi"), not "dưới 14 tuổi". On padded folded text. */
export const OVER_14 = / (?<!duoi |chua du |chua den )(?:1[4-9]|[2-9][0-9]) tuoi /;
export const OVER_6 = / (?<!duoi |chua du |chua den )(?:[6-9]|[1-9][0-9]) tuoi /;

/**
 * The situation features a message says anywhere (who the citizen is: a foreign spouse, a child,
 * papers already held, a stated age), for the dialog's choice among a family's variants. The act
 * asked for (again, exchange, change…) is read by the understanding from the request alone
 * (NluResult.features): "mất công đi lại" in a story is not "đăng ký lại".
 */
export function saidFeatures(cleaned: string): string[] {
  const tokens = words(cleaned);
  const folded = tokens.map(foldWord);
  const padded = ` ${folded.join(' ')} `;
  const said = new Set(VARIANT_MARKERS.filter((m) => m.situation && markerHits(m, folded, tokens).length).map((m) => m.id));
  if (said.has('lost')) said.add('redo');
  if (OVER_14.test(padded)) {
    said.add('adult');
    said.delete('child');
  }
  return [...said];
}

