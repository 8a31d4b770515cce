/** ask_online: yes or no first, then how and how long. */
import type { Procedure } from '../../catalog/procedure-schema.js';
import { shortenText } from '../format/shorten-text.js';
import { describeDuration } from './describe-duration.js';
import { agencyLines, channelList } from './compose-location.js';
import { procedurePhrase } from './procedure-footer.js';
import type { ComposedAnswer } from './composed-answer.js';

export function composeOnline(p: Procedure): ComposedAnswer {
  const what = procedurePhrase(p);
  const online = p.channels.filter((c) => c.channel === 'truc_tuyen');
  const blocks: string[] = [];
  if (online.length) {
    blocks.push(`Dạ, có. Thủ tục ${what} nộp trực tuyến được.`);
    const how = online.find((c) => c.description)?.description;
    if (how) blocks.push(`Cách nộp: ${shortenText(how, 240)}`);
    blocks.push(`Thời gian giải quyết khi nộp trực tuyến: ${describeDuration(online[0]!.duration)}.`);
  } else {
    blocks.push(`Dạ, chưa. Thủ tục ${what} hiện chưa nộp trực tuyến được.`);
    if (p.channels.length) blocks.push(`Anh/chị có thể nộp: ${channelList(p)}, tại:`, ...agencyLines(p));
  }
  return { blocks };
}
