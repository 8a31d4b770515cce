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

export function lockedReply(services: Services, unlockAt: Date): string {
  const hhmm = new Date(unlockAt.getTime() + 7 * 3600_000).toISOString().slice(11, 16);
  return (
    `Dạ, đã có quá ${services.config.CHALLENGE_MAX_FAILURES} lần nhập thông tin xác minh chưa đúng trong ` +
    `${services.config.CHALLENGE_WINDOW_MINUTES} phút, nên em tạm dừng tra cứu để bảo vệ thông tin hồ sơ. ` +
    `Anh/chị vui lòng thử lại sau ${hhmm} (giờ Việt Nam), hoặc mang Phiếu tiếp nhận và giấy tờ tùy thân đến ` +
    `${services.config.ORG_NAME} để được hỗ trợ trực tiếp ạ.`
  );
}
