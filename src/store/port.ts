/**
 * The storage port: the only way domain code reads or writes state.
 * Implementations: memory (tests), lowdb (default, one process), PostgreSQL
 * (several instances). Domain code never imports lowdb or pg.
 *
 * Usage:
 *   await store.tx(async (t) => {
 *     const state = await t.getConversation(userId);
 *     ...
 *     await t.putConversation(next);
 *     await t.addOutbox([item]);
 *   }, { lock: `user:${userId}` });
 */
import type {
  ConversationState,
  Dossier,
  FeedbackTicket,
  FeedbackStatus,
  Handoff,
  InboundEventRecord,
  OutboxItem,
  OutboxStatus,
  QuestionReferral,
  SatisfactionResult,
  Subscription,
  TaughtAlias,
  TokenPair,
  Transcript,
  TurnLogEntry,
  UnansweredQuestion,
  UserProfile,
} from './records.js';

export interface TxOptions {
  /**
   * Serialise with every other tx holding the same lock name, across
   * instances (PostgreSQL: pg_advisory_xact_lock). e.g. `user:<id>`, `dossier:<code>`.
   */
  lock?: string;
}

export interface Store {
  readonly kind: 'memory' | 'lowdb' | 'postgres';
  /**
   * Run `fn` atomically: all its writes are durable together when the promise
   * resolves, or none of them if `fn` throws. Never call OA or other network
   * services inside `fn`.
   */
  tx<T>(fn: (t: Tx) => Promise<T>, opts?: TxOptions): Promise<T>;
  /** Hold a named lock across instances around `fn` (no transaction), e.g. the OA token refresh. */
  withLock<T>(name: string, fn: () => Promise<T>): Promise<T>;
  /** Flush pending writes and release files, locks and connections. */
  close(): Promise<void>;
}

export interface OutboxQuery {
  status?: OutboxStatus;
  userId?: string;
  dossierCode?: string;
  limit?: number;
}

export interface OutboxStats {
  pending: number;
  sending: number;
  sent: number;
  waiting: number;
  failed: number;
  /** createdAt of the oldest item not yet sent (pending, sending or waiting). */
  oldestUnsentAt?: string;
}

export interface DossierQuery {
  /** Matches code, procedure code or applicant name (case/diacritic-insensitive is up to the impl). */
  q?: string;
  status?: number;
  limit?: number;
  offset?: number;
}

export interface Tx {
  // Inbox: verified webhook events, recorded before acknowledging.
  /**
   * Insert unless the key exists, or `legacyKey` exists for the same user (the
   * event as an older version recorded it, before the sender was in the key);
   * true when inserted (a new event).
   */
  insertInbound(rec: InboundEventRecord, legacyKey?: string): Promise<boolean>;
  getInbound(key: string): Promise<InboundEventRecord | undefined>;
  putInbound(rec: InboundEventRecord): Promise<void>;
  /** Pending events received before `before`, oldest first (crash recovery). */
  listPendingInbound(before: string, limit: number): Promise<InboundEventRecord[]>;
  /** Parked (failed) events, most recently received first (the console). */
  listFailedInbound(limit: number): Promise<InboundEventRecord[]>;
  /** Drop done events received before `before` (dedupe keys kept long enough to cover platform retries). */
  pruneInbound(before: string): Promise<number>;

  // Conversations and users.
  getConversation(userId: string): Promise<ConversationState | undefined>;
  putConversation(state: ConversationState): Promise<void>;
  deleteConversation(userId: string): Promise<void>;
  getProfile(userId: string): Promise<UserProfile | undefined>;
  putProfile(profile: UserProfile): Promise<void>;

  // OA tokens (one pair per OA).
  getTokens(): Promise<TokenPair | undefined>;
  putTokens(pair: TokenPair): Promise<void>;

  // Dossiers (history is kept inside the record).
  getDossier(code: string): Promise<Dossier | undefined>;
  putDossier(dossier: Dossier): Promise<void>;
  searchDossiers(query: DossierQuery): Promise<{ items: Dossier[]; total: number }>;

  // Subscriptions (they expire and are pruned: retention.ts).
  /** Idempotent; true when newly added. */
  addSubscription(sub: Subscription): Promise<boolean>;
  /** True when one was removed. */
  removeSubscription(code: string, userId: string): Promise<boolean>;
  /** One user's subscription to one code, by key (no scan): the chat's entitlement check. */
  getSubscription(code: string, userId: string): Promise<Subscription | undefined>;
  listSubscribers(code: string): Promise<Subscription[]>;
  listUserSubscriptions(userId: string): Promise<Subscription[]>;
  removeUserSubscriptions(userId: string): Promise<number>;
  countSubscriptions(): Promise<number>;

  // Outbox (replies and notifications).
  /** Insert items whose dedupeKey is new; returns the ones inserted. */
  addOutbox(items: OutboxItem[]): Promise<OutboxItem[]>;
  getOutbox(id: string): Promise<OutboxItem | undefined>;
  putOutbox(item: OutboxItem): Promise<void>;
  /**
   * Claim up to `limit` deliverable items for `owner` until `leaseUntil`:
   * status pending with nextAttemptAt <= now, or sending with an expired lease.
   * Only the lowest-seq pending/sending item of each user is deliverable (per-user order);
   * waiting items are parked and hold nothing back.
   * Claimed items come back with status 'sending', claimedBy and leaseUntil set.
   */
  claimOutbox(owner: string, now: string, leaseUntil: string, limit: number): Promise<OutboxItem[]>;
  listOutbox(query: OutboxQuery): Promise<OutboxItem[]>;
  /** Move this user's waiting items back to pending (the user messaged the OA again). */
  releaseWaitingOutbox(userId: string, now: string): Promise<number>;
  outboxStats(): Promise<OutboxStats>;

  /** Monotonic per-name counter starting at 1 (ticket numbers, outbox seq). */
  nextCounter(name: string): Promise<number>;

  // Feedback (phản ánh, kiến nghị).
  addFeedback(ticket: FeedbackTicket): Promise<void>;
  getFeedbackBySource(sourceKey: string): Promise<FeedbackTicket | undefined>;
  /** Newest first; `status` filters. */
  listFeedback(limit?: number, status?: FeedbackStatus): Promise<FeedbackTicket[]>;
  getFeedback(number: string): Promise<FeedbackTicket | undefined>;
  /** Replace an existing ticket (status, replies); the number is the key. */
  putFeedback(ticket: FeedbackTicket): Promise<void>;
  /** One citizen's tickets, newest first (their lookup in chat). */
  listUserFeedback(userId: string, limit?: number): Promise<FeedbackTicket[]>;

  // Human handoff.
  getHandoff(userId: string): Promise<Handoff | undefined>;
  putHandoff(handoff: Handoff): Promise<void>;
  listHandoffs(status?: Handoff['status']): Promise<Handoff[]>;

  // Questions the bot could not answer.
  recordUnanswered(normalized: string, sample: string, reason: UnansweredQuestion['reason'], at: string): Promise<void>;
  listUnanswered(limit?: number): Promise<UnansweredQuestion[]>;

  // Attempt counting for rate limits (dossier challenges): timestamps per key.
  recordAttempt(key: string, at: string): Promise<void>;
  countAttempts(key: string, since: string): Promise<number>;
  clearAttempts(key: string): Promise<void>;

  // Satisfaction answers after a result is returned.
  addSatisfaction(result: SatisfactionResult): Promise<void>;
  listSatisfaction(limit?: number): Promise<SatisfactionResult[]>;

  // Recent turns per citizen (the officer sees them on a handoff); pruned when idle (retention.ts).
  getTranscript(userId: string): Promise<Transcript | undefined>;
  putTranscript(transcript: Transcript): Promise<void>;

  // Turn log for the console's charts.
  addTurnLog(entry: TurnLogEntry): Promise<void>;
  listTurnLog(since: string): Promise<TurnLogEntry[]>;

  // What officers teach from the unanswered list (every instance reads them).
  /** Insert or replace by key. */
  putTaughtAlias(alias: TaughtAlias): Promise<void>;
  /** True when one was removed. */
  deleteTaughtAlias(key: string): Promise<boolean>;
  /** Oldest first. */
  listTaughtAliases(): Promise<TaughtAlias[]>;
  putReferral(referral: QuestionReferral): Promise<void>;
  deleteReferral(key: string): Promise<boolean>;
  /** Oldest first. */
  listReferrals(): Promise<QuestionReferral[]>;

  // Presence marks, e.g. 'console' = the last authenticated officer call (shared by instances).
  touchPresence(name: string, at: string): Promise<void>;
  getPresence(name: string): Promise<string | undefined>;
}
