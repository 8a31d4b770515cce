/**
 * Splits text longer than the OA limit (2,000 characters) into several messages,
 * cutting at the last paragraph break, else line break, else sentence end, else
 * space within the limit; a single word longer than the limit is cut hard.
 * Lengths are UTF-16 units (>= the character count, so always within the limit).
 *
 * Usage: splitText(longAnswer) → ['part 1', 'part 2']
 */
import { MAX_TEXT_LENGTH } from './messages.js';

// Boundary finders, strongest first: each returns the cut index (end of the part) or -1.
const BOUNDARIES: ((window: string) => number)[] = [
  (w) => lastMatchEnd(w, /\n[ \t]*\n/g, 0),
  (w) => lastMatchEnd(w, /\n/g, 0),
  // After sentence punctuation (and closing quotes/brackets) followed by whitespace.
  (w) => lastMatchEnd(w, /[.!?…;:]["'”’)\]]*(?=\s)/g, 0),
  (w) => lastMatchEnd(w, /\s/g, 1),
];

/** End index of the last match (minus `back` characters), or -1. */
function lastMatchEnd(window: string, re: RegExp, back: number): number {
  let end = -1;
  for (const m of window.matchAll(re)) end = m.index + m[0].length - back;
  return end;
}

/** A boundary this early would leave a tiny part: try a weaker boundary first. */
const MIN_FILL = 0.5;

function cutIndex(text: string, max: number): number {
  // Look one character past the limit: a boundary right after the limit still ends a part within it.
  const window = text.slice(0, max + 1);
  let best = -1;
  for (const find of BOUNDARIES) {
    const i = Math.min(find(window), max);
    if (i > 0 && i >= max * MIN_FILL) return i;
    if (i > best) best = i;
  }
  if (best > 0) return best;
  // One word longer than the limit: cut hard, but never inside a surrogate pair.
  const code = text.charCodeAt(max - 1);
  return code >= 0xd800 && code <= 0xdbff ? max - 1 : max;
}

export function splitText(text: string, max: number = MAX_TEXT_LENGTH): string[] {
  if (max < 2) throw new RangeError('max must be at least 2');
  const parts: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const i = cutIndex(rest, max);
    const part = rest.slice(0, i).trimEnd();
    if (part) parts.push(part);
    rest = rest.slice(i).trimStart();
  }
  if (parts.length === 0) return [rest];
  if (rest.trim()) parts.push(rest.trimEnd());
  return parts;
}
