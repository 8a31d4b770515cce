/**
 * Variant markers: what tells sibling procedures apart ("cấp lại", "có yếu tố nước ngoài",
 * "dưới 14 tuổi"…), read from intents/cues/variant-markers.txt. Each marker finds itself in a
 * procedure's (accented) name and in a citizen's (folded) message.
 */
import { cueSection, loadCues } from './cue-lists.js';
import { createCueMatcher, cueWords, type CueMatcher } from './cue-patterns.js';

export interface VariantMarker {
  id: string;
  /** Whether a procedure name (accented, normalised) carries the marker. */
  inName(accentedText: string): boolean;
  nameMatcher: CueMatcher;
  /** Whether the citizen says it (folded text). */
  said(foldedText: string): boolean;
  /** Markers that saying this one rules out. */
  rulesOut: ReadonlySet<string>;
  /** About who the citizen is (read from the whole message), not the act asked for. */
  situation: boolean;
}

const words = (text: string): string[] => text.split(' ').filter(Boolean);

function loadMarkers(): VariantMarker[] {
  const cues = loadCues('variant-markers');
  const situation = new Set(cueSection(cues, 'situation').flat());
  const ids = [...cues.keys()].filter((s) => cues.has(`${s}.name`));
  return ids.map((id) => {
    const name = createCueMatcher(cueSection(cues, `${id}.name`), cues);
    const query = createCueMatcher(cueSection(cues, id), cues);
    const rulesOut = new Set((cues.get(`${id}.rules-out`) ?? []).flat());
    return { id, nameMatcher: name, inName: (t) => name.test(words(t)), said: (t) => query.test(words(t)), rulesOut, situation: situation.has(id) };
  });
}

export const VARIANT_MARKERS: readonly VariantMarker[] = loadMarkers();

/** The markers a procedure name (accented, normalised) carries. */
export function markersInName(accentedText: string): string[] {
  const tokens = words(accentedText);
  return VARIANT_MARKERS.filter((m) => m.nameMatcher.test(tokens)).map((m) => m.id);
}

/** Words of the nationality phrases that mark a foreign element (người Hàn, Trung Quốc…). */
export const NATIONALITY_WORDS: ReadonlySet<string> = cueWords(cueSection(loadCues('variant-markers'), 'nationality'));

/** A stated age of 14 or more / 6 or more ("con 16 tuổi"), not "dưới 14 tuổi". On padded folded text. */
export const OVER_14 = / (?<!duoi |chua du |chua den )(?:1[4-9]|[2-9][0-9]) tuoi /;
export const OVER_6 = / (?<!duoi |chua du |chua den )(?:[6-9]|[1-9][0-9]) tuoi /;

/**
 * The situation features a message says anywhere (who the citizen is: a foreign spouse, a child,
 * papers already held, a stated age), for the dialog's choice among a family's variants. The act
 * asked for (again, exchange, change…) is read by the understanding from the request alone
 * (NluResult.features): "mất công đi lại" in a story is not "đăng ký lại".
 */
export function saidFeatures(folded: string): string[] {
  const padded = ` ${folded} `;
  const said = new Set(VARIANT_MARKERS.filter((m) => m.situation && m.said(padded)).map((m) => m.id));
  if (said.has('lost')) said.add('redo');
  if (OVER_14.test(padded)) {
    said.add('adult');
    said.delete('child');
  }
  return [...said];
}

