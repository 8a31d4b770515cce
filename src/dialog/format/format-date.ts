/** Dates for citizens: dd/mm/yyyy, in Asia/Ho_Chi_Minh. */

export const VN_TIME_ZONE = 'Asia/Ho_Chi_Minh';

/** "2026-12-31" (or a full ISO time, read as its date part) → "31/12/2026". */
export function formatIsoDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

/** The calendar date of `at` in `timeZone`, as "yyyy-mm-dd" (comparable as a string). */
export function localIsoDate(at: Date, timeZone = VN_TIME_ZONE): string {
  // en-CA formats as yyyy-mm-dd.
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

/** "dd/mm/yyyy" of `at` in `timeZone`. */
export function formatLocalDate(at: Date, timeZone = VN_TIME_ZONE): string {
  return formatIsoDate(localIsoDate(at, timeZone));
}
