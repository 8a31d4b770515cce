/**
 * Texts that buttons send back (oa.query.show payloads) and their parsers.
 * Keep the builders and the parsers together so a tapped button is always understood.
 */
import { extractDossierCode } from './dossier-code.js';

export const statusPayload = (code: string) => `Tra cứu hồ sơ ${code}`;
export const subscribePayload = (code: string) => `Nhận thông báo hồ sơ ${code}`;
export const unsubscribePayload = (code: string) => `Hủy nhận thông báo hồ sơ ${code}`;
export const ratingPayload = (score: number, code: string) => `Đánh giá ${score}/5 hồ sơ ${code}`;

export const SUBSCRIBE_BUTTON_TITLE = 'Báo tôi khi hồ sơ có kết quả';
/** Same text as the main menu's button, so the router routes it without the classifier. */
export const SUBSCRIBE_MENU_PAYLOAD = 'Nhận thông báo';
export const UNSUBSCRIBE_BUTTON_TITLE = 'Hủy nhận thông báo';
export const SHARE_PHONE_TITLE = 'Chia sẻ số điện thoại';

/** "Đánh giá 4/5 hồ sơ CODE" (also "4 sao"). */
export function parseRatingAnswer(text: string): { score: 1 | 2 | 3 | 4 | 5; code: string } | null {
  // Each \s* is followed by a non-space (no two share a run of spaces: linear).
  const m = /^\s*đánh giá\s*([1-5])\s*(?:(?:\/\s*5|sao)\s*)?(?:cho\s*)?hồ sơ\s+(.+)$/iu.exec(text.normalize('NFC'));
  if (!m) return null;
  const code = extractDossierCode(`mã hồ sơ ${m[2]}`);
  return code ? { score: Number(m[1]) as 1 | 2 | 3 | 4 | 5, code } : null;
}

/** "Hủy/ngừng/dừng/bỏ nhận thông báo …": an unsubscribe whatever the classifier said. */
export function looksLikeUnsubscribe(text: string): boolean {
  return /^\s*(hủy|huỷ|ngừng|dừng|bỏ|thôi)(?=\s).*thông báo/iu.test(text.normalize('NFC'));
}

/** "Nhận/Đăng ký (nhận) thông báo …" (and not an unsubscribe). */
export function looksLikeSubscribe(text: string): boolean {
  return !looksLikeUnsubscribe(text) && /^\s*(nhận|đăng ký|đăng kí)(?=\s).*thông báo/iu.test(text.normalize('NFC'));
}
