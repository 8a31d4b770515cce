/** procedure_info: the overview in a few lines (where, time, fee, online, the form); details behind buttons. */
import type { Procedure } from '../../catalog/procedure-schema.js';
import { describeDuration } from './describe-duration.js';
import { shortenText } from '../format/shorten-text.js';
import { describeFee } from './describe-fee.js';
import { groupChannels } from './group-channels.js';
import { describeDocument } from './describe-document.js';
import { documentsByCase } from './compose-documents.js';
import { levelNote, receivingOffice } from './compose-location.js';
import { procedurePhrase } from './procedure-footer.js';
import type { ComposeOptions, ComposedAnswer } from './composed-answer.js';

const MAIN_DOCUMENTS = 2;

export function composeProcedureInfo(p: Procedure, opts: ComposeOptions): ComposedAnswer {
  const { office } = receivingOffice(p);
  const blocks = [`Dạ, thủ tục ${procedurePhrase(p)}:`];
  blocks.push(`• Nơi nộp: ${office ? shortenText(office, 160) : 'Bộ phận Một cửa'}${levelNote(p, office)}`);
  blocks.push(`• Thời gian: ${summarise(p, (c) => describeDuration(c.duration))}`);
  blocks.push(`• Lệ phí: ${summarise(p, (c) => describeFee(c.fee, opts.now).main)}`);
  blocks.push(`• Nộp trực tuyến: ${p.channels.some((c) => c.channel === 'truc_tuyen') ? 'có' : 'chưa'}`);
  const { core } = documentsByCase(p.documents);
  // A lead before the overview (a yes/no answer) leaves room for fewer papers.
  const docs = core.slice(0, Math.max(0, MAIN_DOCUMENTS - Math.ceil((opts.reserved ?? 0) / 200)));
  if (docs.length) {
    blocks.push(`• Giấy tờ chính: ${docs.map((d) => describeDocument(d, 90)).join('; ')}${p.documents.length > docs.length ? '…' : ''}`);
  }
  blocks.push('Anh/chị bấm các nút bên dưới để xem chi tiết.');
  return { blocks };
}

function summarise(p: Procedure, describe: Parameters<typeof groupChannels>[1]): string {
  if (!p.channels.length) return 'chưa có thông tin';
  const lines = groupChannels(p.channels, describe);
  const short = (t: string) => (t.length > 140 ? `${t.slice(0, 137).replace(/\s+\S*$/u, '')}…` : t);
  if (lines.length === 1) return short(lines[0].text);
  return lines
    .slice(0, 3)
    .map((l) => `${l.labels.join(', ').toLocaleLowerCase('vi')}: ${short(l.text)}`)
    .join('; ');
}
