/**
 * Phone numbers shared through user_submit_info arrive in international form
 * (84xxxxxxxxx, sometimes +84…); the bot keeps the domestic form 0xxxxxxxxx.
 */
export function normalizeVnPhone(raw: string): string {
  const digits = raw.replace(/[\s.\-()]/g, '').replace(/^\+/, '');
  if (/^84\d{9,10}$/.test(digits)) return `0${digits.slice(2)}`;
  return digits;
}

/** The international form the OA/ZNS side expects (84xxxxxxxxx). */
export function toInternationalVnPhone(phone: string): string {
  const digits = normalizeVnPhone(phone);
  return digits.startsWith('0') ? `84${digits.slice(1)}` : digits;
}
