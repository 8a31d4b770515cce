/**
 * Cue phrases kept as data in intents/cues/<file>.txt: `[section]` headers, one phrase a
 * line (written folded, without diacritics, unless the file says its words are compared as
 * typed), `#` comments. Code holds the mechanisms that use them; the words themselves are
 * reviewed as data.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const DEFAULT_CUES_DIR = fileURLToPath(new URL('../../intents/cues', import.meta.url));

/** section name -> phrases, each as its folded words. */
export type CueSections = ReadonlyMap<string, readonly (readonly string[])[]>;

export function readCueFile(file: string): CueSections {
  const sections = new Map<string, string[][]>();
  let current: string[][] | undefined;
  for (const raw of readFileSync(file, 'utf8').split('\n')) {
    const line = raw.replace(/#.*/, '').trim();
    if (!line) continue;
    const header = /^\[([\w.-]+)\]$/.exec(line);
    if (header) {
      current = [];
      sections.set(header[1]!, current);
      continue;
    }
    if (!current) throw new Error(`${file}: "${line}" comes before any [section]`);
    current.push(line.toLowerCase().split(/\s+/));
  }
  return sections;
}

/** Files already read: several modules read the same cue file (yes-no.txt, word-roles.txt), once. */
const loaded = new Map<string, CueSections>();

export function loadCues(name: string, dir = DEFAULT_CUES_DIR): CueSections {
  const file = join(dir, `${name}.txt`);
  let cues = loaded.get(file);
  if (!cues) loaded.set(file, (cues = readCueFile(file)));
  return cues;
}

/** One section, or an error naming the file's sections (a typo in a section name must not pass silently). */
export function cueSection(cues: CueSections, section: string): readonly (readonly string[])[] {
  const s = cues.get(section);
  if (!s) throw new Error(`cue section [${section}] missing (have: ${[...cues.keys()].join(', ')})`);
  return s;
}

/** A section of one word a line, as a set (a line of several words is an error: it would never match a word). */
export function cueWordSet(cues: CueSections, section: string): ReadonlySet<string> {
  const lines = cueSection(cues, section);
  const long = lines.find((l) => l.length !== 1);
  if (long) throw new Error(`cue section [${section}] holds single words, not "${long.join(' ')}"`);
  return new Set(lines.map((l) => l[0]!));
}

/** A section's lines as phrases, each its words joined by one space ("giay to"): for looking up a word or a word pair. */
export function cuePhraseSet(cues: CueSections, section: string): ReadonlySet<string> {
  return new Set(cueSection(cues, section).map((l) => l.join(' ')));
}
