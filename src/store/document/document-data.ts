/**
 * The whole state as one JSON-serialisable object: what the memory store keeps
 * in memory and what the lowdb store keeps in its file. Every collection is a
 * map from id to record so that a transaction can stage writes per entry.
 * Collections are Maps in memory: ids come from outside (Zalo user ids, dossier
 * codes, alias keys), and `constructor`, `toString` or `__proto__` must be ids
 * like any other; and listing a Map of 60,000 records costs milliseconds where
 * Object.keys/values of an object that large costs 50-200 ms of event loop.
 * On disk (the lowdb snapshot) each collection is one JSON object: documentFromJson
 * and documentToJson convert.
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
  inbound: Map<string, InboundEventRecord>;
  conversations: Map<string, ConversationState>;
  profiles: Map<string, UserProfile>;
  tokens: Map<string, TokenPair>;
  dossiers: Map<string, Dossier>;
  subscriptions: Map<string, Subscription>;
  outbox: Map<string, OutboxItem>;
  counters: Map<string, number>;
  feedback: Map<string, FeedbackTicket>;
  handoffs: Map<string, Handoff>;
  unanswered: Map<string, UnansweredQuestion>;
  attempts: Map<string, string[]>;
  satisfaction: Map<string, SatisfactionResult>;
  turnLog: Map<string, TurnLogEntry>;
  taughtAliases: Map<string, TaughtAlias>;
  referrals: Map<string, QuestionReferral>;
  /** name -> ISO time. */
  presence: Map<string, string>;
  transcripts: Map<string, Transcript>;
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

export function emptyDocumentData(): DocumentData {
  const data = { schemaVersion: 1 } as DocumentData;
  for (const name of COLLECTIONS) (data as unknown as Record<string, unknown>)[name] = new Map();
  return data;
}

/**
 * A document from its JSON form (each collection an object; a missing one starts
 * empty). JSON.parse makes an id `__proto__` an own key, so every id comes through.
 */
export function documentFromJson(json: Record<string, unknown>): DocumentData {
  const data = { ...json } as Record<string, unknown>;
  for (const name of COLLECTIONS) data[name] = new Map(Object.entries((json[name] as Record<string, unknown> | undefined) ?? {}));
  return data as unknown as DocumentData;
}

/** The JSON form of a document, in one go (small documents and tests; the lowdb snapshot is written by write-snapshot.ts). */
export function documentToJson(data: DocumentData): string {
  return JSON.stringify(data, (_key, value: unknown) => (value instanceof Map ? Object.fromEntries(value) : value));
}
