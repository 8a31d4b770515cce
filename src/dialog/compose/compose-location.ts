/** ask_location: the office first, its level and address, then the ways to file in a line. */
import type { Procedure } from '../../catalog/procedure-schema.js';
import { shortenText } from '../format/shorten-text.js';
import { procedurePhrase } from './procedure-footer.js';
import type { ComposedAnswer } from './composed-answer.js';

/** The office that receives the file, and where that was read ("" when from the agency fields). */
export function receivingOffice(p: Procedure): { office?: string; fromSteps: boolean } {
  const a = p.agencies;
  const office = a.performing ?? a.competent;
  if (office) return { office, fromSteps: false };
  if (a.fromSteps) return { office: a.fromSteps.office, fromSteps: true };
  return { fromSteps: false };
}

/** " (cấp xã)" after an office, unless its name says its level ("Cơ quan đăng ký kinh doanh cấp xã"). */
export function levelNote(p: Procedure, office?: string): string {
  if (!p.levels.length || (office && /cấp (?:xã|tỉnh|huyện|trung ương)|xã, phường/iu.test(office))) return '';
  return ` (${p.levels.join(', ').toLocaleLowerCase('vi')})`;
}

export function agencyLines(p: Procedure): string[] {
  const a = p.agencies;
  const { office, fromSteps } = receivingOffice(p);
  const level = levelNote(p, office);
  const lines: string[] = [];
  if (office) lines.push(`• ${shortenText(office, 200)}${level}${fromSteps ? ', theo các bước thực hiện thủ tục' : ''}`);
  else lines.push(`• Bộ phận Một cửa${level}; anh/chị vui lòng hỏi nơi cư trú để biết đúng cơ quan.`);
  if (a.receivingAddress) lines.push(`• Địa chỉ: ${shortenText(a.receivingAddress, 200)}`);
  return lines;
}

/** "trực tiếp, trực tuyến, qua bưu chính". */
export function channelList(p: Procedure): string {
  const labels = [...new Set(p.channels.map((c) => c.label.toLocaleLowerCase('vi').replace(/^dịch vụ bưu chính$/u, 'qua bưu chính')))];
  return labels.join(', ');
}

export function composeLocation(p: Procedure): ComposedAnswer {
  const blocks = [`Dạ, hồ sơ ${procedurePhrase(p)} nộp tại:`, ...agencyLines(p)];
  if (p.channels.length) blocks.push(`Cách nộp: ${channelList(p)}.`);
  const direct = p.channels.find((c) => c.channel === 'truc_tiep' && c.description)?.description;
  if (direct) blocks.push(`Nộp trực tiếp: ${shortenText(direct, 220)}`);
  return { blocks };
}
