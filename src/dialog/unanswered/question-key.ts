/**
 * What a question is about, for grouping the unanswered list and matching
 * "not our procedure" referrals: its content words, folded (no diacritics),
 * without the query stop words (pronouns, particles, "thủ tục", "bao nhiêu"…).
 * "cho em hỏi vay vốn sinh viên" and "vay von sinh vien o dau" share one key.
 */
import { QUERY_STOP_WORDS } from '../../nlu/stop-words.js';
import { foldText } from '../menu.js';

/** Two questions whose content words overlap this much (Jaccard) are one group. */
export const SAME_QUESTION = 0.6;

export function questionWords(text: string): string[] {
  return [...new Set(foldText(text).split(' ').filter((w) => w && /[a-z]/.test(w) && !QUERY_STOP_WORDS.has(w)))];
}

/** The content words, sorted: equal keys are the same question in other words order. */
export function questionKey(text: string): string {
  return questionWords(text).sort().join(' ');
}

/** Jaccard similarity of two word sets. */
export function wordSimilarity(a: readonly string[], b: readonly string[]): number {
  if (!a.length || !b.length) return 0;
  const set = new Set(a);
  const shared = b.filter((w) => set.has(w)).length;
  return shared / (a.length + b.length - shared);
}

/**
 * A message worth an officer's attention: it has words, not only digits or
 * punctuation ("4321", "0000" are verification answers or typos, never questions).
 */
export function isRealQuestion(text: string): boolean {
  return /[a-z]/.test(foldText(text));
}
