/**
 * Word roles in procedure retrieval (intents/cues/word-roles.txt), read once for the modules that use
 * them: the index (name filler), the passages (head cuts) and retrieval (generic words and pairs).
 */
import { loadCues } from './cue-lists.js';

export const WORD_ROLES = loadCues('word-roles');
