/** ask_duration: the time first ("… được giải quyết trong 3 ngày làm việc"), per channel when they differ. */
import type { Channel, Procedure } from '../../catalog/procedure-schema.js';
import { shortenText } from '../format/shorten-text.js';
import { describeDuration } from './describe-duration.js';
import { groupChannels } from './group-channels.js';
import { procedurePhrase } from './procedure-footer.js';
import type { ComposedAnswer } from './composed-answer.js';

/** Sentences that say when the time is not counted. */
const CLOCK_STOP = /(không tính vào thời (hạn|gian)|không được tính|tạm dừng|thời gian bổ sung|dừng tính)/i;

export function composeDuration(p: Procedure): ComposedAnswer {
  const what = `thủ tục ${procedurePhrase(p)}`;
  if (!p.channels.length) return { blocks: [`Dạ, ${what} chưa có thời hạn cụ thể, anh/chị vui lòng hỏi nơi nộp hồ sơ.`] };
  // A channel listed twice with different times (căn cước điện tử: 3 days with a chip card, 7 without)
  // is told apart by the case its own text names.
  const twice = (c: Channel) => p.channels.filter((x) => x.label === c.label).length > 1;
  const describe = (c: Channel) => {
    const t = describeDuration(c.duration);
    const which = twice(c) ? caseOf(c) : undefined;
    return which ? `${t} (${which})` : t;
  };
  const groups = groupChannels(p.channels, describe);
  const cased = p.channels.some((c) => twice(c) && caseOf(c));
  const blocks: string[] = [];
  const known = (t: string) => /^\d/u.test(t);
  if (groups.length === 1) {
    const t = groups[0].text;
    blocks.push(known(t) ? `Dạ, ${what} được giải quyết trong ${t}.` : `Dạ, ${what}: ${t}.`);
  } else {
    blocks.push(`Dạ, thời gian giải quyết ${what}:`);
    for (const g of groups) blocks.push(`• Nộp ${g.labels.join(', ').toLocaleLowerCase('vi')}: ${g.text}`);
  }
  const fromSteps = p.channels.find((c) => c.duration.fromSteps)?.duration.fromSteps;
  if (fromSteps && /15 giờ/u.test(fromSteps)) blocks.push('Hồ sơ nhận sau 15 giờ thì trả kết quả trong ngày làm việc tiếp theo.');
  const note = p.channels.find((c) => c.duration.note)?.duration.note;
  if (note && !cased && !restatesTime(note, groups.map((g) => g.text))) blocks.push(`Chi tiết: ${shortenText(note, 260)}`);
  blocks.push(clockStopNote(p));
  return { blocks };
}

/** "… với trường hợp công dân có thẻ căn cước gắn chip …": the case a channel row is for, from its own text. */
const CASE_WORDS = /(?:với|đối với|trong) (trường hợp [^.;\n]{5,90})|(trường hợp phức tạp)/iu;
/** "Cấp mới biển số xe trúng đấu giá, …: Không quá 07 ngày làm việc": the case heads its own time. */
const CASE_HEAD = /^[+\-\s]*([^:;.\n]{5,90}): (?:không quá|cấp ngay|trong|tối đa)/iu;
function caseOf(c: Channel): string | undefined {
  const head = c.duration.note ? CASE_HEAD.exec(c.duration.note) : null;
  if (head && !/^thời hạn/iu.test(head[1])) return shortenText(head[1].toLocaleLowerCase('vi'), 90);
  for (const t of [c.duration.note, c.description]) {
    const m = t ? CASE_WORDS.exec(t) : null;
    if (m) return shortenText(m[1] ?? m[2], 90);
  }
  return undefined;
}

/** "Thời hạn giải quyết: Không quá 07 ngày làm việc." after "7 ngày làm việc" says nothing more. */
const TIME_WORDS = /thời hạn giải quyết|không quá|trong thời hạn|tối đa|kể từ ngày nhận (?:đủ )?hồ sơ(?: hợp lệ)?|[.,:;\s]+/giu;
function restatesTime(note: string, said: string[]): boolean {
  const times = [...note.matchAll(/0*(\d+) (ngày làm việc|ngày|giờ)/gu)];
  if (!times.length || note.replace(/0*\d+ (?:ngày làm việc|ngày|giờ)/gu, '').replace(TIME_WORDS, '') !== '') return false;
  return times.every((m) => said.some((t) => t.startsWith(`${m[1]} ${m[2]}`)));
}

function clockStopNote(p: Procedure): string {
  const texts = [p.steps, p.conditions, ...p.channels.map((c) => c.description)].filter((t): t is string => Boolean(t));
  for (const t of texts) {
    const sentence = t
      .replace(/\s+/g, ' ')
      .split(/(?<=[.;])\s+/)
      .find((s) => CLOCK_STOP.test(s));
    if (sentence) return `Lưu ý: ${shortenText(sentence, 200)}`;
  }
  return 'Thời gian bổ sung, hoàn thiện hồ sơ (nếu có) không tính vào thời hạn trên.';
}
