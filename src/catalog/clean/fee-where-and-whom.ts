/**
 * A fee says where and for whom it applies. The portal lists chứng thực's "Trực tiếp" twice: 2.000
 * đồng/trang "Tại Ủy ban nhân dân cấp xã, Tổ chức hành nghề công chứng" and 10 USD/bản "Tại cơ
 * quan đại diện" (a mission abroad); an answer without the place tells a citizen at the commune
 * office to pay in dollars. Tạm trú charges 7.000 đồng per registration for a person or household
 * and 10.000 đồng per person when registered on a list: the heading of the clause says which.
 */
import type { Channel, Fee, FeeAmount } from '../procedure-schema.js';
import type { CleaningRule } from './cleaning-rule.js';

export const MISSION_ABROAD = 'tại cơ quan đại diện của Việt Nam ở nước ngoài';
/** "Tại Ủy ban nhân dân cấp xã, Tổ chức hành nghề công chứng:" at the start of a label or description. */
const AT_PLACE = /^Tại\s+([^:]{3,100})$/u;
const HEADING = /-\s*([^:+\-]{3,90}):\s*\+/u;

const lowerFirst = (s: string) => s.charAt(0).toLocaleLowerCase('vi') + s.slice(1);

/** The rate's audience from the clause heading: "… theo danh sách" or "(cá nhân, hộ gia đình)". */
export function feeScope(raw: string): string | undefined {
  const heading = HEADING.exec(raw)?.[1]?.trim();
  if (!heading) return undefined;
  if (/theo danh sách/u.test(heading)) return lowerFirst(heading);
  return /\((cá nhân[^)]*)\)/u.exec(heading)?.[1];
}

function placeOf(label: string | undefined): string | undefined {
  const m = label ? AT_PLACE.exec(label.trim()) : null;
  if (!m) return undefined;
  const place = m[1].trim();
  return /cơ quan đại diện/iu.test(place) ? MISSION_ABROAD : `tại ${place.replace(/, Tổ chức/u, ', tổ chức')}`;
}

export function feeWithWhereAndWhom(fee: Fee): Fee {
  const scope = feeScope(fee.raw);
  let changed = false;
  const amounts = fee.amounts.map((a): FeeAmount => {
    const where = placeOf(a.label);
    if (!where && !scope) return a;
    changed = true;
    const { label, ...rest } = a;
    return { ...(where ? rest : a), ...(where ? { where } : {}), ...(scope && !a.scope ? { scope } : {}), ...(where || !label ? {} : { label }) };
  });
  const foreignAmounts = fee.foreignAmounts?.map((f) => {
    if (f.where) return f;
    changed = true;
    return { ...f, where: MISSION_ABROAD };
  });
  if (!changed) return fee;
  return { ...fee, amounts, ...(foreignAmounts ? { foreignAmounts } : {}) };
}

export const feeWhereAndWhom: CleaningRule = {
  id: 'fee-where-and-whom',
  title: 'lệ phí ghi rõ nơi nộp (UBND cấp xã / cơ quan đại diện ở nước ngoài) và đối tượng (cá nhân, hộ gia đình / theo danh sách)',
  apply(p) {
    let changed = false;
    const channels = p.channels.map((c): Channel => {
      const fee = feeWithWhereAndWhom(c.fee);
      if (fee === c.fee) return c;
      changed = true;
      return { ...c, fee };
    });
    return changed ? { ...p, channels } : p;
  },
};
