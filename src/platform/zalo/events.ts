/**
 * Inbound OA events as a discriminated union on `kind` (the OA event_name).
 * Parsed once at the edge by parse-oa-event.ts; inside, trust these types.
 * IDs stay strings (some exceed 2^53). Keep in sync with parse-oa-event.ts.
 */

interface Base {
  appId: string;
  /** Epoch milliseconds as sent (a decimal string). */
  timestamp: string;
  /** OA-scoped id of the user the event is about. */
  userId: string;
  oaId: string;
}

export interface UserSendText extends Base {
  kind: 'user_send_text';
  msgId: string;
  text: string;
  quoteMsgId?: string;
}

export type MediaKind =
  | 'image'
  | 'gif'
  | 'link'
  | 'audio'
  | 'video'
  | 'sticker'
  | 'file'
  | 'location'
  | 'business_card';

export interface UserSendMedia extends Base {
  kind: 'user_send_media';
  /** Which user_send_* it was. */
  eventName: string;
  media: MediaKind;
  msgId: string;
  text?: string;
}

export interface Follow extends Base {
  kind: 'follow';
  source?: string;
}

export interface Unfollow extends Base {
  kind: 'unfollow';
}

export interface UserSubmitInfo extends Base {
  kind: 'user_submit_info';
  name?: string;
  /** Normalised to 0xxxxxxxxx (the platform sends 84xxxxxxxxx). */
  phone?: string;
}

export interface UserReceivedMessage extends Base {
  kind: 'user_received_message';
  msgId: string;
}

/**
 * A ZNS delivery receipt: user_received_message whose message carries our
 * tracking_id (shape from one secondary source: platform doc §3.3, "low").
 * The recipient is a phone, so userId is left empty (phones never reach logs).
 */
export interface ZnsDelivered extends Base {
  kind: 'zns_delivered';
  msgId: string;
  trackingId: string;
  /** Epoch ms as sent, when given. */
  deliveryTime?: string;
}

export interface UserSeenMessage extends Base {
  kind: 'user_seen_message';
  msgIds: string[];
}

/** Anything else that was correctly signed: acknowledged and ignored. */
export interface IgnoredEvent extends Base {
  kind: 'ignored';
  eventName: string;
}

export type OaEvent =
  | UserSendText
  | UserSendMedia
  | Follow
  | Unfollow
  | UserSubmitInfo
  | UserReceivedMessage
  | ZnsDelivered
  | UserSeenMessage
  | IgnoredEvent;
