/**
 * National dossier status codes 1–10 (Cổng DVC quốc gia "TrangThaiHoSo"), their
 * normalised states and what each means for the citizen, in plain Vietnamese.
 */
import type { DossierState, NationalStatus } from '../store/records.js';

export interface StatusInfo {
  state: DossierState;
  /** The national label. */
  label: string;
  /** What it means, said plainly to the citizen. */
  meaning: string;
}

export const STATUS_INFO: Record<NationalStatus, StatusInfo> = {
  1: { state: 'submitted', label: 'Mới đăng ký', meaning: 'hồ sơ đã được gửi, đang chờ cán bộ kiểm tra và tiếp nhận' },
  2: { state: 'received', label: 'Được tiếp nhận', meaning: 'Bộ phận Một cửa đã nhận hồ sơ đầy đủ và chuyển giải quyết' },
  3: { state: 'rejected_at_intake', label: 'Không được tiếp nhận', meaning: 'hồ sơ không đủ điều kiện để tiếp nhận giải quyết' },
  4: { state: 'processing', label: 'Đang xử lý', meaning: 'cơ quan chuyên môn đang thẩm định, giải quyết hồ sơ' },
  5: {
    state: 'need_more_docs',
    label: 'Yêu cầu bổ sung giấy tờ',
    meaning: 'hồ sơ cần bổ sung, hoàn thiện giấy tờ; thời gian giải quyết tạm dừng cho đến khi anh/chị bổ sung',
  },
  6: {
    state: 'awaiting_payment',
    label: 'Yêu cầu thực hiện nghĩa vụ tài chính',
    meaning: 'anh/chị cần nộp thuế, phí hoặc lệ phí; thời gian giải quyết tạm dừng cho đến khi hoàn thành',
  },
  7: { state: 'withdrawn', label: 'Công dân yêu cầu rút hồ sơ', meaning: 'hồ sơ đã được rút theo đề nghị của người nộp' },
  8: { state: 'stopped', label: 'Dừng xử lý', meaning: 'cơ quan giải quyết đã dừng xử lý hồ sơ' },
  9: { state: 'result_ready', label: 'Đã xử lý xong', meaning: 'đã có kết quả, đang chờ trả cho anh/chị' },
  10: { state: 'returned', label: 'Đã trả kết quả', meaning: 'kết quả đã được trả cho người nộp' },
};

export const stateOf = (s: NationalStatus): DossierState => STATUS_INFO[s].state;

/** Statuses whose change is notified to subscribers (plus a new appointment date). */
export const NOTIFY_STATUSES: ReadonlySet<NationalStatus> = new Set<NationalStatus>([3, 5, 6, 8, 9, 10]);

/** The citizen must act; the processing clock stops. */
export const CLOCK_STOP_STATUSES: ReadonlySet<NationalStatus> = new Set<NationalStatus>([5, 6]);

/** Finished with a result. */
export const FINISHED_STATUSES: ReadonlySet<NationalStatus> = new Set<NationalStatus>([9, 10]);

/**
 * Final: nothing moves the dossier on. 10 (result handed over), 3 (refused at intake: a new
 * dossier with a new code is filed), 7 (withdrawn). Not 8: the national reports count "Dừng
 * xử lý" with 5 and 6 as a pause ("Tạm dừng xử lý"), and not 9 (10 follows). A later event is
 * kept in the history with afterFinal, never applied or notified (record-dossier-event.ts).
 */
export const FINAL_STATUSES: ReadonlySet<NationalStatus> = new Set<NationalStatus>([3, 7, 10]);

export const isFinalStatus = (s: NationalStatus): boolean => FINAL_STATUSES.has(s);

/** Closed without a result. */
export const CLOSED_STATUSES: ReadonlySet<NationalStatus> = new Set<NationalStatus>([3, 7, 8]);
