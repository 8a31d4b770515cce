/**
 * A large catalog made from the bundled one for benchmarks: each real procedure is
 * repeated with plausible variations (audience, sector, subject) and fresh codes.
 * Aliases stay on the real procedures only, as an overlay would in a province.
 */
import type { Catalog } from '../src/services.js';
import type { Procedure } from '../src/catalog/procedure-schema.js';

const AUDIENCES = [
  'đối với hộ gia đình', 'đối với cá nhân', 'đối với tổ chức kinh tế', 'cho người có công với cách mạng',
  'cho hợp tác xã', 'đối với cơ sở tôn giáo', 'cho đơn vị sự nghiệp công lập', 'đối với doanh nghiệp nhỏ và vừa',
  'tại khu công nghiệp', 'trong lĩnh vực thủy sản', 'trong lĩnh vực lâm nghiệp', 'trong lĩnh vực giao thông',
  'tại khu kinh tế cửa khẩu', 'cho người lao động nước ngoài', 'đối với tàu cá', 'trong lĩnh vực văn hóa',
  'đối với cơ sở giáo dục', 'đối với cơ sở y tế', 'trong lĩnh vực du lịch', 'trong lĩnh vực khoáng sản',
  'đối với nhà đầu tư', 'cho người khuyết tật',
];

export function synthesizeCatalog(base: Catalog, size: number): Catalog {
  const procedures: Procedure[] = [...base.procedures];
  let serial = 100000;
  for (let k = 0; procedures.length < size; k++) {
    for (const p of base.procedures) {
      if (procedures.length >= size) break;
      const audience = AUDIENCES[(k + procedures.length) % AUDIENCES.length];
      const code = `${1 + (serial % 3)}.${String(serial++ % 1_000_000).padStart(6, '0')}`;
      procedures.push({ ...p, code, name: `${p.name.replace(/\.$/, '')} ${audience}${k > AUDIENCES.length ? ` (đợt ${k})` : ''}` });
    }
  }
  const byCode = new Map(procedures.map((p) => [p.code, p]));
  return {
    procedures,
    byCode: (c) => byCode.get(c),
    aliasesFor: (c) => base.aliasesFor?.(c) ?? [],
    keywordsFor: (c) => base.keywordsFor?.(c) ?? [],
  };
}
