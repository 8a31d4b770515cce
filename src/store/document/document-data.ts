/**
 * The whole state as one JSON-serialisable object: what the memory store keeps
 * in memory and what the lowdb store keeps in its file. Every collection is a
 * map from id to record so that a transaction can stage writes per entry.
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

export function emptyDocumentData(): DocumentData {
  const data = { schemaVersion: 1 } as DocumentData;
  for (const name of COLLECTIONS) (data as unknown as Record<string, unknown>)[name] = {};
  return data;
}
