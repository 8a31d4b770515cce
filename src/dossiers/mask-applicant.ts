/**
 * Masking of the applicant's personal data for chat and lists.
 * "Nguyễn Văn An" → "Nguyễn V** A"; "0912345678" → "09*****678"; CCCD → "*********345".
 */

/** Family name kept, middle names reduced to their initial + "**", given name to its initial. */
export function maskName(fullName: string): string {
  const parts = fullName.trim().split(/\s+/).filter(Boolean);
  if (parts.length === 0) return '';
  if (parts.length === 1) return `${[...parts[0]][0]}**`;
  const [family, ...rest] = parts;
  const given = rest.pop()!;
  const middle = rest.map((p) => `${[...p][0]}**`);
  return [family, ...middle, [...given][0]].join(' ');
}

export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  if (digits.length < 6) return '*'.repeat(digits.length);
  return `${digits.slice(0, 2)}${'*'.repeat(digits.length - 5)}${digits.slice(-3)}`;
}

export function maskIdNumber(id: string): string {
  const digits = id.replace(/\s/g, '');
  if (digits.length <= 3) return '*'.repeat(digits.length);
  return `${'*'.repeat(digits.length - 3)}${digits.slice(-3)}`;
}

/** Phones compare on their national form: 84xxxxxxxxx / +84… → 0xxxxxxxxx. */
export function normalisePhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  if (digits.startsWith('84') && digits.length === 11) return `0${digits.slice(2)}`;
  return digits;
}
