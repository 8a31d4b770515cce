/** ask_online: whether the procedure can be submitted online, how, and the portal page. */
import type { Procedure } from '../../catalog/procedure-schema.js';
import { shortenText } from '../format/shorten-text.js';
import { describeDuration } from './describe-duration.js';
import { agencyLines } from './compose-location.js';
import { procedureTitle } from './procedure-footer.js';
import type { ComposedAnswer } from './composed-answer.js';

export function composeOnline(p: Procedure): ComposedAnswer {
  const title = procedureTitle(p);
  const online = p.channels.filter((c) => c.channel === 'truc_tuyen');
  const others = [...new Set(p.channels.filter((c) => c.channel !== 'truc_tuyen').map((c) => c.label))];
  const blocks: string[] = [];
  if (online.length) {
    blocks.push(`Dạ, thủ tục “${title}” có thể nộp trực tuyến.`);
    for (const c of online) {
      if (c.description) blocks.push(`Cách nộp trực tuyến (theo nguồn): ${shortenText(c.description, 400)}`);
      blocks.push(`Thời gian giải quyết khi nộp trực tuyến: ${describeDuration(c.duration)}.`);
    }
    if (others.length) blocks.push(`Ngoài ra anh/chị có thể nộp: ${others.join(', ')}.`);
  } else {
    blocks.push(`Dạ, theo dữ liệu hiện có, thủ tục “${title}” chưa có hình thức nộp trực tuyến.`);
    if (others.length) blocks.push(`Anh/chị có thể nộp: ${others.join(', ')}.`);
  }
  blocks.push('Nơi giải quyết:', ...agencyLines(p));
  blocks.push('Trang của thủ tục trên Cổng Dịch vụ công quốc gia là đường dẫn nguồn ở cuối tin nhắn.');
  return { blocks };
}
