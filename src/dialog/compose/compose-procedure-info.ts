/** procedure_info: the overview (where, time, fee, online, main documents); details behind buttons. */
import type { Procedure } from '../../catalog/procedure-schema.js';
import { firstSentence } from '../format/shorten-text.js';
import { describeDuration } from './describe-duration.js';
import { describeFee } from './describe-fee.js';
import { groupChannels } from './group-channels.js';
import { documentCounts } from './describe-document.js';
import { procedureTitle } from './procedure-footer.js';
import type { ComposeOptions, ComposedAnswer } from './composed-answer.js';

const MAIN_DOCUMENTS = 3;

export function composeProcedureInfo(p: Procedure, opts: ComposeOptions): ComposedAnswer {
  const a = p.agencies;
  const place = a.receivingAddress ?? a.performing ?? a.competent;
  const blocks = [`Dạ, thông tin thủ tục “${procedureTitle(p)}”:`];
  blocks.push(
    `• Nơi nộp: ${place ?? 'nguồn không ghi rõ cơ quan'}${p.levels.length ? ` (${p.levels.join(', ')})` : ''}`,
  );
  blocks.push(`• Thời gian giải quyết: ${summarise(p, (c) => describeDuration(c.duration))}`);
  blocks.push(`• Lệ phí: ${summarise(p, (c) => describeFee(c.fee, opts.now).main)}`);
  const online = p.channels.some((c) => c.channel === 'truc_tuyen');
  blocks.push(`• Nộp trực tuyến: ${online ? 'có' : 'theo dữ liệu hiện có thì chưa có'}`);
  const docs = p.documents.slice(0, MAIN_DOCUMENTS);
  if (docs.length) {
    blocks.push('• Giấy tờ chính:');
    docs.forEach((d, i) => {
      const counts = documentCounts(d);
      blocks.push(`  ${i + 1}) ${firstSentence(d.name, 140)}${counts ? ` (${counts})` : ''}`);
    });
    if (p.documents.length > MAIN_DOCUMENTS) blocks.push(`  … và ${p.documents.length - MAIN_DOCUMENTS} giấy tờ khác (bấm “Giấy tờ cần nộp”).`);
  }
  blocks.push('Anh/chị bấm các nút bên dưới để xem chi tiết.');
  return { blocks };
}

function summarise(p: Procedure, describe: Parameters<typeof groupChannels>[1]): string {
  if (!p.channels.length) return 'nguồn chưa ghi';
  const lines = groupChannels(p.channels, describe);
  if (lines.length === 1) return lines[0].text;
  return lines.map((l) => `${l.labels.join(', ')}: ${l.text}`).join(' | ');
}
