/**
 * A word an officer at the counter would say first: condolence when a death is registered,
 * congratulations for a birth or a marriage. Matched on the procedure's name; a re-registration
 * or a copy of an old record is not the event itself, so it gets none.
 */
import type { Procedure } from '../../catalog/procedure-schema.js';

const OCCASIONS: Array<{ name: RegExp; words: string }> = [
  { name: /khai tử/iu, words: 'Xin chia buồn cùng gia đình anh/chị.' },
  { name: /đăng ký khai sinh/iu, words: 'Chúc mừng gia đình anh/chị có thêm thành viên mới!' },
  { name: /đăng ký kết hôn/iu, words: 'Chúc mừng anh/chị!' },
];
const NOT_THE_EVENT = /đăng ký lại|bản sao|trích lục|ghi vào sổ|ghi chú/iu;

export function occasionWords(p: Procedure): string | undefined {
  if (NOT_THE_EVENT.test(p.name)) return undefined;
  return OCCASIONS.find((o) => o.name.test(p.name))?.words;
}
