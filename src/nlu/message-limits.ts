/**
 * Bounded work per message: the understander reads a bounded prefix of the text and
 * repairs only word-sized tokens, so a pasted log, a base64 blob or a 3,000-letter
 * keyboard mash costs about what a long question costs (docs/nlu.md, "Limits").
 *
 * Usage: const { text, truncated } = readablePrefix(message);
 * The whole message still goes where people read it (feedback tickets, officers in a handoff).
 */

/**
 * Characters (UTF-16 units, after NFC) the understander reads. The longest message of
 * the ~2,900 evaluation rows is 234 characters; a story with its question fits in 600.
 */
export const MAX_READ_CHARS = 600;

/** A cut at the last space is kept when it loses no more than this (else the cut is hard). */
const WORD_CUT_SLACK = 60;

/**
 * Typo repair only for tokens up to this many letters (folded). A Vietnamese syllable has
 * at most 7 letters ("nghiêng"); telex leftovers and doubled letters add two or three
 * ("truwowngf", "passpport"). Repair costs grow with the cube of the length, so a longer
 * token, which is no word anyway, is left as it is.
 */
export const MAX_REPAIR_LETTERS = 12;

/** Tokens longer than this are never words: per-token caches skip them (bounded memory). */
export const MAX_CACHED_TOKEN = 32;

/** NFD spells a Vietnamese letter with at most three units (base, vowel mark, tone). */
const MAX_UNITS_PER_CHAR = 3;

export interface ReadablePrefix {
  /** NFC text with white space squeezed (squeezeSpace), at most MAX_READ_CHARS long. */
  text: string;
  /** Something other than white space was left unread. */
  truncated: boolean;
}

const NON_SPACE = /\S/;
const SPACE = /\s/;
const SPACE_RUN = /\s{2,}/g;

/**
 * One space for a run of white space, one newline when the run holds one (clauses stay apart).
 * Patterns with several \s* in a row then cannot backtrack over a long run: one character is all there is.
 */
export function squeezeSpace(text: string): string {
  return text.replace(SPACE_RUN, (run) => (run.includes('\n') ? '\n' : ' '));
}

/**
 * The part of a message the bot reads (the understander and the dialog): white space squeezed
 * (one linear pass), then NFC and the cut on a window of bounded size.
 */
export function readablePrefix(message: string): ReadablePrefix {
  const squeezed = squeezeSpace(message);
  const window = squeezed.length > MAX_READ_CHARS * MAX_UNITS_PER_CHAR ? squeezed.slice(0, MAX_READ_CHARS * MAX_UNITS_PER_CHAR) : squeezed;
  const nfc = window.normalize('NFC');
  const cut = cutPoint(nfc);
  const truncated = NON_SPACE.test(nfc.slice(cut)) || (window !== squeezed && NON_SPACE.test(squeezed.slice(window.length)));
  return { text: nfc.slice(0, cut), truncated };
}

function cutPoint(nfc: string): number {
  if (nfc.length <= MAX_READ_CHARS) return nfc.length;
  // Cut between words when a space is near the limit: half a word could be "repaired" into another.
  for (let i = MAX_READ_CHARS; i >= MAX_READ_CHARS - WORD_CUT_SLACK; i--) if (SPACE.test(nfc[i])) return i;
  // Never split a surrogate pair (an emoji is two units).
  const last = nfc.charCodeAt(MAX_READ_CHARS - 1);
  return last >= 0xd800 && last <= 0xdbff ? MAX_READ_CHARS - 1 : MAX_READ_CHARS;
}
