/**
 * Yes/no questions about a procedure ("làm khai sinh có mất tiền không", "làm căn cước ở xã được
 * không"): a question tail at the end, no question word, and what is asked (fee charged, originals,
 * certified copies, the commune or province, online, an old paper still valid). The words are data
 * (intents/cues/yes-no.txt; the online words are asks.txt's); the dialog answers yes or no from the
 * record (src/dialog/compose/yes-no-facts.ts).
 */
import { cueSection, loadCues, type CueSections } from './cue-lists.js';
import { foldDiacritics } from './fold-diacritics.js';
import type { YesNoQuestion, YesNoTopic } from './nlu-types.js';
import { createPhraseFinder, type PhraseFinder } from './phrase-finder.js';

/** Topic sections in the order they are tried; the first that matches is the topic. */
const TOPICS: readonly (readonly [string, YesNoTopic])[] = [
  ['topic-charged', 'charged'],
  ['topic-originals', 'originals'],
  ['topic-certified', 'certified'],
  ['topic-level-xa', 'commune'],
  ['topic-level-tinh', 'province'],
  ['topic-validity', 'validity'],
];

export interface YesNoReader {
  /** The question read from the folded text (the original text gives its words), or null when it is not a yes/no question. */
  read(folded: string, text: string): YesNoQuestion | null;
  /** Whether the text asks at all: a question word anywhere, or a yes/no tail at its end. */
  asks(folded: string): boolean;
}

export function createYesNoReader(cues: CueSections = loadCues('yes-no'), asks: CueSections = loadCues('asks')): YesNoReader {
  const tail = createPhraseFinder(cueSection(cues, 'polar-tail'));
  const polite = createPhraseFinder(cueSection(cues, 'polite'));
  const wh = createPhraseFinder(cueSection(cues, 'wh'));
  const leadIn = createPhraseFinder(cueSection(cues, 'lead-in'));
  const topics = TOPICS.map(([section, topic]) => ({ topic, finder: createPhraseFinder(cueSection(cues, section)) }));
  const online = createPhraseFinder(cueSection(asks, 'channel-online'));

  /** Index where the question tail starts, or -1: the tail must end the message, polite words aside. */
  const tailStart = (tokens: readonly string[]): number => {
    let end = tokens.length;
    while (end > 0 && politeEndsAt(polite, tokens, end)) end = politeEndsAt(polite, tokens, end)!;
    const hit = tail.findAll(tokens, Math.max(0, end - 2), end).find((h) => h.end === end);
    return hit ? hit.start : -1;
  };

  return {
    read(folded, text) {
      const tokens = folded.split(' ').filter(Boolean);
      const at = tailStart(tokens);
      if (at <= 0 || wh.findAll(tokens).length) return null;
      const body = tokens.slice(0, at);
      const found = topics.find((t) => t.finder.findAll(body).length);
      const topic = found ? found.topic : online.findAll(body).length ? 'online' : null;
      return { topic, subject: subject(text) };
    },
    asks(folded) {
      const tokens = folded.split(' ').filter(Boolean);
      return tailStart(tokens) > 0 || wh.findAll(tokens).length > 0;
    },
  };

  /** The question's own words without lead-in and tail ("sổ hộ khẩu giấy còn dùng được"). */
  function subject(text: string): string {
    const words = text.replace(/[?!.…]+\s*$/u, '').split(/\s+/).filter(Boolean);
    const folded = words.map((w) => foldDiacritics(w.toLowerCase()));
    const start = leadIn.at(folded, 0)?.end ?? 0;
    const end = tailStart(folded);
    return words.slice(start, end > start ? end : words.length).join(' ');
  }
}

/** Where a polite word that ends at `end` starts ("… không ạ", "… không ad"), if one does. */
function politeEndsAt(polite: PhraseFinder, tokens: readonly string[], end: number): number | undefined {
  for (let start = Math.max(0, end - 2); start < end; start++) {
    const hit = polite.at(tokens, start);
    if (hit?.end === end) return start;
  }
  return undefined;
}
