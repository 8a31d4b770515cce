/** Fixed texts of the dossier conversation. The challenge and the "not matched" reply are
 * identical whether or not the code exists, so nobody can probe which codes exist. */
import type { OutMessage } from '../../platform/zalo/messages.js';
import type { Services } from '../../services.js';
import { SHARE_PHONE_TITLE } from '../chat-payloads.js';

export const ASK_CODE =
  'Dạ, anh/chị cho em xin mã hồ sơ (in trên Phiếu tiếp nhận và hẹn trả kết quả) ạ.';

export function challengePrompt(services: Services, code: string): OutMessage[] {
  const base = services.config.PUBLIC_URL?.replace(/\/$/, '');
  return [
    {
      kind: 'text',
      text:
        `Dạ, để bảo vệ thông tin cá nhân, trước khi xem hồ sơ ${code} anh/chị vui lòng nhập ` +
        '4 số cuối số điện thoại hoặc số CCCD của người nộp hồ sơ ạ. ' +
        'Anh/chị cũng có thể bấm "Chia sẻ số điện thoại" bên dưới nếu số Zalo này là số đã đăng ký khi nộp hồ sơ.',
    },
    {
      kind: 'request_user_info',
      title: SHARE_PHONE_TITLE,
      subtitle: 'Chia sẻ số điện thoại Zalo để xác minh người nộp hồ sơ',
      imageUrl: base ? `${base}/favicon.png` : '',
    },
  ];
}

export const NOT_MATCHED =
  'Dạ, thông tin anh/chị nhập chưa khớp với hồ sơ, hoặc mã hồ sơ chưa đúng. ' +
  'Anh/chị vui lòng kiểm tra lại mã hồ sơ trên Phiếu tiếp nhận và nhập lại 4 số cuối số điện thoại hoặc số CCCD của người nộp hồ sơ ạ.';

export const SHARED_PHONE_NOT_MATCHED =
  'Dạ, số điện thoại anh/chị chia sẻ chưa khớp với thông tin hồ sơ. ' +
  'Anh/chị vui lòng nhập 4 số cuối số điện thoại hoặc số CCCD của người nộp hồ sơ ạ.';

const vnTime = (at: Date) => new Date(at.getTime() + 7 * 3600_000).toISOString().slice(11, 16);

export function sharePhoneButton(services: Services): OutMessage {
  const base = services.config.PUBLIC_URL?.replace(/\/$/, '');
  return {
    kind: 'request_user_info',
    title: SHARE_PHONE_TITLE,
    subtitle: 'Chia sẻ số điện thoại Zalo để xác minh người nộp hồ sơ',
    imageUrl: base ? `${base}/favicon.png` : '',
  };
}

/** This account failed too often: it is the one locked, and sharing the phone still works. */
export function userLockedReply(services: Services, until: Date): OutMessage[] {
  const c = services.config;
  return [
    {
      kind: 'text',
      text:
        `Dạ, tài khoản Zalo này đã nhập sai thông tin xác minh ${c.CHALLENGE_MAX_FAILURES} lần trong ${c.CHALLENGE_WINDOW_MINUTES} phút, ` +
        `nên em tạm dừng nhận mã xác minh từ tài khoản này đến ${vnTime(until)} (giờ Việt Nam) để bảo vệ thông tin hồ sơ. ` +
        'Nếu số Zalo này là số đã đăng ký khi nộp hồ sơ, anh/chị vẫn xem được ngay bằng cách bấm "Chia sẻ số điện thoại" bên dưới; ' +
        `hoặc mang Phiếu tiếp nhận và giấy tờ tùy thân đến ${c.ORG_NAME} để được hỗ trợ trực tiếp ạ.`,
    },
    sharePhoneButton(services),
  ];
}

/** Others failed the 4-digit check on this code: say so, and show the proofs that still work. */
export function codeLockedReply(services: Services, code: string, until: Date): OutMessage[] {
  const c = services.config;
  return [
    {
      kind: 'text',
      text:
        `Dạ, việc xác minh bằng 4 số cuối cho hồ sơ ${code} đang tạm khóa đến ${vnTime(until)} (giờ Việt Nam) ` +
        'vì đã có nhiều lần nhập sai từ tài khoản Zalo khác, không phải từ tài khoản của anh/chị. ' +
        'Nếu anh/chị là người nộp hồ sơ và số Zalo này là số đã đăng ký khi nộp, anh/chị bấm "Chia sẻ số điện thoại" bên dưới để xem ngay; ' +
        `hoặc mang Phiếu tiếp nhận và giấy tờ tùy thân đến ${c.ORG_NAME} để được hỗ trợ trực tiếp ạ.`,
    },
    sharePhoneButton(services),
  ];
}

/** The OTP prompt: identical whether or not the code exists (nothing is sent for an unknown one). */
export function otpPrompt(services: Services, code: string, limited: boolean): OutMessage[] {
  const ttl = services.config.OTP_TTL_MINUTES;
  const lead = limited
    ? `Dạ, mã xác minh cho hồ sơ ${code} đã được gửi nhiều lần trong giờ qua nên em chưa gửi thêm. Anh/chị vui lòng nhập mã 6 số mới nhất đã nhận qua tin nhắn Zalo (còn hiệu lực ${ttl} phút kể từ khi gửi).`
    : `Dạ, để bảo vệ thông tin cá nhân, em đã gửi mã xác minh gồm 6 số qua tin nhắn Zalo (ZNS) đến số điện thoại người nộp đã đăng ký cho hồ sơ ${code}. Anh/chị vui lòng nhập mã đó vào đây; mã có hiệu lực ${ttl} phút.`;
  return [
    { kind: 'text', text: `${lead} Anh/chị cũng có thể bấm "Chia sẻ số điện thoại" bên dưới nếu số Zalo này là số đã đăng ký khi nộp hồ sơ.` },
    sharePhoneButton(services),
  ];
}

export const OTP_NOT_MATCHED =
  'Dạ, mã xác minh chưa đúng hoặc đã hết hạn, hoặc mã hồ sơ chưa đúng. ' +
  'Anh/chị vui lòng nhập lại mã 6 số trong tin nhắn Zalo mới nhất, hoặc bấm "Chia sẻ số điện thoại" nếu số Zalo này là số đã đăng ký ạ.';
