/**
 * One channel's "Phí, lệ phí" text → a cleaned Fee (raw text kept beside it).
 * Rules, in order (docs/catalog.md explains why):
 *  1. the note says the provincial council (HĐND) sets the fee → 'set_by_province', never 'free';
 *  2. the note writes amounts in đồng → those amounts (the numeric column can be off by ×1000);
 *  3. the column has a well-formed amount ("50,000 Việt Nam Đồng") → that amount;
 *     a bare small number ("1200 VNĐ", "135 VNĐ") that the note does not confirm → 'unknown';
 *  4. "Không có thông tin" → 'unknown';
 *  5. "Miễn phí" → 'free' when unqualified or "(Không quy định)"; 'per_regulation' when the note
 *     cites a law/circular or lists exemptions (so others pay); otherwise 'unknown'.
 */
import type { z } from 'zod';
import type { ChannelKind, Fee, FeeAmount } from './procedure-schema.js';
import { findFeeAmounts } from './find-fee-amounts.js';
import { splitFeeText } from './split-fee-text.js';

type Channel = z.infer<typeof ChannelKind>;

export interface ParsedFee {
  fee: Fee;
  /** The "Mô tả" text that followed the fee (how to submit, timing). */
  description?: string;
}

const PROVINCE = /Hội đồng nhân dân|HĐND/iu;
const NO_FEE_NOTE = /^(không|chưa)\s+(?:quy định|có)(?!\p{L})/iu;
/** A note that is really the "Mô tả" column (how/when), misplaced inside the parentheses. */
const MISPLACED_DESCRIPTION = /^(?:Cách thức thực hiện|Thời hạn giải quyết)/iu;
const EXEMPTIONS = /Miễn (?:lệ )?phí\s*(?:cho|đối với)/iu;
const BARE_EXEMPT = /^Miễn (?:lệ )?phí\s*(?:\.|$)/iu;
const COPY_FEE_ONLY = /^Phí cấp bản sao/iu;
const REGULATION = /Luật|Thông tư|Nghị định|Quyết định|theo quy định|TT-BTC|NĐ-CP/iu;
const HEAD_AMOUNT = /^([\d][\d.,]*)\s*(VNĐ|Việt Nam Đồng|đồng|USD)$/iu;

export function parseFee(rawText: string | null | undefined, channel: Channel): ParsedFee {
  const raw = rawText ?? '';
  const parts = splitFeeText(raw);
  const misplaced = MISPLACED_DESCRIPTION.test(parts.note);
  const note = misplaced ? '' : parts.note;
  const description = (misplaced ? [parts.note, parts.description].filter(Boolean).join(' ') : parts.description) || undefined;
  const headAmount = HEAD_AMOUNT.exec(parts.head);
  // "(/văn bản)": the note is only the unit of the column's amount.
  const unitOnly = /^\/\s*([^()]{1,60})$/u.exec(note);
  const fee = (kind: Fee['kind'], amounts: FeeAmount[], extra: Partial<Fee> = {}): ParsedFee => {
    const out: Fee = { kind, amounts, raw, ...extra };
    if (out.note === undefined && note && !unitOnly) out.note = note;
    return { fee: out, ...(description ? { description } : {}) };
  };

  if (PROVINCE.test(note) || PROVINCE.test(parts.head)) {
    const shown = headAmount ? `Cổng dịch vụ công ghi ${parts.head}. ` : '';
    return fee('set_by_province', [], { note: `${shown}${note}`.trim() });
  }
  const fromNote = findFeeAmounts(note, channel);
  if (fromNote.length > 0) return fee('amount', fromNote);

  if (headAmount) {
    const [, digits, currency] = headAmount;
    const value = Number(digits.replace(/[.,]/g, ''));
    const per = unitOnly ? unitOnly[1].trim() : undefined;
    if (/usd/iu.test(currency)) {
      return fee('amount', [], { foreignAmounts: [{ amount: value, currency: 'USD', ...(per ? { per } : {}) }] });
    }
    const wellFormed = /[.,]\d{3}$/u.test(digits) || value >= 10_000;
    if (!wellFormed) {
      // The portal's numeric column drops "×1000" at times; without a note to confirm, say nothing.
      const suspect = `Nguồn ghi "${parts.head}": số tiền này có thể sai đơn vị nên không dùng; xin hỏi nơi tiếp nhận hồ sơ.`;
      return fee('unknown', [], { note: note ? `${suspect} ${note}` : suspect });
    }
    // "2,000 Việt Nam Đồng(/trang)" followed by the full tariff in the description: use the tariff.
    const tariff = description ? findFeeAmounts(description, channel) : [];
    if (tariff.some((a) => a.amountVnd === value)) return fee('amount', tariff);
    return fee('amount', [{ amountVnd: value, ...(per ? { per } : {}) }]);
  }
  if (/^Không có thông tin/iu.test(parts.head) || parts.head === '') return fee('unknown', []);

  // Head is "Miễn phí".
  if (!note) return fee('free', []);
  if (NO_FEE_NOTE.test(note)) {
    return fee('free', [], { note: /^chưa/iu.test(note) ? 'Chưa quy định lệ phí.' : 'Không quy định lệ phí.' });
  }
  if (EXEMPTIONS.test(note)) return fee('per_regulation', []);
  if (BARE_EXEMPT.test(note) || COPY_FEE_ONLY.test(note)) return fee('free', []);
  if (REGULATION.test(note)) return fee('per_regulation', []);
  return fee('unknown', []);
}
