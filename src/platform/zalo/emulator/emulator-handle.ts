/**
 * The programmatic face of the OA emulator, used by tests, local mode and the
 * /simulator page. The emulator itself is a real HTTP server (see oa-emulator.ts).
 */
import type { EventEmitter } from 'node:events';

/** One message the bot sent through the emulated OA API. */
export interface RecordedOutbound {
  id: string;
  /** OA message id returned to the bot. */
  messageId: string;
  at: string;
  /** e.g. '/v3.0/oa/message/cs' or '/v3.0/oa/message/transaction'. */
  endpoint: string;
  userId: string;
  /** The request body's `message` object as received (wire format). */
  message: Record<string, unknown>;
  accessToken: string;
}

export interface InjectedFault {
  /** Path the fault applies to (default: any send endpoint). */
  endpoint?: string;
  kind: 'api' | 'http' | 'timeout' | 'reset';
  /** OA error code for kind 'api' (e.g. -216, -230, -32). */
  code?: number;
  /** HTTP status for kind 'http' (e.g. 500, 429). */
  status?: number;
  /** How many calls it applies to (default 1). */
  times?: number;
  /** Seconds for a Retry-After header on 'http' 429/503 and 'api' -32 faults (default none). */
  retryAfterSeconds?: number;
  /** For 'timeout': how long to hang before destroying the socket (default 15,000 ms, above the client's 10 s). */
  hangMs?: number;
  /**
   * For 'timeout': the call is carried out (a send is accepted and recorded) and only its
   * answer is lost, as when the network fails on the way back. Default false: nothing happens.
   */
  afterAccept?: boolean;
}

export interface PostResult {
  /** HTTP status the bot's webhook answered. */
  status: number;
  msgId?: string;
  /** Set when the webhook could not be reached (status is then 0): 'timeout' or the socket error. */
  error?: string;
}

export interface OaEmulatorHandle {
  /** Base URL of the emulated OpenAPI and OAuth servers (same server). */
  readonly url: string;
  readonly appId: string;
  readonly oaSecretKey: string;
  readonly appSecretKey: string;
  /** Emits 'outbound' with a RecordedOutbound for every accepted send. */
  readonly events: EventEmitter;

  // Inbound side: build, sign and POST events to the bot's webhook.
  userSays(userId: string, text: string): Promise<PostResult>;
  /** A tapped oa.query.show/hide button: arrives as user_send_text whose text is the payload. */
  userTaps(userId: string, payload: string): Promise<PostResult>;
  userSendsMedia(userId: string, media: 'image' | 'sticker' | 'file' | 'location' | 'gif' | 'audio' | 'video' | 'link'): Promise<PostResult>;
  follow(userId: string): Promise<PostResult>;
  unfollow(userId: string): Promise<PostResult>;
  submitInfo(userId: string, info: { name: string; phone: string }): Promise<PostResult>;

  // Outbound side: what the bot sent.
  outbound(userId?: string): RecordedOutbound[];
  clearOutbound(): void;
  injectFault(fault: InjectedFault): void;
  clearFaults(): void;
  /** Set when the user last interacted (drives the 7-day consultation window; -230 outside it). */
  setLastInteraction(userId: string, at: Date): void;
  /** Mark a user as (not) following the OA without posting an event (transaction messages need a follower). */
  setFollower(userId: string, follows: boolean): void;
  /** Where inbound events are POSTed (the bot's /webhooks/zalo). */
  setWebhookUrl(url: string): void;
  /** Token the emulator currently accepts, and a way to expire it (next call gets -216). */
  currentAccessToken(): string;
  expireAccessToken(): void;
  /** Count of successful refresh_token grants served. */
  refreshCount(): number;
  close(): Promise<void>;
}
