/** ask_fee: the fee per channel as it applies today, then exemptions and conditions. */
import type { Procedure } from '../../catalog/procedure-schema.js';
import { describeFee } from './describe-fee.js';
import { channelBullets, groupChannels } from './group-channels.js';
import { procedureTitle } from './procedure-footer.js';
import type { ComposeOptions, ComposedAnswer } from './composed-answer.js';

export function composeFee(p: Procedure, opts: ComposeOptions): ComposedAnswer {
  // The channel asked about is answered first, in one sentence ("nộp trực tuyến là 7.000 đồng").
  const asked = opts.channel ? p.channels.filter((c) => c.channel === opts.channel) : [];
  const lead = asked.length
    ? `Dạ, lệ phí thủ tục “${procedureTitle(p)}” khi nộp ${asked[0]!.label.toLocaleLowerCase('vi')}: ${describeFee(asked[0]!.fee, opts.now).main}`
    : undefined;
  const blocks = lead
    ? [lead, `Các hình thức nộp (áp dụng tại ngày ${opts.todayText}):`]
    : [`Dạ, lệ phí thủ tục “${procedureTitle(p)}” (áp dụng tại ngày ${opts.todayText}):`];
  if (!p.channels.length) {
    blocks.push('Nguồn chưa có thông tin về lệ phí của thủ tục này; anh/chị vui lòng hỏi nơi nộp hồ sơ.');
    return { blocks };
  }
  blocks.push(...channelBullets(groupChannels(p.channels, (c) => describeFee(c.fee, opts.now).main)));
  const notes = [...new Set(p.channels.map((c) => describeFee(c.fee, opts.now).note).filter((n): n is string => Boolean(n)))];
  if (notes.length) blocks.push('Miễn, giảm và điều kiện (theo nguồn):', ...notes.map((n) => `- ${n}`));
  return { blocks };
}
