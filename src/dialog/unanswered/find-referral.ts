/** The "not our procedure" note an officer recorded for this question (or one worded alike). */
import type { Tx } from '../../store/port.js';
import type { QuestionReferral } from '../../store/records.js';
import { questionWords, SAME_QUESTION, wordSimilarity } from './question-key.js';

export async function findReferral(t: Tx, text: string): Promise<QuestionReferral | undefined> {
  const words = questionWords(text);
  if (!words.length) return undefined;
  let best: { r: QuestionReferral; score: number } | undefined;
  for (const r of await t.listReferrals()) {
    const score = wordSimilarity(words, r.key.split(' '));
    if (score >= SAME_QUESTION && (!best || score > best.score)) best = { r, score };
  }
  return best?.r;
}
