/**
 * One channel's fee in words, as it applies on the day asked (the catalog's
 * applicableFeeAmounts picks a time-limited reduction while it is valid).
 * A fee set by the province, by a regulation or unclear is said so, in plain
 * words (the record's own text stays behind the "Xem trên Cổng DVC" button);
 * only fee.kind 'free' is ever called "miễn phí".
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
/**
 * A label that only names a way of filing ("Trường hợp công dân nộp hồ sơ qua cổng dịch vụ công trực
 * tuyến"): the answer already says the channel, so it adds nothing.
 */
const CHANNEL_ONLY = /^(?:trường hợp )?(?:công dân )?nộp hồ sơ (?:trực tiếp|trực tuyến|qua [^,;()]{0,50}(?:trực tuyến|bưu chính))$/iu;
/** A label that only says the amount is a ceiling ("tối đa thu không quá"). */
const CAP = /^(?:tối đa|mức tối đa|không quá)(?: thu)?(?: không quá)?$/iu;
/** Where and for whom ("tại Ủy ban nhân dân cấp xã…", "… theo danh sách"), then the label. */
const context = (a: FeeAmount) => {
  const label = a.label && !CHANNEL_ONLY.test(a.label.trim()) ? shortenText(a.label, 100) : undefined;
  const parts = [a.where, a.scope, label].filter(Boolean);
  return parts.length ? ` (${parts.join('; ')})` : '';
};
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
      return { main: 'miễn phí.', note };
    case 'amount':
      return { main: notFree(describeAmounts(fee, at)), note: note && notFree(note) };
    case 'set_by_province':
      return { main: 'mức thu do Hội đồng nhân dân tỉnh, thành phố quyết định (mỗi nơi một khác), anh/chị vui lòng hỏi nơi nộp hồ sơ.' };
    case 'per_regulation': {
      const q = quoteFee(fee);
      return { main: `thu theo quy định, chưa có mức tiền cụ thể; anh/chị vui lòng hỏi nơi nộp hồ sơ.${q ? ` Quy định ghi: ${q}` : ''}` };
    }
    default:
      return { main: 'chưa có thông tin rõ ràng về lệ phí, anh/chị vui lòng hỏi nơi nộp hồ sơ.' };
  }
}

function quoteFee(fee: Fee): string | undefined {
  const q = fee.note?.trim() ? `“${shortenText(fee.note, 160)}”` : quoteSource(fee.raw, 160);
  return q && notFree(q);
}

function describeAmounts(fee: Fee, at: Date): string {
  const today = vietnamDay(at);
  const current = applicableFeeAmounts(fee, at);
  const parts: string[] = [];
  for (const a of current) {
    const label = context(a);
    if (dated(a)) {
      const standard = a.reduces !== undefined ? `; mức thông thường ${formatVnd(a.reduces)}${a.per ? `/${a.per}` : ''}` : '';
      parts.push(`${money(a)}${label}: mức giảm áp dụng ${period(a)}${standard}`);
    } else if (a.label && CAP.test(a.label.trim())) {
      // "200.000 đồng/bản (tối đa thu không quá)" reads as a cap: say it first.
      parts.push(`tối đa ${money(a)}${context({ ...a, label: undefined })}`);
    } else parts.push(`${money(a)}${label}`);
  }
  for (const f of fee.foreignAmounts ?? [])
    parts.push(`${String(f.amount).replace('.', ',')} ${f.currency}${f.per ? `/${f.per}` : ''}${f.where ? ` (${f.where})` : ''}`);
  const upcoming = fee.amounts.filter((a) => a.validFrom && a.validFrom > today);
  for (const a of upcoming) parts.push(`${period(a)}: ${money(a)}`);
  if (!parts.length) {
    const q = quoteSource(fee.raw);
    return `chưa có mức thu áp dụng vào ngày ${formatIsoDate(today)}, anh/chị vui lòng hỏi nơi nộp hồ sơ${q ? ` (mức đã công bố: ${q})` : ''}.`;
  }
  return `${parts.join('; ')}.`;
}
