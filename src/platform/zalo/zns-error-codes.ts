/**
 * ZNS error numbers (the `error` field of a business.openapi.zalo.me answer) and
 * what each means for a sender. The platform reference lists none of them; these
 * are from memory of Zalo's public ZNS error table and are GUESSES (docs/zns.md
 * marks them so). An unknown number counts as 'rejected' (not retried).
 */
export type ZnsErrorClass =
  /** Try again soon: the platform's own hiccup. */
  | 'transient'
  /** The OA's daily ZNS quota is used up: try again after midnight (Vietnam time). */
  | 'daily_quota'
  /** ZNS may not be sent at night: try again in the morning. */
  | 'night'
  /** The ZCA/ZBS account has no balance: try again tomorrow (someone must top it up). */
  | 'balance'
  /** Nothing we can retry: bad phone, template not usable, recipient cannot receive. */
  | 'rejected';

export interface ZnsErrorInfo {
  cls: ZnsErrorClass;
  /** For the console, in the officers' language. */
  reason: string;
}

export const ZNS_ERRORS: Readonly<Record<number, ZnsErrorInfo>> = {
  [-32]: { cls: 'transient', reason: 'vượt giới hạn gọi API, thử lại sau' },
  [-100]: { cls: 'transient', reason: 'lỗi không xác định phía Zalo' },
  [-123]: { cls: 'transient', reason: 'Zalo không tạo được tin nhắn' },
  [-108]: { cls: 'rejected', reason: 'số điện thoại không hợp lệ' },
  [-109]: { cls: 'rejected', reason: 'mã mẫu ZNS (template_id) không hợp lệ' },
  [-111]: { cls: 'rejected', reason: 'thiếu dữ liệu mẫu ZNS' },
  [-112]: { cls: 'rejected', reason: 'dữ liệu mẫu ZNS không khớp tham số của mẫu' },
  [-114]: { cls: 'rejected', reason: 'người nhận không dùng Zalo hoặc đã chặn tin ZNS' },
  [-115]: { cls: 'balance', reason: 'tài khoản ZNS hết số dư' },
  [-117]: { cls: 'rejected', reason: 'OA chưa được cấp quyền dùng mẫu ZNS này' },
  [-118]: { cls: 'rejected', reason: 'tài khoản Zalo của số điện thoại không tồn tại hoặc đã bị khóa' },
  [-119]: { cls: 'rejected', reason: 'tài khoản Zalo này không nhận được ZNS' },
  [-131]: { cls: 'rejected', reason: 'mẫu ZNS chưa được duyệt hoặc đã bị tắt' },
  [-133]: { cls: 'night', reason: 'không được gửi ZNS vào ban đêm (22h–6h)' },
  [-137]: { cls: 'balance', reason: 'thanh toán phí ZNS không thành công' },
  [-139]: { cls: 'rejected', reason: 'người nhận từ chối nhận loại tin ZNS này' },
  [-144]: { cls: 'daily_quota', reason: 'đã hết hạn mức ZNS trong ngày' },
  [-211]: { cls: 'daily_quota', reason: 'hết hạn mức (out of quota)' },
  [-320]: { cls: 'balance', reason: 'ứng dụng chưa liên kết tài khoản Zalo Cloud' },
  [-321]: { cls: 'balance', reason: 'tài khoản Zalo Cloud hết số dư' },
};

export function znsErrorInfo(code: number): ZnsErrorInfo {
  return ZNS_ERRORS[code] ?? { cls: 'rejected', reason: `lỗi ZNS ${code}` };
}
