/**
 * In-memory state of the OA emulator: users (window, follow), tokens, recorded
 * outbound messages, the conversation log and injected faults. No I/O here.
 */
import { randomBytes } from 'node:crypto';
import type { InjectedFault, RecordedOutbound } from './emulator-handle.js';

export const CONSULTATION_WINDOW_MS = 7 * 24 * 3600 * 1000;
/** Endpoints a fault without `endpoint` applies to. */
export const SEND_ENDPOINTS = ['/v3.0/oa/message/cs', '/v3.0/oa/message/transaction', '/message/template'];

export interface EmulatedUser {
  userId: string;
  lastInteractionAt?: Date;
  follower: boolean;
  sharedName?: string;
  sharedPhone?: string;
}

/** One line of the OA ↔ user conversation, served by /v2.0/oa/conversation. */
export interface ConversationLine {
  messageId: string;
  fromUser: boolean;
  time: number;
  type: string;
  text: string;
}

export function randomToken(prefix: string): string {
  return `${prefix}-${randomBytes(18).toString('base64url')}`;
}

export class EmulatorState {
  readonly users = new Map<string, EmulatedUser>();
  readonly outboundLog: RecordedOutbound[] = [];
  readonly conversation = new Map<string, ConversationLine[]>();
  private faults: (InjectedFault & { left: number })[] = [];
  accessToken: string;
  refreshToken: string;
  accessExpired = false;
  refreshes = 0;
  private seq = 0;
  /** Calls in the current rate-limit minute. */
  private windowStart = 0;
  private windowCalls = 0;

  constructor(
    accessToken: string,
    refreshToken: string,
    readonly rateLimitPerMinute: number,
    readonly now: () => Date,
  ) {
    this.accessToken = accessToken;
    this.refreshToken = refreshToken;
  }

  user(userId: string): EmulatedUser {
    let u = this.users.get(userId);
    if (!u) this.users.set(userId, (u = { userId, follower: false }));
    return u;
  }

  /** Inside the 7-day window; a user never seen is outside (the defensive default). */
  inWindow(userId: string): boolean {
    const at = this.users.get(userId)?.lastInteractionAt;
    return !!at && this.now().getTime() - at.getTime() <= CONSULTATION_WINDOW_MS;
  }

  nextMessageId(): string {
    this.seq += 1;
    return `${randomBytes(8).toString('hex')}${String(this.seq).padStart(4, '0')}`;
  }

  logLine(userId: string, line: ConversationLine): void {
    let lines = this.conversation.get(userId);
    if (!lines) this.conversation.set(userId, (lines = []));
    lines.push(line);
  }

  addFault(f: InjectedFault): void {
    this.faults.push({ ...f, left: Math.max(1, f.times ?? 1) });
  }

  clearFaults(): void {
    this.faults = [];
  }

  /** The first fault matching `path`, consumed once. */
  takeFault(path: string): InjectedFault | undefined {
    const i = this.faults.findIndex((f) =>
      f.endpoint === '*' ? true : f.endpoint ? f.endpoint === path : SEND_ENDPOINTS.includes(path),
    );
    if (i < 0) return undefined;
    const f = this.faults[i];
    f.left -= 1;
    if (f.left <= 0) this.faults.splice(i, 1);
    return f;
  }

  /** Count one API call; false when over the per-minute limit (-32). */
  countCall(): { allowed: boolean; remaining: number } {
    const t = this.now().getTime();
    if (t - this.windowStart >= 60_000) {
      this.windowStart = t;
      this.windowCalls = 0;
    }
    this.windowCalls += 1;
    return { allowed: this.windowCalls <= this.rateLimitPerMinute, remaining: Math.max(0, this.rateLimitPerMinute - this.windowCalls) };
  }

  /** Refresh grant: rotate both tokens; the old refresh token stops working. */
  rotate(): { accessToken: string; refreshToken: string } {
    this.accessToken = randomToken('emu-at');
    this.refreshToken = randomToken('emu-rt');
    this.accessExpired = false;
    this.refreshes += 1;
    return { accessToken: this.accessToken, refreshToken: this.refreshToken };
  }
}
