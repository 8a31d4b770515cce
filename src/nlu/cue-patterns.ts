/**
 * Cue patterns: word patterns kept as data (intents/cues/*.txt) instead of regular
 * expressions in code. A pattern is a line of folded words and a few operators:
 *
 *   word           that word
 *   a|b|c          one of those words
 *   (dien thoai|app|)  one of those word sequences; an empty one makes the group optional
 *   (a|b c)*N      0 to N of those sequences in a row; (a|b c)+N: 1 to N
 *   *N             0 to N words, any
 *   +N             1 to N words, any
 *   +N!a|b         1 to N words, none of them a or b
 *   ^  $           the start / the end of the message
 *   @section       any pattern of that section of the same file (a word list used twice)
 *   <number>       a number ("vay 50 triệu"); inside a group too: (tien|<number>)
 *
 * A line starting with "- " is an exception: a hit of the section lying inside an exception's
 * hit does not count ("phí" is a fee cue, "miễn phí" inside "học miễn phí" is not). That is how
 * what regular expressions did with look-arounds is said as data.
 *
 * Matching is bounded: gaps are bounded by N, and every pattern is tried only at the positions
 * where its first word occurs, so the work is linear in the (already bounded) message.
 */
import type { CueSections } from './cue-lists.js';

type Element =
  | { kind: 'words'; options: readonly (readonly string[])[] }
  | { kind: 'gap'; min: number; max: number; except: ReadonlySet<string> }
  | { kind: 'repeat'; options: readonly (readonly string[])[]; min: number; max: number }
  | { kind: 'ref'; patterns: readonly Pattern[] }
  | { kind: 'start' }
  | { kind: 'end' };

type Pattern = readonly Element[];

export interface CueHit {
  start: number;
  end: number;
}

export interface CueMatcher {
  /** Every hit of the section's patterns not covered by an exception, ordered by start. */
  hits(tokens: readonly string[]): CueHit[];
  test(tokens: readonly string[]): boolean;
  /** Start of the last hit, or -1. */
  lastStart(tokens: readonly string[]): number;
}

function splitElements(line: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of line) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ' ' && depth === 0) {
      if (cur) parts.push(cur);
      cur = '';
    } else cur += ch;
  }
  if (depth !== 0) throw new Error(`cue pattern "${line}": unbalanced parentheses`);
  if (cur) parts.push(cur);
  return parts;
}

/** The options of a group; an option `@section` stands for that section's lines (plain word lists only). */
function alternatives(body: string, refs?: CueSections): string[][] {
  return body.split('|').flatMap((o) => {
    const words = o.split(' ').filter(Boolean);
    if (words.length !== 1 || !words[0]!.startsWith('@')) return [words];
    const lines = refs?.get(words[0]!.slice(1));
    if (!lines) throw new Error(`cue group "(${body})": no section [${words[0]!.slice(1)}] to refer to`);
    if (lines.some((l) => l.some((w) => /^[*+@^$(]/.test(w)))) throw new Error(`cue group "(${body})": [${words[0]!.slice(1)}] is not a plain word list`);
    return lines.map((l) => [...l]);
  });
}

/** End of `seq` matched at `i`, or -1. */
const NUMBER = /^\d+$/;

function matchWords(seq: readonly string[], tokens: readonly string[], i: number): number {
  if (i + seq.length > tokens.length) return -1;
  for (let j = 0; j < seq.length; j++) {
    const t = tokens[i + j]!;
    if (t !== seq[j] && !(seq[j] === '<number>' && NUMBER.test(t))) return -1;
  }
  return i + seq.length;
}

export function parseCuePattern(line: string, refs?: CueSections): Pattern {
  return splitElements(line.trim()).map((part): Element => {
    if (part === '^') return { kind: 'start' };
    if (part.startsWith('@')) {
      const lines = refs?.get(part.slice(1));
      if (!lines) throw new Error(`cue pattern "${line}": no section [${part.slice(1)}] to refer to`);
      return { kind: 'ref', patterns: lines.map((l) => parseCuePattern(l.join(' '))) };
    }
    if (part === '$') return { kind: 'end' };
    const gap = /^([*+])(\d+)(?:!(.+))?$/.exec(part);
    if (gap) return { kind: 'gap', min: gap[1] === '+' ? 1 : 0, max: Number(gap[2]), except: new Set(gap[3]?.split('|')) };
    const repeat = /^\((.*)\)([*+])(\d+)$/.exec(part);
    if (repeat) return { kind: 'repeat', options: alternatives(repeat[1]!, refs), min: repeat[2] === '+' ? 1 : 0, max: Number(repeat[3]) };
    return { kind: 'words', options: alternatives(part.startsWith('(') ? part.slice(1, -1) : part, refs) };
  });
}

/** Where `pattern` matches from token `i`: the end index of the shortest match, or -1. */
function matchFrom(pattern: Pattern, k: number, tokens: readonly string[], i: number): number {
  if (k === pattern.length) return i;
  const el = pattern[k]!;
  switch (el.kind) {
    case 'start':
      return i === 0 ? matchFrom(pattern, k + 1, tokens, i) : -1;
    case 'end':
      return i === tokens.length ? matchFrom(pattern, k + 1, tokens, i) : -1;
    case 'gap':
      for (let n = 0; n <= el.max && i + n <= tokens.length; n++) {
        if (n > 0 && el.except.has(tokens[i + n - 1]!)) return -1;
        if (n < el.min) continue;
        const end = matchFrom(pattern, k + 1, tokens, i + n);
        if (end >= 0) return end;
      }
      return -1;
    case 'words':
      for (const seq of el.options) {
        const next = matchWords(seq, tokens, i);
        const end = next >= 0 ? matchFrom(pattern, k + 1, tokens, next) : -1;
        if (end >= 0) return end;
      }
      return -1;
    case 'repeat':
      return matchRepeat(pattern, k, tokens, i, 0);
    case 'ref':
      for (const sub of el.patterns) {
        const next = matchFrom(sub, 0, tokens, i);
        const end = next >= 0 ? matchFrom(pattern, k + 1, tokens, next) : -1;
        if (end >= 0) return end;
      }
      return -1;
  }
}

/** A repeat element at `k`, `count` repetitions already taken: fewest repetitions first. */
function matchRepeat(pattern: Pattern, k: number, tokens: readonly string[], i: number, count: number): number {
  const el = pattern[k] as Extract<Element, { kind: 'repeat' }>;
  if (count >= el.min) {
    const end = matchFrom(pattern, k + 1, tokens, i);
    if (end >= 0) return end;
  }
  if (count === el.max) return -1;
  for (const seq of el.options) {
    const next = seq.length ? matchWords(seq, tokens, i) : -1;
    const end = next >= 0 ? matchRepeat(pattern, k, tokens, next, count + 1) : -1;
    if (end >= 0) return end;
  }
  return -1;
}

/** The words a pattern can start with, or null when it can start anywhere. */
function firstWords(pattern: Pattern): string[] | null {
  const el = pattern[0];
  if (el?.kind === 'ref') {
    const all = el.patterns.map(firstWords);
    return all.some((w) => w === null) ? null : all.flatMap((w) => w!);
  }
  if (!el || el.kind !== 'words' || el.options.some((o) => o.length === 0 || o[0] === '<number>')) return null;
  return el.options.map((o) => o[0]!);
}

function indexPatterns(patterns: readonly Pattern[]) {
  const byFirst = new Map<string, Pattern[]>();
  const anywhere: Pattern[] = [];
  for (const p of patterns) {
    const first = firstWords(p);
    if (!first) anywhere.push(p);
    else for (const w of new Set(first)) byFirst.set(w, [...(byFirst.get(w) ?? []), p]);
  }
  const tryAt = (p: Pattern, tokens: readonly string[], i: number, hits: CueHit[]) => {
    const end = matchFrom(p, 0, tokens, i);
    if (end >= 0) hits.push({ start: i, end });
  };
  return (tokens: readonly string[]): CueHit[] => {
    const hits: CueHit[] = [];
    for (let i = 0; i <= tokens.length; i++) {
      const starting = i < tokens.length ? byFirst.get(tokens[i]!) : undefined;
      if (starting) for (const p of starting) tryAt(p, tokens, i, hits);
      for (const p of anywhere) tryAt(p, tokens, i, hits);
    }
    return hits;
  };
}

/** refs: the file's sections, for patterns that say `@section`. */
export function createCueMatcher(lines: readonly (readonly string[])[], refs?: CueSections): CueMatcher {
  const positive: Pattern[] = [];
  const negative: Pattern[] = [];
  for (const words of lines) {
    if (words[0] === '-') negative.push(parseCuePattern(words.slice(1).join(' '), refs));
    else positive.push(parseCuePattern(words.join(' '), refs));
  }
  const findPositive = indexPatterns(positive);
  const findNegative = indexPatterns(negative);
  const hits = (tokens: readonly string[]): CueHit[] => {
    const found = findPositive(tokens);
    if (!found.length || !negative.length) return found;
    const vetoes = findNegative(tokens);
    return found.filter((h) => !vetoes.some((v) => v.start <= h.start && v.end >= h.end));
  };
  return {
    hits,
    test: (tokens) => hits(tokens).length > 0,
    lastStart: (tokens) => hits(tokens).at(-1)?.start ?? -1,
  };
}

/** The literal words a section's patterns can say (exceptions left out). */
export function cueWords(lines: readonly (readonly string[])[]): Set<string> {
  const words = new Set<string>();
  for (const line of lines) {
    if (line[0] === '-') continue;
    for (const part of splitElements(line.join(' '))) {
      if (/^[*+@^$]/.test(part)) continue;
      for (const w of part.split(/[ ()|]+/)) if (/^[\p{L}\d]+$/u.test(w)) words.add(w);
    }
  }
  return words;
}
