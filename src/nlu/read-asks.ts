/**
 * The questions a procedure message asks, and the way of filing it is about:
 * "phí với thời hạn đổi bằng lái" asks two things; "cấp bản sao nộp qua mạng thì
 * phí bao nhiêu" asks the fee *for the online channel* (a slot), not whether filing
 * online is possible; "làm online được không" does ask that. Channel and capability
 * words live in intents/cues/asks.txt; the question cues themselves in intent-rules.ts.
 */
import { askCues, type AskIntent } from './intent-rules.js';
import { cueSection, loadCues, type CueSections } from './cue-lists.js';
import { createPhraseFinder } from './phrase-finder.js';
import type { FilingChannel } from './nlu-types.js';


export interface AskReading {
  /** Every question asked, in the order said. */
  asks: AskIntent[];
  /** The one the answer leads with (online when asked as such, else the question said last). */
  primary: AskIntent | null;
  /** The way of filing the question is about, when one is named. */
  channel: FilingChannel | null;
}

export type AskReader = (folded: string) => AskReading;

const CHANNEL_SECTIONS: readonly (readonly [string, FilingChannel])[] = [
  ['channel-online', 'truc_tuyen'],
  ['channel-post', 'buu_chinh'],
  ['channel-in-person', 'truc_tiep'],
];

export function createAskReader(cues: CueSections = loadCues('asks')): AskReader {
  const channels = CHANNEL_SECTIONS.map(([section, channel]) => ({ channel, finder: createPhraseFinder(cueSection(cues, section)) }));
  const capability = createPhraseFinder(cueSection(cues, 'capability'));

  return (folded) => {
    const tokens = folded.split(' ').filter(Boolean);
    let channel: FilingChannel | null = null;
    let at = Infinity;
    for (const c of channels) {
      const first = c.finder.findAll(tokens)[0];
      if (first && first.start < at) {
        at = first.start;
        channel = c.channel;
      }
    }
    let asks = askCues(folded).map((f) => f.intent);
    const others = asks.filter((a) => a !== 'ask_online');
    // "nộp online thì lệ phí bao nhiêu": online qualifies the other question, unless it asks "được không".
    if (asks.includes('ask_online') && others.length && capability.findAll(tokens).length === 0) {
      asks = others;
      channel ??= 'truc_tuyen';
    }
    const primary = asks.includes('ask_online') ? 'ask_online' : (asks.at(-1) ?? null);
    return { asks, primary, channel };
  };
}
