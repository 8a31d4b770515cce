/**
 * What the bot wants to send, independent of the OA wire format.
 * The OA client (oa-client.ts) turns each OutMessage into one API call;
 * the outbox stores OutMessages as JSON, so keep these plain data.
 */
export type OaButton =
  | { type: 'oa.query.show'; title: string; payload: string }
  | { type: 'oa.query.hide'; title: string; payload: string }
  | { type: 'oa.open.url'; title: string; payload: { url: string } }
  | { type: 'oa.open.phone'; title: string; payload: { phone_code: string } };

export interface TextMessage {
  kind: 'text';
  /** At most 2,000 characters once sent; the client splits longer text. */
  text: string;
  /** At most 5; attached to the last part when the text is split. */
  buttons?: OaButton[];
}

export interface RequestUserInfoMessage {
  kind: 'request_user_info';
  title: string;
  subtitle: string;
  imageUrl: string;
}

/** A transaction message (tin Giao dịch): allowed outside the 7-day consultation window. */
export interface TransactionMessage {
  kind: 'transaction';
  /** e.g. "transaction_order"; the full list is unconfirmed (see docs/platform-decisions.md). */
  templateType: string;
  header: string;
  text: string;
  table: { key: string; value: string }[];
  buttons?: OaButton[];
}

/**
 * A ZNS template message to a phone number (platform doc §3.3), whatever the follow
 * state or the 7-day window. The phone travels inside the part, never in the
 * outbox item's userId (which reaches log lines).
 */
export interface ZnsMessage {
  kind: 'zns';
  /** The key in ZNS_TEMPLATES_FILE ('9', 'delay', 'otp', …). */
  templateKey: string;
  templateId: string;
  /** International form without '+': 84xxxxxxxxx. */
  phone: string;
  /** ZNS parameter name → value. */
  data: Record<string, string>;
}

export type OutMessage = TextMessage | RequestUserInfoMessage | TransactionMessage | ZnsMessage;

export const MAX_TEXT_LENGTH = 2000;
export const MAX_BUTTONS = 5;
