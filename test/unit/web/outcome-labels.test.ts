import { describe, expect, it } from 'vitest';
import { INTENTS } from '../../../src/nlu/nlu-types.js';
import { OTHER_LABEL, loadOutcomeLabels, parseOutcomeLabels } from '../../../src/web/server/outcome-labels.js';

describe('chart labels for turn-log keys', () => {
  const labels = loadOutcomeLabels();
  it('names every NLU intent and the dialog\'s own outcomes in Vietnamese', () => {
    const keys = [...INTENTS, 'handoff_open', 'media', 'submit_info', 'feedback_lookup', 'dossier_dossier_code', 'dossier_challenge', 'dossier_satisfaction', 'dossier_rating'];
    for (const key of keys) expect([key, labels.labelOf(key)]).not.toEqual([key, OTHER_LABEL]);
    expect(labels.labelOf('dossier_challenge')).toBe('Xác minh chủ hồ sơ');
    expect(labels.labelOf('no_such_key')).toBe(OTHER_LABEL);
  });
  it('refuses a malformed line, naming it', () => {
    expect(() => parseOutcomeLabels('greeting Chào hỏi', 'f.txt')).toThrow('f.txt:1');
  });
});
