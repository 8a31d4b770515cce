/**
 * Reads the amounts written in a fee note ("Lệ phí cấp giấy phép lái xe:
 * 135.000 đồng/lần. ... Kể từ ngày 01/12/2023 đến hết ngày 31/12/2025, áp dụng
 * mức thu lệ phí là 115.000 đồng/lần cấp."). The note is trusted over the
 * numeric column, which is sometimes off by ×1000.
 */
import type { ChannelKind, FeeAmount } from './procedure-schema.js';
import type { z } from 'zod';

type Channel = z.infer<typeof ChannelKind>;

/**
 * "135.000 đồng", "50.000đ/tem", "160.000/hộ chiếu", "400.000 Đồng", "5000 đồng". A bare number needs
 * a thousands group, or four digits and a currency word, so dates and article numbers never match.
 */
const AMOUNT = /(\d{1,3}(?:\.\d{3})+|\d{4,})\s*(?:(?:đồng|đ|vnđ)(?!\p{L})|(?<=\.\d{3})(?=\/))(\s*\/\s*[^.,;()\n]{1,60})?/giu;
const RANGE = /từ ngày (\d{1,2})\/(\d{1,2})\/(\d{4})\s*(?:đến|tới)\s*(?:hết\s*)?(?:ngày\s*)?(\d{1,2})\/(\d{1,2})\/(\d{4})/iu;
const UNTIL = /đến hết ngày (\d{1,2})\/(\d{1,2})\/(\d{4})/iu;
const PERCENT = /bằng (\d{1,3})\s*%/iu;
const ONLINE = /trực tuy[ếể]n/iu;

/** Split a note into clauses at list dashes, plus signs, semicolons and sentence ends. */
export function splitClauses(note: string): string[] {
  return note
    .split(/\s+[-+]\s+|^[-+]\s+|;\s*|\.\s+(?=\p{Lu})/u)
    .map((c) => c.trim())
    .filter((c) => c.length > 0);
}

export function isoDate(d: string, m: string, y: string): string {
  return `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
}

interface Validity {
  validFrom?: string;
  validUntil?: string;
}

function clauseValidity(clause: string): Validity | undefined {
  const r = RANGE.exec(clause);
  if (r) return { validFrom: isoDate(r[1], r[2], r[3]), validUntil: isoDate(r[4], r[5], r[6]) };
  const u = UNTIL.exec(clause);
  if (u) return { validUntil: isoDate(u[1], u[2], u[3]) };
  return undefined;
}

function cleanLabel(s: string): string | undefined {
  const t = s
    .replace(/\s+/g, ' ')
    .replace(/^[\s\-+:;,.()]+|[\s\-+:;,.()]+$/g, '')
    // "... trực tiếp thu 10.000 đồng", "... áp dụng mức thu lệ phí là 115.000": the verb is not the case.
    .replace(/\s*(?:(?:áp dụng )?mức thu(?: lệ phí)?(?: là)?|thu|là)$/iu, '')
    .replace(/[\s\-+:;,.()]+$/g, '')
    .trim();
  return /\p{L}/u.test(t) ? t.slice(0, 160) : undefined;
}

function toAmount(digits: string): number {
  return Number(digits.replace(/\./g, ''));
}

/**
 * Every amount in the note that applies to this channel. Amounts in a clause
 * with a date range are reductions: they carry validFrom/validUntil and, in
 * `reduces`, the standard amount they replace (see applicableFeeAmounts).
 * A dated clause about online submission is skipped on other channels.
 */
export function findFeeAmounts(note: string, channel: Channel): FeeAmount[] {
  const clauses = splitClauses(note);
  const keep = channel === 'truc_tuyen' ? clauses : clauses.filter((c) => !(ONLINE.test(c) && clauseValidity(c)));
  const out: FeeAmount[] = [];
  let base: FeeAmount | undefined;
  for (const clause of keep.length > 0 ? keep : clauses) {
    const validity = clauseValidity(clause);
    let last = 0;
    let found = 0;
    for (const m of clause.matchAll(AMOUNT)) {
      found++;
      const per = m[2] ? cleanLabel(m[2].replace(/^\s*\//, '')) : undefined;
      const prefix = cleanLabel(
        clause
          .slice(last, m.index)
          .replace(/(?:kể )?từ ngày \S+\s*(?:đến|tới)\s*(?:hết\s*)?(?:ngày\s*)?\S+/iu, '')
          .replace(/(?:áp dụng )?mức thu(?: lệ phí)?(?: là|:)?\s*$/iu, ''),
      );
      last = (m.index ?? 0) + m[0].length;
      const amount: FeeAmount = { amountVnd: toAmount(m[1]) };
      if (validity) {
        Object.assign(amount, validity);
        const label = prefix ?? base?.label;
        if (label) amount.label = label;
        const unit = per ?? base?.per;
        if (unit) amount.per = unit;
        if (base) amount.reduces = base.amountVnd;
      } else {
        if (prefix) amount.label = prefix;
        if (per) amount.per = per;
        base = amount; // the standard amount a later dated clause reduces
      }
      out.push(amount);
    }
    const pct = PERCENT.exec(clause);
    if (found === 0 && pct && validity) {
      // "mức thu ... bằng 50% mức thu nêu trên": a reduction of every standard amount so far.
      for (const b of out.filter((a) => !a.validFrom && !a.validUntil)) {
        out.push({ ...b, amountVnd: Math.round((b.amountVnd * Number(pct[1])) / 100), ...validity, reduces: b.amountVnd });
      }
    }
  }
  return dedupe(out);
}

const GENERIC_LABEL = /^(?:lệ phí|phí|mức thu|mức thu lệ phí)$/iu;

/** The same amount said twice ("Lệ phí: 400.000 Đồng (Mức thu lệ phí: 400.000đ/trường hợp")) is one amount. */
function dedupe(amounts: FeeAmount[]): FeeAmount[] {
  const when = (a: FeeAmount) => `${a.amountVnd}|${a.validFrom ?? ''}|${a.validUntil ?? ''}`;
  const seen = new Set<string>();
  const unique = amounts.filter((a) => {
    const key = `${when(a)}|${a.label ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const generic = (a: FeeAmount) => a.label === undefined || GENERIC_LABEL.test(a.label);
  const kept = new Set<string>();
  return unique
    .filter((a) => {
      if (!generic(a)) return true;
      if (kept.has(when(a)) || unique.some((b) => when(b) === when(a) && !generic(b))) return false;
      kept.add(when(a));
      return true;
    })
    .map((a) => {
      // Keep the unit that one of the dropped repetitions carried ("400.000đ/trường hợp").
      if (a.per || !generic(a)) return a;
      const per = unique.find((b) => when(b) === when(a) && b.per)?.per;
      return per ? { ...a, per } : a;
    });
}
