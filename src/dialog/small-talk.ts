/** Welcome, help, thanks, out-of-scope and non-text replies: short, polite, with the menu. */
import type { TurnContext } from './turn-context.js';
import { menuButtons } from './menu.js';

const CAN_DO =
  'Em có thể: tra cứu thủ tục hành chính (giấy tờ, lệ phí, thời gian, nơi nộp, nộp trực tuyến), ' +
  'tra cứu tình trạng hồ sơ, đăng ký nhận tin khi hồ sơ có kết quả, nhận phản ánh, kiến nghị, và chuyển anh/chị gặp cán bộ.';

export function replyWelcome(ctx: TurnContext): void {
  const org = ctx.services.config.ORG_NAME;
  ctx.reply({
    kind: 'text',
    text: `Dạ, xin chào anh/chị! Em là trợ lý tự động của ${org}.\n${CAN_DO}\nAnh/chị chọn mục bên dưới hoặc nhắn câu hỏi cho em ạ.`,
    buttons: menuButtons(),
  });
  ctx.outcome = { intent: 'greeting', answered: true };
}

export function replyHelp(ctx: TurnContext): void {
  ctx.reply({
    kind: 'text',
    text:
      `Dạ, ${CAN_DO}\n` +
      'Anh/chị có thể nhắn như khi hỏi cán bộ tại quầy, ví dụ tên thủ tục kèm điều cần hỏi (giấy tờ, lệ phí, thời gian…), ' +
      'hoặc mã số của thủ tục (dạng N.NNNNNN); để tra cứu hồ sơ, nhắn mã hồ sơ trên phiếu hẹn.',
    buttons: menuButtons(),
  });
  ctx.outcome = { intent: 'help', answered: true };
}

export function replyThanks(ctx: TurnContext): void {
  ctx.reply({ kind: 'text', text: 'Dạ, em cảm ơn anh/chị. Anh/chị cần hỗ trợ thêm gì cứ nhắn cho em ạ!' });
  ctx.outcome = { intent: 'thanks', answered: true };
}

export function replyOutOfScope(ctx: TurnContext): void {
  ctx.reply({
    kind: 'text',
    text: `Dạ, câu hỏi này nằm ngoài phạm vi em hỗ trợ. ${CAN_DO}`,
    buttons: menuButtons(),
  });
  ctx.outcome = { intent: 'out_of_scope', answered: true };
}

export function replyMediaNote(ctx: TurnContext): void {
  ctx.reply({
    kind: 'text',
    text:
      'Dạ, hiện em chỉ đọc được tin nhắn chữ, chưa xem được hình ảnh, nhãn dán, vị trí hay tệp đính kèm. ' +
      'Anh/chị vui lòng nhắn câu hỏi bằng chữ hoặc chọn mục bên dưới ạ.',
    buttons: menuButtons(),
  });
  ctx.outcome = { intent: 'media', answered: true };
}

/** "Tra cứu thủ tục" from the menu: ask for the procedure name. */
export function replyAskProcedure(ctx: TurnContext, what?: string): void {
  ctx.reply({
    kind: 'text',
    text:
      `Dạ, anh/chị muốn hỏi ${what ? `${what} của ` : 'về '}thủ tục nào ạ? ` +
      'Anh/chị nhắn tên thủ tục (theo việc cần làm) hoặc mã số của thủ tục (dạng N.NNNNNN) giúp em.',
  });
}
