/**
 * A small index of the everyday names officers taught at run time, consulted by the
 * understander beside the catalog index (which is built once, at start). Each alias
 * is normalised like a message and kept as its content words; a message names the
 * procedure when it holds those words in that order, side by side once stop words
 * are left out ("cho em hỏi làm giấy thông hành cần gì" holds "giấy thông hành").
 * An alias of one content word ("visa"; "giấy đi đường" is "đường" alone) must be the
 * message's only content word: one common word inside a longer message proves nothing.
 * The longest alias found wins.
 */
import type { NormalizedText } from './normalize.js';
import type { TaughtAliasEntry } from './nlu-types.js';
import { QUERY_STOP_WORDS } from './stop-words.js';

export interface TaughtAliasIndex {
  /** The taught procedure the message names, with how many content words matched. */
  match(q: NormalizedText): { code: string; words: number } | null;
}

interface Compiled {
  code: string;
  words: string[];
}

const contentWords = (q: NormalizedText) => q.foldedTokens.filter((t) => !QUERY_STOP_WORDS.has(t));

export function buildTaughtAliasIndex(
  entries: readonly TaughtAliasEntry[],
  normalize: (text: string) => NormalizedText,
  knows: (code: string) => boolean,
): TaughtAliasIndex {
  const compiled: Compiled[] = [];
  for (const e of entries) {
    const words = contentWords(normalize(e.alias));
    // An alias of stop words only, or for a code this catalog lacks, would name nothing.
    if (words.length && knows(e.code)) compiled.push({ code: e.code, words });
  }
  compiled.sort((a, b) => b.words.length - a.words.length);
  return {
    match(q) {
      if (!compiled.length) return null;
      const msg = contentWords(q);
      for (const c of compiled) {
        const found = c.words.length === 1 ? msg.length === 1 && msg[0] === c.words[0] : containsRun(msg, c.words);
        if (found) return { code: c.code, words: c.words.length };
      }
      return null;
    },
  };
}

function containsRun(haystack: readonly string[], run: readonly string[]): boolean {
  outer: for (let i = 0; i + run.length <= haystack.length; i++) {
    for (let j = 0; j < run.length; j++) if (haystack[i + j] !== run[j]) continue outer;
    return true;
  }
  return false;
}
