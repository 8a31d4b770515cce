/**
 * What a dialog handler gets for one turn (one inbound user event).
 * The whole turn runs inside one store transaction holding the user's lock;
 * replies collected here are written to the outbox in that same transaction,
 * so a redelivered or re-handled event never sends twice.
 */
import type { OaEvent } from '../platform/zalo/events.js';
import type { OutMessage } from '../platform/zalo/messages.js';
import type { NluResult } from '../nlu/nlu-types.js';
import type { Tx } from '../store/port.js';
import type { ConversationState, UserProfile } from '../store/records.js';
import type { Services } from '../services.js';

export interface TurnContext {
  services: Services;
  t: Tx;
  /** Inbox key of the event (idempotency key for anything the turn creates). */
  eventKey: string;
  event: OaEvent;
  userId: string;
  now: Date;
  /**
   * Text of a user_send_text (a tapped oa.query button arrives as its payload text), as the bot
   * reads it: the bounded prefix the understander read (readablePrefix, src/nlu/message-limits.ts).
   * The whole message, for people (feedback tickets, officers), is wholeText(ctx).
   */
  text: string | null;
  /** Understanding of `text`, when there is text. */
  nlu: NluResult | null;
  /** Mutable: saved at the end of the turn. */
  state: ConversationState;
  /** Mutable: saved at the end of the turn. */
  profile: UserProfile;
  /** Collected replies, sent in order after the turn commits. */
  replies: OutMessage[];
  reply(...messages: OutMessage[]): void;
  /**
   * Run after the turn's transaction commits (network calls such as the
   * handoff webhook belong here, never inside the transaction). Errors are logged.
   */
  afterCommit(fn: () => Promise<void> | void): void;
  /** For the turn log and metrics. */
  outcome: { intent: string; answered: boolean };
}

export type TurnHandler = (ctx: TurnContext) => Promise<void>;

/** The whole text of the message, for what people read (a feedback ticket, an officer in a handoff). */
export function wholeText(ctx: TurnContext): string | null {
  return ctx.event.kind === 'user_send_text' ? ctx.event.text : ctx.text;
}
