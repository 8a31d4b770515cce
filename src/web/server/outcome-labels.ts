/**
 * Vietnamese names for turn-log keys (intents and dialog outcomes), read from
 * intents/labels/turn-outcomes.txt, so the console's charts never show raw keys.
 *
 * Usage: const labels = loadOutcomeLabels(); labels.labelOf('dossier_challenge') // 'Xác minh chủ hồ sơ'
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const DEFAULT_OUTCOME_LABELS_FILE = fileURLToPath(new URL('../../../intents/labels/turn-outcomes.txt', import.meta.url));
/** What a key missing from the file is charted as. */
export const OTHER_LABEL = 'Khác';

export interface OutcomeLabels {
  labelOf(key: string): string;
}

export function parseOutcomeLabels(text: string, file = 'labels'): Map<string, string> {
  const labels = new Map<string, string>();
  text.split('\n').forEach((raw, i) => {
    const line = raw.replace(/#.*/, '').trim();
    if (!line) return;
    const eq = line.indexOf('=');
    const key = line.slice(0, eq).trim();
    const label = line.slice(eq + 1).trim();
    if (eq < 0 || !/^[a-z_]+$/.test(key) || !label) throw new Error(`${file}:${i + 1}: expected "key = label", got "${line}"`);
    labels.set(key, label);
  });
  return labels;
}

export function loadOutcomeLabels(file = DEFAULT_OUTCOME_LABELS_FILE): OutcomeLabels {
  const labels = parseOutcomeLabels(readFileSync(file, 'utf8'), file);
  return { labelOf: (key) => labels.get(key) ?? OTHER_LABEL };
}
