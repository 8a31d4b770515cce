/** ask_online: yes or no first (the yes/no reader of yes-no-facts.ts), then how and how long. */
import type { Procedure } from '../../catalog/procedure-schema.js';
import { shortenText } from '../format/shorten-text.js';
import { describeDuration } from './describe-duration.js';
import { agencyLines, channelList } from './compose-location.js';
import { onlineFact } from './yes-no-facts.js';
import type { ComposedAnswer } from './composed-answer.js';

export function composeOnline(p: Procedure): ComposedAnswer {
  const online = p.channels.filter((c) => c.channel === 'truc_tuyen');
  const blocks: string[] = [onlineFact(p).lead];
  if (online.length) {
    const how = online.find((c) => c.description)?.description;
    if (how) blocks.push(`Cách nộp: ${shortenText(how, 240)}`);
    blocks.push(`Thời gian giải quyết khi nộp trực tuyến: ${describeDuration(online[0]!.duration)}.`);
  } else {
    if (p.channels.length) blocks.push(`Anh/chị có thể nộp: ${channelList(p)}, tại:`, ...agencyLines(p));
  }
  return { blocks };
}
