/**
 * Chat shorthand, teen code, domain abbreviations and everyday multi-word names, kept as
 * data in intents/abbreviations.txt (`[tokens]` and `[phrases]`, one `written = meant` a line,
 * `#` comments). Order is kept: phrases are matched longest first by their user.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

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

/** Folded (or, where the bare form is another word, accented) token -> accented expansion. */
export const TOKEN_EXPANSIONS: Readonly<Record<string, string>> = Object.freeze(
  Object.assign(Object.create(null) as Record<string, string>, Object.fromEntries(SECTIONS.get('tokens') ?? [])),
);

/** Everyday names -> the catalog's wording (or _place / _detail markers). */
export const PHRASE_EXPANSIONS: ReadonlyArray<readonly [string, string]> = SECTIONS.get('phrases') ?? [];
