/**
 * A message that names no procedure of its own ("còn lệ phí thì sao?", "nộp ở
 * đâu vậy em"): only question and filler words. The NLU may still attach a weak
 * procedure to such a message; the router uses the conversation's topic instead,
 * so a follow-up never jumps to an unrelated procedure.
 */
import { foldText } from './menu.js';

const FILLER = new Set(
  (
    'con thi sao the nao vay a ah nhi nhe nha oi em anh chi toi minh ban ad cho hoi xin biet duoc khong ko k co can gi ' +
    'nhung bao nhieu lau mat may ngay gio tien le phi giay to ho so thoi gian giai quyet nop o dau online truc tuyen ' +
    'tiep qua mang lam thu tuc nay do day kia la gom phai mang theo het tong cong muc thu khi ket qua tra nhan cach de va ' +
    'hay hoac voi cua ve di len ra dang ky rang vui long giup huong dan chi tiet them nua roi duoc truc tiep buu chinh ' +
    'mau don to khai ban chinh ban sao bang cu the xem the thoi uh u vang da dung ok oke okay thanks cam on bao lau mien ' +
    'ton phai tra chi phi nhieu it noi co quan nao nop vao dau ha hem tai sao'
  ).split(' '),
);

export function isPureFollowUp(text: string): boolean {
  const words = foldText(text).split(' ').filter(Boolean);
  return words.length > 0 && words.every((w) => FILLER.has(w) || /^\d+$/.test(w));
}
