import type { OaEmulatorHandle } from '../../platform/zalo/emulator/emulator-handle.js';
import type { RejectionLog } from '../rejection-log.js';

/** What routers may need beyond Services. */
export interface RouteExtras {
  /** The in-process OA emulator (local mode and tests), if any. */
  emulator?: OaEmulatorHandle;
  /** Counts and sample-logs refused requests (createApp gives one per app). */
  rejections?: RejectionLog;
}
