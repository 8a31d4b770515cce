/** ask_location: agency and level, the channels, and the portal page. */
import type { Procedure } from '../../catalog/procedure-schema.js';
import { shortenText } from '../format/shorten-text.js';
import { procedureTitle } from './procedure-footer.js';
import type { ComposedAnswer } from './composed-answer.js';

export function agencyLines(p: Procedure): string[] {
  const a = p.agencies;
  const lines: string[] = [];
  if (a.performing) lines.push(`• Cơ quan thực hiện: ${a.performing}`);
  if (a.competent && a.competent !== a.performing) lines.push(`• Cơ quan có thẩm quyền: ${a.competent}`);
  if (a.receivingAddress) lines.push(`• Địa chỉ tiếp nhận hồ sơ: ${shortenText(a.receivingAddress, 300)}`);
  if (a.delegated) lines.push(`• Cơ quan được ủy quyền: ${a.delegated}`);
  if (!lines.length) lines.push('• Nguồn không ghi rõ cơ quan tiếp nhận; anh/chị vui lòng hỏi Bộ phận Một cửa nơi cư trú.');
  if (p.levels.length) lines.push(`• Cấp thực hiện: ${p.levels.join(', ')}`);
  return lines;
}

export function channelLines(p: Procedure): string[] {
  const seen = new Set<string>();
  return p.channels
    .filter((c) => !seen.has(c.channel) && seen.add(c.channel))
    .map((c) => (c.description ? `• ${c.label}: ${shortenText(c.description, 260)}` : `• ${c.label}`));
}

export function composeLocation(p: Procedure): ComposedAnswer {
  const blocks = [`Dạ, thủ tục “${procedureTitle(p)}” nộp tại:`, ...agencyLines(p)];
  if (p.channels.length) blocks.push('Các hình thức nộp:', ...channelLines(p));
  blocks.push('Trang của thủ tục trên Cổng Dịch vụ công quốc gia là đường dẫn nguồn ở cuối tin nhắn.');
  return { blocks };
}
