/**
 * ask_fee: the direct answer first ("Dạ, lệ phí … nộp trực tuyến là 7.000 đồng…"),
 * the asked channel before the others, then one line of exemptions; nothing else.
 */
import type { Procedure } from '../../catalog/procedure-schema.js';
import { shortenText } from '../format/shorten-text.js';
import { describeFee } from './describe-fee.js';
import { groupChannels } from './group-channels.js';
import { procedurePhrase } from './procedure-footer.js';
import type { ComposeOptions, ComposedAnswer } from './composed-answer.js';

const lower = (s: string) => s.toLocaleLowerCase('vi');
/** " là 7.000 đồng" / ": miễn phí." */
const LEAD_OF = (main: string) => (/^\d/u.test(main) ? ' là ' : ': ');
/** "Dịch vụ bưu chính" → "qua bưu chính". */
const way = (labels: string[]) => lower(labels.join(', ')).replace(/dịch vụ bưu chính/gu, 'qua bưu chính');

export function composeFee(p: Procedure, opts: ComposeOptions): ComposedAnswer {
  const what = `lệ phí ${procedurePhrase(p)}`;
  if (!p.channels.length) return { blocks: [`Dạ, ${what} chưa có thông tin, anh/chị vui lòng hỏi nơi nộp hồ sơ.`] };
  const fee = (c: Procedure['channels'][number]) => describeFee(c.fee, opts.now).main;
  const asked = opts.channel ? p.channels.filter((c) => c.channel === opts.channel) : [];
  const others = asked.length ? p.channels.filter((c) => c.channel !== opts.channel) : p.channels;
  const blocks: string[] = [];
  const groups = groupChannels(others, fee);
  if (asked.length) {
    // The asked channel in full; the others in short, and only when they differ.
    const main = fee(asked[0]!);
    blocks.push(`Dạ, ${what} khi nộp ${way([asked[0]!.label])}${LEAD_OF(main)}${shortenText(main, 500)}`);
    for (const g of groups) if (g.text !== main) blocks.push(`• Nộp ${way(g.labels)}: ${shortenText(g.text, 160)}`);
  } else if (groups.length === 1) {
    blocks.push(`Dạ, ${what}${LEAD_OF(groups[0].text)}${groups[0].text}`);
  } else {
    blocks.push(`Dạ, ${what}:`);
    for (const g of groups) blocks.push(`• Nộp ${way(g.labels)}: ${g.text}`);
  }
  const notes = [...new Set(p.channels.map((c) => describeFee(c.fee, opts.now).note).filter((n): n is string => Boolean(n)))];
  // A time-limited reduction: say the day the amounts are for.
  if (p.channels.some((c) => c.fee.amounts.some((a) => a.validFrom || a.validUntil))) blocks.push(`Mức thu trên áp dụng tại ngày ${opts.todayText}.`);
  // Only a note that exempts or reduces; a note that repeats the tariff is already said above.
  const exemption = notes.find((n) => /miễn|giảm|không thu|không phải nộp/iu.test(n));
  if (exemption) blocks.push(`Miễn, giảm: ${shortenText(exemption, 220)}`);
  return { blocks };
}
