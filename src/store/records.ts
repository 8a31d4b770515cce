/**
 * Every record the bot persists. All three store implementations (memory, lowdb,
 * PostgreSQL) keep exactly these shapes; times are ISO-8601 strings (UTC) so the
 * records survive JSON round trips unchanged.
 */
import type { OutMessage } from '../platform/zalo/messages.js';

/**
 * A verified webhook event, recorded before the 200 is sent (the inbox).
 * pending → done (handled), or pending → failed (parked: it crashed, hung or threw
 * on every attempt; the citizen got an apology, the console lists it).
 */
export interface InboundEventRecord {
  /**
   * Dedupe key: `${event_name}:${user_id}:${msg_id}` or `${event_name}:${user_id}:sha256(body)`.
   * Records written before the user id was part of it have `${event_name}:${msg_id}`.
   */
  key: string;
  eventName: string;
  /** OA-scoped user id the event is about ('' when none). */
  userId: string;
  /**
   * The parsed, typed event (see platform/zalo/events.ts), as JSON. null once the
   * event is done: nothing reads it again, and the citizen's words are not kept longer than needed.
   */
  event: unknown;
  receivedAt: string;
  status: 'pending' | 'done' | 'failed';
  /** Instance running the current attempt, and until when no other may start one. */
  claimedBy?: string;
  leaseUntil?: string;
  /** Turns started, counted durably before each one runs (a crash or a kill counts too). */
  attempts: number;
  lastAttemptAt?: string;
  doneAt?: string;
  lastError?: string;
  /** Parked: when, and why ("gave up after 3 attempts; last error: …"). */
  failedAt?: string;
  failedReason?: string;
}

export type PendingQuestion =
  | { kind: 'dossier_code'; then?: 'status' | 'subscribe' | 'unsubscribe' }
  | { kind: 'challenge'; code: string; then?: 'status' | 'subscribe' }
  /** A one-time code was sent by ZNS to the phone on the dossier (or would have been, for an unknown code). */
  | { kind: 'otp'; code: string; then?: 'status' | 'subscribe' }
  | { kind: 'disambiguation'; intent: string; candidates: string[] }
  | { kind: 'feedback_content' }
  | { kind: 'satisfaction'; code: string };

/** Per-user conversation state, expires after CONVERSATION_IDLE_MINUTES of silence. */
export interface ConversationState {
  userId: string;
  /** National code of the procedure being talked about. */
  lastProcedure?: string;
  lastIntent?: string;
  lastCandidates?: string[];
  pending?: PendingQuestion;
  /** Consecutive turns the bot did not understand (drives automatic handoff). */
  failures: number;
  /** Dossier codes this user has proved they may see (in this conversation). */
  verifiedCodes?: string[];
  updatedAt: string;
}

/** What we know about a Zalo user across conversations. */
export interface UserProfile {
  userId: string;
  /** The Zalo display name (OA user detail), fetched when an officer needs it. */
  displayName?: string;
  /** When the display name was last asked for (asked again after a while if the OA had none). */
  displayNameCheckedAt?: string;
  /** From user_submit_info (request_user_info); phone normalised to 0xxxxxxxxx. */
  sharedName?: string;
  sharedPhone?: string;
  /** Last user-initiated interaction: opens the 7-day consultation window. */
  lastInteractionAt?: string;
  follower?: boolean;
  updatedAt: string;
}

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  /** When the access token expires (ISO). */
  expiresAt: string;
  updatedAt: string;
  /** Incremented by every refresh; lets an instance see another one refreshed. */
  version: number;
}

/** National status codes 1–10 (procedures-and-dossiers.md §4.1). */
export type NationalStatus = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10;

export type DossierState =
  | 'submitted'
  | 'received'
  | 'rejected_at_intake'
  | 'processing'
  | 'need_more_docs'
  | 'awaiting_payment'
  | 'withdrawn'
  | 'stopped'
  | 'result_ready'
  | 'returned';

export type DossierChannel = 'truc_tiep' | 'truc_tuyen' | 'buu_chinh';

export interface DossierEvent {
  eventId: string;
  status: NationalStatus;
  /** When it happened in the one-stop system (ISO). */
  at: string;
  note?: string;
  newAppointmentDate?: string;
  recordedAt: string;
  /**
   * False when the event was older than the current state, or came after a final
   * status (kept in history, no rollback).
   */
  applied: boolean;
  /** Set when the dossier already had a final status (3, 7, 10) when the event came: recorded, never applied or notified. */
  afterFinal?: true;
}

export interface Dossier {
  /** Receipt number, upper case. */
  code: string;
  procedureCode: string;
  applicant: { fullName: string; phone: string; idNumber?: string };
  agency?: string;
  channel?: DossierChannel;
  returnPlace?: string;
  /** The applicant's consent from the feed: ZNS to `applicant.phone` (absent = no consent). */
  consent?: { zns: boolean; at: string };
  receivedAt: string;
  /** Hẹn trả (ISO date, yyyy-mm-dd). */
  appointmentDate: string;
  status: NationalStatus;
  state: DossierState;
  /** `at` of the event that set the current status. */
  statusAt: string;
  /** When the bot recorded that the dossier reached a final status (3, 7, 10); absent while it is open. */
  finalAt?: string;
  /** Bounded: the first event, the one that set the current status and the latest ones (src/dossiers/bound-history.ts). */
  history: DossierEvent[];
  /** The status it was created with (absent on dossiers created before this was kept). */
  createdStatus?: NationalStatus;
  /** Events dropped from `history` to keep it bounded (absent = none). */
  historyDropped?: number;
  createdAt: string;
  updatedAt: string;
}

export interface Subscription {
  code: string;
  userId: string;
  createdAt: string;
}

export type OutboxStatus = 'pending' | 'sending' | 'sent' | 'waiting' | 'failed';

/**
 * One unit of delivery: a reply to one turn, or one notification to one subscriber.
 * `parts` are sent in order; `sentParts` counts the ones the OA accepted.
 */
export interface OutboxItem {
  id: string;
  /** Unique: the same key twice is one item (redelivered events never double). */
  dedupeKey: string;
  kind: 'reply' | 'notification';
  userId: string;
  parts: OutMessage[];
  /** For notifications sent outside the consultation window. */
  fallback?: OutMessage[];
  dossierCode?: string;
  status: OutboxStatus;
  sentParts: number;
  attempts: number;
  nextAttemptAt: string;
  claimedBy?: string;
  leaseUntil?: string;
  lastError?: string;
  oaMessageIds: string[];
  /** How it went out: consultation ('cs'), transaction fallback, or ZNS to the phone on the dossier. */
  via?: 'cs' | 'transaction' | 'zns';
  /** When the platform reported the message delivered (ZNS delivery webhook, by tracking_id = id). */
  deliveredAt?: string;
  /**
   * ZNS only: written durably just before the send call and cleared once its outcome is
   * recorded. Still set on a later claim = the call may have reached Zalo (a crash, or an
   * answer lost in transit): resolve it by the delivery receipt before sending again.
   */
  znsSendStartedAt?: string;
  createdAt: string;
  sentAt?: string;
  /** Per-user order: items of one user are delivered in seq order. */
  seq: number;
}

/** open → in_progress → answered → closed; an officer may set any of them. */
export type FeedbackStatus = 'open' | 'in_progress' | 'answered' | 'closed';

export interface FeedbackReply {
  at: string;
  text: string;
  /** The outbox item that carries it to the citizen (its delivery status is there). */
  outboxId: string;
}

export interface FeedbackTicket {
  number: string;
  userId: string;
  content: string;
  createdAt: string;
  /** The inbound event that created it (idempotent re-handling). */
  sourceKey: string;
  status: FeedbackStatus;
  /** Officers' answers sent to the citizen, oldest first. */
  replies?: FeedbackReply[];
  /** Last officer change (status or reply). */
  updatedAt?: string;
}

export interface Handoff {
  userId: string;
  status: 'open' | 'released' | 'expired';
  reason: 'requested' | 'repeated_failures';
  openedAt: string;
  expiresAt: string;
  releasedAt?: string;
  /** 'officer'/'admin' (console), or 'citizen' (the citizen went back to the bot). */
  releasedBy?: string;
  /** Last "an officer will answer" acknowledgement sent while open (at most one per 30 minutes). */
  lastAckAt?: string;
  /** Last citizen messages, for the officer. */
  lastMessages: { at: string; from: 'user' | 'officer'; text: string }[];
}

export interface UnansweredQuestion {
  /** Normalised text, the key. */
  normalized: string;
  sample: string;
  count: number;
  firstSeen: string;
  lastSeen: string;
  reason: 'not_in_catalog' | 'not_understood';
}

export interface SatisfactionResult {
  code: string;
  userId: string;
  score: 1 | 2 | 3 | 4 | 5;
  at: string;
}

/** One handled turn, for the console's charts. */
export interface TurnLogEntry {
  at: string;
  userId: string;
  intent: string;
  answered: boolean;
}

/** An everyday name an officer taught the bot for a procedure ("this means procedure …" in the console). */
export interface TaughtAlias {
  /** The alias folded (lower case, no diacritics, single spaces): the key. */
  key: string;
  /** As the officer wrote it. */
  alias: string;
  /** National code of the procedure. */
  code: string;
  /** Keys of the unanswered questions it was taught from (the to-do list hides them). */
  questions: string[];
  taughtAt: string;
  taughtBy: string;
}

/** "Not our procedure": where to send citizens who ask this; the bot answers with the note. */
export interface QuestionReferral {
  /** The question's content words, folded and sorted (src/dialog/unanswered/question-key.ts): the key. */
  key: string;
  /** One question as a citizen wrote it. */
  sample: string;
  /** What the bot says: where to go instead (Vietnamese, shown to the citizen). */
  note: string;
  questions: string[];
  createdAt: string;
  createdBy: string;
}

/** One turn of a citizen with the bot: what they wrote and what the bot answered. */
export interface TranscriptTurn {
  at: string;
  /** The citizen's text, or a bracketed placeholder for a sticker, an image, a shared info card. */
  user: string;
  /** The bot's reply texts, joined; '' when it said nothing (e.g. during a handoff). */
  bot: string;
}

/** The last turns of one citizen, so an officer taking over sees the conversation before. */
export interface Transcript {
  userId: string;
  turns: TranscriptTurn[];
  updatedAt: string;
}
