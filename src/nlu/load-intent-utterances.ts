/**
 * Reads intents/<intent>.txt (one utterance a line, # comments). A line with {tt}
 * is expanded with everyday procedure names from intents/_procedure-names.txt, so the
 * question patterns are learnt apart from any particular procedure.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { INTENTS, type Intent } from './nlu-types.js';

export interface Utterance {
  intent: Intent;
  text: string;
}

function readLines(file: string): string[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
}

/** How many procedure names each {tt} line is expanded with (deterministic rotation). */
const NAMES_PER_TEMPLATE = 6;

export function loadIntentUtterances(dir: string): Utterance[] {
  const names = readLines(join(dir, '_procedure-names.txt'));
  const out: Utterance[] = [];
  let rot = 0;
  for (const intent of INTENTS) {
    for (const line of readLines(join(dir, `${intent}.txt`))) {
      if (!line.includes('{tt}')) {
        out.push({ intent, text: line });
        continue;
      }
      for (let k = 0; k < NAMES_PER_TEMPLATE; k++) {
        out.push({ intent, text: line.replace('{tt}', names[rot++ % names.length]) });
      }
    }
  }
  return out;
}

/** Raw lines of every intent file (for the no-copy test and the typo vocabulary). */
export function readIntentLines(dir: string): string[] {
  return [...INTENTS.map((i) => `${i}.txt`), '_procedure-names.txt'].flatMap((f) => readLines(join(dir, f)));
}
