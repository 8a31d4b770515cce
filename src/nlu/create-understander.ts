// STUB (owned by the NLU work): replaced by the real understander.
import type { Catalog } from '../services.js';
import type { Understander } from './nlu-types.js';

export function createUnderstander(_catalog: Catalog): Understander {
  return {
    understand(text) {
      return {
        text,
        normalized: text.toLowerCase(),
        folded: text.toLowerCase(),
        intent: /ch[aà]o|hello|hi\b/i.test(text) ? 'greeting' : 'out_of_scope',
        intentConfidence: 0.5,
        procedure: null,
        candidates: [],
        procedureMentionedButUnknown: false,
        ambiguous: false,
        dossierCode: null,
        phone: null,
        idNumber: null,
      };
    },
  };
}
