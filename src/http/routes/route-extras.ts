import type { OaEmulatorHandle } from '../../platform/zalo/emulator/emulator-handle.js';

/** What routers may need beyond Services. */
export interface RouteExtras {
  /** The in-process OA emulator (local mode and tests), if any. */
  emulator?: OaEmulatorHandle;
}
