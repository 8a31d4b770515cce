/** Message texts the emulator returns with OA error codes (zalo-oa-platform.md §7.2). */
export const OA_ERROR_TEXTS: Record<number, string> = {
  [-32]: 'Your application reached limit call api',
  [-200]: 'Send message failed',
  [-201]: 'Parameters are invalid!',
  [-210]: 'Parameter exceeds allowable limit',
  [-213]: 'User has not followed OA',
  [-216]: 'Access token is invalid',
  [-220]: 'access_token is expired or removed',
  [-227]: 'User is banned or has been inactive for more than 45 days',
  [-230]: 'User has not interacted with the OA in the past 7 days',
  [-232]: 'User has not interacted with the OA, or the last interaction has expired',
  [-233]: 'message type is invalid or not support',
};

export function oaErrorText(code: number): string {
  return OA_ERROR_TEXTS[code] ?? 'Unknown error';
}
