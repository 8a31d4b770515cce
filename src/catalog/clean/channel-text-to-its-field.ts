/**
 * The portal's "Mô tả" column mixes how to submit with processing times ("02 ngày làm việc, kể từ
 * ngày nhận được Tờ khai…", "Thời hạn giải quyết: …") and fee tariffs ("Tại cơ quan đại diện: 10
 * USD/bản."), so a "how to submit" answer printed times and amounts. Time sentences move to the
 * channel's `duration.note`, amount sentences to the fee (dropped when the fee already holds
 * every figure); what remains is the description.
 */
import type { Channel, Fee } from '../procedure-schema.js';
import type { CleaningRule } from './cleaning-rule.js';

const DEADLINE_HEADING = /Thời hạn giải quyết/iu;
const TIME_CLAUSE =
  /(?:^|:\s*)(?:tối đa|không quá|chậm nhất(?: là)?|trong thời hạn|cấp ngay|ngay sau khi)|^\d{1,3}\s*(?:ngày|giờ)|nhưng không quá \d{1,3}\s*(?:ngày|giờ)/iu;
const MONEY = /(\d[\d.,]*)\s*(?:đồng|VNĐ|USD)(?!\p{L})/giu;

/** Clauses of a description: lines, sentences, and "- "/"+ " list items. */
export function descriptionClauses(text: string): string[] {
  return text
    .split(/\n+|(?<=[.;])\s+|\s+[-+]\s+(?=\p{Lu})/u)
    .map((c) => c.trim())
    .filter((c) => c.length > 1);
}

function figures(text: string): number[] {
  return [...text.matchAll(MONEY)].map((m) => Number(m[1].replace(/[.,]/g, '')));
}

function feeHolds(fee: Fee, clause: string): boolean {
  const known = [...fee.amounts.map((a) => a.amountVnd), ...(fee.foreignAmounts ?? []).map((f) => f.amount)];
  return figures(clause).every((n) => known.includes(n));
}

export function moveChannelText(c: Channel): Channel {
  if (!c.description) return c;
  const heading = DEADLINE_HEADING.exec(c.description);
  const before = heading ? c.description.slice(0, heading.index) : c.description;
  const timeTail = heading ? [c.description.slice(heading.index).trim()] : [];
  const keep: string[] = [];
  const time: string[] = [];
  const money: string[] = [];
  for (const clause of descriptionClauses(before)) {
    if (TIME_CLAUSE.test(clause)) time.push(clause);
    else if (figures(clause).length) money.push(clause);
    else keep.push(clause);
  }
  time.push(...timeTail);
  if (!time.length && !money.length) return c;
  const out: Channel = { ...c };
  if (keep.length) out.description = keep.join(' ');
  else delete out.description;
  if (time.length) out.duration = { ...c.duration, note: [c.duration.note, ...time].filter(Boolean).join(' ') };
  const newMoney = money.filter((m) => !feeHolds(c.fee, m) && !(c.fee.note ?? '').includes(m));
  if (newMoney.length) out.fee = { ...c.fee, note: [c.fee.note, ...newMoney].filter(Boolean).join(' ') };
  return out;
}

export const channelTextToItsField: CleaningRule = {
  id: 'channel-text-to-its-field',
  title: 'câu về thời hạn hoặc số tiền trong phần mô tả hình thức nộp được chuyển về thời gian / lệ phí',
  apply(p) {
    let changed = false;
    const channels = p.channels.map((c) => {
      const moved = moveChannelText(c);
      if (moved !== c) changed = true;
      return moved;
    });
    return changed ? { ...p, channels } : p;
  },
};
