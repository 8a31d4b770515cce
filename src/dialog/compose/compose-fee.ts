/** ask_fee: the fee per channel as it applies today, then exemptions and conditions. */
import type { Procedure } from '../../catalog/procedure-schema.js';
import { describeFee } from './describe-fee.js';
import { channelBullets, groupChannels } from './group-channels.js';
import { procedureTitle } from './procedure-footer.js';
import type { ComposeOptions, ComposedAnswer } from './composed-answer.js';

export function composeFee(p: Procedure, opts: ComposeOptions): ComposedAnswer {
  const blocks = [`Dạ, lệ phí thủ tục “${procedureTitle(p)}” (áp dụng tại ngày ${opts.todayText}):`];
  if (!p.channels.length) {
    blocks.push('Nguồn chưa có thông tin về lệ phí của thủ tục này; anh/chị vui lòng hỏi nơi nộp hồ sơ.');
    return { blocks };
  }
  blocks.push(...channelBullets(groupChannels(p.channels, (c) => describeFee(c.fee, opts.now).main)));
  const notes = [...new Set(p.channels.map((c) => describeFee(c.fee, opts.now).note).filter((n): n is string => Boolean(n)))];
  if (notes.length) blocks.push('Miễn, giảm và điều kiện (theo nguồn):', ...notes.map((n) => `- ${n}`));
  return { blocks };
}
