/**
 * The whole state as one JSON-serialisable object: what the memory store keeps
 * in memory and what the lowdb store keeps in its file. Every collection is a
 * map from id to record so that a transaction can stage writes per entry.
 * Collections are objects without a prototype: ids come from outside (Zalo user
 * ids, dossier codes, alias keys), and `constructor`, `toString` or `__proto__`
 * must be ids like any other (a plain object would answer them from Object.prototype).
 */
import type {
  ConversationState,
  Dossier,
  FeedbackTicket,
  Handoff,
  InboundEventRecord,
  OutboxItem,
  QuestionReferral,
  SatisfactionResult,
  Subscription,
  TaughtAlias,
  TokenPair,
  Transcript,
  TurnLogEntry,
  UnansweredQuestion,
  UserProfile,
} from '../records.js';

export interface DocumentData {
  schemaVersion: 1;
  /**
   * lowdb only: sequence number of the last journal entry whose effects this
   * document includes (see src/store/lowdb/journal.ts). Absent = 0.
   */
  journalSeq?: number;
  inbound: Record<string, InboundEventRecord>;
  conversations: Record<string, ConversationState>;
  profiles: Record<string, UserProfile>;
  tokens: Record<string, TokenPair>;
  dossiers: Record<string, Dossier>;
  subscriptions: Record<string, Subscription>;
  outbox: Record<string, OutboxItem>;
  counters: Record<string, number>;
  feedback: Record<string, FeedbackTicket>;
  handoffs: Record<string, Handoff>;
  unanswered: Record<string, UnansweredQuestion>;
  attempts: Record<string, string[]>;
  satisfaction: Record<string, SatisfactionResult>;
  turnLog: Record<string, TurnLogEntry>;
  taughtAliases: Record<string, TaughtAlias>;
  referrals: Record<string, QuestionReferral>;
  /** name -> ISO time. */
  presence: Record<string, string>;
  transcripts: Record<string, Transcript>;
}

export type CollectionName = Exclude<keyof DocumentData, 'schemaVersion'>;

export const COLLECTIONS: CollectionName[] = [
  'inbound',
  'conversations',
  'profiles',
  'tokens',
  'dossiers',
  'subscriptions',
  'outbox',
  'counters',
  'feedback',
  'handoffs',
  'unanswered',
  'attempts',
  'satisfaction',
  'turnLog',
  'taughtAliases',
  'referrals',
  'presence',
  'transcripts',
];

/** A collection: an object without a prototype (nothing inherited; `__proto__` is an ordinary key). */
export function newCollection<T>(entries?: Record<string, T>): Record<string, T> {
  const coll = Object.create(null) as Record<string, T>;
  if (entries) for (const id of Object.keys(entries)) coll[id] = entries[id]!;
  return coll;
}

export function emptyDocumentData(): DocumentData {
  const data = { schemaVersion: 1 } as DocumentData;
  for (const name of COLLECTIONS) (data as unknown as Record<string, unknown>)[name] = newCollection();
  return data;
}

/**
 * Make every collection of `data` prototype-free, in place (a document parsed
 * from JSON or built by a test has plain objects; a missing one starts empty). Returns `data`.
 */
export function withPlainCollections(data: DocumentData): DocumentData {
  const doc = data as unknown as Record<string, Record<string, unknown> | undefined>;
  for (const name of COLLECTIONS) {
    const coll = doc[name];
    if (!coll || Object.getPrototypeOf(coll) !== null) doc[name] = newCollection(coll ?? {});
  }
  return data;
}
