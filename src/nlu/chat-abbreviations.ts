/**
 * Chat shorthand, teen code, domain abbreviations and everyday multi-word names, kept as
 * data in intents/abbreviations.txt (`[tokens]` and `[phrases]`, one `written = meant` a line,
 * `#` comments). Order is kept: phrases are matched longest first by their user.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { foldDiacritics } from './fold-diacritics.js';

const FILE = fileURLToPath(new URL('../../intents/abbreviations.txt', import.meta.url));

function readSections(file: string): Map<string, [string, string][]> {
  const sections = new Map<string, [string, string][]>();
  let current: [string, string][] | undefined;
  for (const raw of readFileSync(file, 'utf8').split('\n')) {
    const line = raw.replace(/#.*/, '').trim();
    if (!line) continue;
    const header = /^\[(\w+)\]$/.exec(line);
    if (header) sections.set(header[1]!, (current = []));
    else {
      const eq = line.indexOf(' = ');
      if (!current || eq < 0) throw new Error(`${file}: "${line}" is not "written = meant" inside a [section]`);
      current.push([line.slice(0, eq).trim(), line.slice(eq + 3).trim()]);
    }
  }
  return sections;
}

const SECTIONS = readSections(FILE);

const tokens: Record<string, string> = Object.assign(Object.create(null) as Record<string, string>, Object.fromEntries(SECTIONS.get('tokens') ?? []));

/** Folded (or, where the bare form is another word, accented) token -> accented expansion. */
export const TOKEN_EXPANSIONS: Readonly<Record<string, string>> = tokens;

/**
 * `[initials]`: an abbreviation made of the first letters of words a catalog name holds ("lltp =
 * lltp"; "ltp = lltp" is said for the same words). The words are read from the catalog's names when
 * the understander starts, so no name is written in the data twice. A name already known wins.
 */
export function learnInitialisms(names: readonly string[]): void {
  for (const [written, initials] of SECTIONS.get('initials') ?? []) {
    if (tokens[written]) continue;
    const words = commonestWindow(names, initials);
    if (words) tokens[written] = words;
  }
}

/** The run of words (lower case) whose first letters spell `initials`, said most often in `names`. */
function commonestWindow(names: readonly string[], initials: string): string | undefined {
  const counts = new Map<string, number>();
  for (const name of names) {
    const words = name.normalize('NFC').toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
    for (let i = 0; i + initials.length <= words.length; i++) {
      const run = words.slice(i, i + initials.length);
      if (run.every((w, k) => foldDiacritics(w[0]!) === initials[k])) counts.set(run.join(' '), (counts.get(run.join(' ')) ?? 0) + 1);
    }
  }
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0];
}

/** Everyday names -> the catalog's wording (or _place / _detail markers). */
export const PHRASE_EXPANSIONS: ReadonlyArray<readonly [string, string]> = SECTIONS.get('phrases') ?? [];
