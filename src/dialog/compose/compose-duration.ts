/** ask_duration: time per channel with its unit, and what stops the clock. */
import type { Procedure } from '../../catalog/procedure-schema.js';
import { shortenText } from '../format/shorten-text.js';
import { describeDuration } from './describe-duration.js';
import { channelBullets, groupChannels } from './group-channels.js';
import { procedureTitle } from './procedure-footer.js';
import type { ComposedAnswer } from './composed-answer.js';

/** Sentences of the record that say when the time is not counted. */
const CLOCK_STOP = /(không tính vào thời (hạn|gian)|không được tính|tạm dừng|thời gian bổ sung|dừng tính)/i;

export function composeDuration(p: Procedure): ComposedAnswer {
  const blocks = [`Dạ, thời gian giải quyết thủ tục “${procedureTitle(p)}”:`];
  if (!p.channels.length) blocks.push('Nguồn chưa ghi thời gian giải quyết của thủ tục này.');
  else {
    // A channel listed twice (e.g. with and without a card) keeps its description to tell them apart.
    const repeated = new Set(p.channels.filter((c, i, all) => all.findIndex((x) => x.channel === c.channel) !== i).map((c) => c.channel));
    blocks.push(
      ...channelBullets(
        groupChannels(p.channels, (c) => {
          const base = describeDuration(c.duration);
          return repeated.has(c.channel) && c.description ? `${base} (${shortenText(c.description, 160)})` : base;
        }),
      ),
    );
  }
  blocks.push(clockStopNote(p));
  return { blocks };
}

function clockStopNote(p: Procedure): string {
  const texts = [p.steps, p.conditions, ...p.channels.map((c) => c.description)].filter((t): t is string => Boolean(t));
  for (const t of texts) {
    const sentence = t
      .replace(/\s+/g, ' ')
      .split(/(?<=[.;])\s+/)
      .find((s) => CLOCK_STOP.test(s));
    if (sentence) return `Lưu ý (theo nguồn): “${shortenText(sentence, 300)}”`;
  }
  return 'Lưu ý: thời gian anh/chị bổ sung, hoàn thiện hồ sơ theo yêu cầu của cơ quan giải quyết (nếu có) thường không được tính vào thời hạn trên.';
}
