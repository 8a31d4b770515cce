/**
 * One channel's fee in words, as it applies on the day asked (the catalog's
 * applicableFeeAmounts picks a time-limited reduction while it is valid).
 * A fee set by the province, by a regulation or unclear is said so and the
 * source quoted; only fee.kind 'free' is ever called "miễn phí".
 */
import { applicableFeeAmounts, vietnamDay } from '../../catalog/applicable-fee-amounts.js';
import type { Fee, FeeAmount } from '../../catalog/procedure-schema.js';
import { formatVnd } from '../../catalog/applicable-fee-amounts.js';
import { formatIsoDate } from '../format/format-date.js';
import { shortenText } from '../format/shorten-text.js';
import { quoteSource } from './source-quote.js';

export interface FeeDescription {
  /** The statement itself ("25.000 đồng/thẻ căn cước …"). */
  main: string;
  /** Exemptions and conditions from the source, kept apart so channels can share them. */
  note?: string;
}

const dated = (a: FeeAmount) => Boolean(a.validFrom || a.validUntil);
const money = (a: FeeAmount) => `${formatVnd(a.amountVnd)}${a.per ? `/${a.per}` : ''}`;
const period = (a: FeeAmount) =>
  [a.validFrom && `từ ${formatIsoDate(a.validFrom)}`, a.validUntil && `đến hết ${formatIsoDate(a.validUntil)}`].filter(Boolean).join(' ');

/**
 * Outside 'free', the portal's word "miễn phí" (e.g. "thuộc diện được miễn phí theo …")
 * is an exemption from the fee: say "miễn lệ phí" so the answer never reads as free.
 */
export const notFree = (s: string) => s.replace(/miễn phí/gi, (m) => (m[0] === 'M' ? 'Miễn lệ phí' : 'miễn lệ phí'));

export function describeFee(fee: Fee, at: Date): FeeDescription {
  const note = fee.note?.trim() ? shortenText(fee.note, 300) : undefined;
  switch (fee.kind) {
    case 'free':
      return { main: 'Miễn phí.', note };
    case 'amount':
      return { main: notFree(describeAmounts(fee, at)), note: note && notFree(note) };
    case 'set_by_province': {
      const q = quoteFee(fee);
      return {
        main: `Mức lệ phí do Hội đồng nhân dân cấp tỉnh quyết định (khác nhau theo tỉnh, thành phố), anh/chị vui lòng hỏi nơi nộp hồ sơ.${q ? ` Nguồn ghi: ${q}` : ''}`,
      };
    }
    case 'per_regulation': {
      const q = quoteFee(fee);
      return { main: `Thu theo văn bản quy định, nguồn không ghi một mức tiền cụ thể.${q ? ` Nguồn ghi: ${q}` : ''}` };
    }
    default: {
      const q = quoteFee(fee);
      return { main: `Nguồn chưa có thông tin rõ ràng về lệ phí${q ? ` (nguồn ghi: ${q})` : ''}; anh/chị vui lòng hỏi nơi nộp hồ sơ.` };
    }
  }
}

function quoteFee(fee: Fee): string | undefined {
  const q = fee.note?.trim() ? `“${shortenText(fee.note, 400)}”` : quoteSource(fee.raw);
  return q && notFree(q);
}

function describeAmounts(fee: Fee, at: Date): string {
  const today = vietnamDay(at);
  const current = applicableFeeAmounts(fee, at);
  const parts: string[] = [];
  for (const a of current) {
    const label = a.label ? ` (${shortenText(a.label, 120)})` : '';
    if (dated(a)) {
      const standard = a.reduces !== undefined ? `; mức thông thường ${formatVnd(a.reduces)}${a.per ? `/${a.per}` : ''}` : '';
      parts.push(`${money(a)}${label}: mức giảm áp dụng ${period(a)}${standard}`);
    } else parts.push(`${money(a)}${label}`);
  }
  for (const f of fee.foreignAmounts ?? []) parts.push(`${String(f.amount).replace('.', ',')} ${f.currency}${f.per ? `/${f.per}` : ''}`);
  const upcoming = fee.amounts.filter((a) => a.validFrom && a.validFrom > today);
  for (const a of upcoming) parts.push(`${period(a)}: ${money(a)}`);
  if (!parts.length) {
    const q = quoteSource(fee.raw);
    return `Nguồn không ghi mức thu áp dụng vào ngày ${formatIsoDate(today)}${q ? `; nguồn ghi: ${q}` : ''}.`;
  }
  return `${parts.join('; ')}.`;
}
