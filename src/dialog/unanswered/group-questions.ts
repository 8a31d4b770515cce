/**
 * The unanswered list as a to-do list: real questions only (no bare digits),
 * grouped by similar wording (content words, Jaccard ≥ SAME_QUESTION against the
 * group's most asked wording), most asked first, each marked with what an officer
 * already did about it (taught a procedure name, or recorded a referral).
 */
import type { QuestionReferral, TaughtAlias, UnansweredQuestion } from '../../store/records.js';
import { isRealQuestion, questionKey, questionWords, SAME_QUESTION, wordSimilarity } from './question-key.js';

export type Resolution =
  | { kind: 'alias'; key: string; alias: string; code: string }
  | { kind: 'referral'; key: string; note: string };

export interface QuestionGroup {
  /** Content words of the most asked wording (the referral key when "not our procedure"). */
  key: string;
  /** The most asked wording, as a citizen wrote it. */
  sample: string;
  /** Other wordings in the group (at most MAX_OTHER_SAMPLES). */
  otherSamples: string[];
  /** Unanswered-question keys (normalised text) in the group. */
  questions: string[];
  count: number;
  lastSeen: string;
  reason: UnansweredQuestion['reason'];
  resolution?: Resolution;
}

const MAX_OTHER_SAMPLES = 5;

export function groupQuestions(
  items: readonly UnansweredQuestion[],
  taught: readonly TaughtAlias[] = [],
  referrals: readonly QuestionReferral[] = [],
): QuestionGroup[] {
  const groups: (QuestionGroup & { words: string[] })[] = [];
  const ranked = [...items].sort((a, b) => b.count - a.count || b.lastSeen.localeCompare(a.lastSeen));
  for (const q of ranked) {
    if (!isRealQuestion(q.sample)) continue;
    const words = questionWords(q.sample);
    if (!words.length) continue;
    const group = groups.find((g) => wordSimilarity(g.words, words) >= SAME_QUESTION);
    if (group) {
      group.questions.push(q.normalized);
      group.count += q.count;
      if (q.lastSeen > group.lastSeen) group.lastSeen = q.lastSeen;
      if (group.otherSamples.length < MAX_OTHER_SAMPLES) group.otherSamples.push(q.sample);
      continue;
    }
    groups.push({ key: questionKey(q.sample), words, sample: q.sample, otherSamples: [], questions: [q.normalized], count: q.count, lastSeen: q.lastSeen, reason: q.reason });
  }
  return groups
    .map(({ words, ...g }) => ({ ...g, resolution: resolutionOf(g, words, taught, referrals) }))
    .sort((a, b) => b.count - a.count || b.lastSeen.localeCompare(a.lastSeen));
}

function resolutionOf(g: QuestionGroup, words: string[], taught: readonly TaughtAlias[], referrals: readonly QuestionReferral[]): Resolution | undefined {
  const mine = (questions: readonly string[]) => questions.some((q) => g.questions.includes(q));
  const alias = taught.find((a) => mine(a.questions));
  if (alias) return { kind: 'alias', key: alias.key, alias: alias.alias, code: alias.code };
  // A referral also covers wordings asked after it was recorded (the bot answers those with it).
  const referral = referrals.find((r) => mine(r.questions) || wordSimilarity(words, r.key.split(' ')) >= SAME_QUESTION);
  if (referral) return { kind: 'referral', key: referral.key, note: referral.note };
  return undefined;
}
