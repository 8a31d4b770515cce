/** Feedback ticket statuses in the words the citizen and the officer read. Keep in sync with FeedbackStatus (records.ts). */
import type { FeedbackStatus } from '../store/records.js';

export const FEEDBACK_STATUSES: readonly FeedbackStatus[] = ['open', 'in_progress', 'answered', 'closed'];

export const FEEDBACK_STATUS_LABELS: Record<FeedbackStatus, string> = {
  open: 'Đã tiếp nhận, chờ xử lý',
  in_progress: 'Đang xử lý',
  answered: 'Đã trả lời',
  closed: 'Đã đóng',
};
