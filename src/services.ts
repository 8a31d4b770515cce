/**
 * The services every part of the bot is given (constructor injection, no globals).
 * Built once in main.ts (or by a test) and passed down.
 */
import type { Logger } from 'pino';
import type { Config } from './config/load-config.js';
import type { Store } from './store/port.js';
import type { Understander } from './nlu/nlu-types.js';
import type { Procedure } from './catalog/procedure-schema.js';
import type { OutMessage, TransactionMessage, ZnsMessage } from './platform/zalo/messages.js';
import type { TaughtAliasCache } from './catalog/taught-alias-cache.js';
import type { ZnsSendResult, ZnsTemplateInfo } from './platform/zalo/parse-zns-answers.js';

export type Clock = () => Date;

export interface Catalog {
  readonly procedures: readonly Procedure[];
  byCode(code: string): Procedure | undefined;
  /** Everyday names from the alias overlay (fixtures/catalog/aliases.json); [] when none. */
  aliasesFor?(code: string): string[];
  /** Weaker hint words from the overlay; [] when none. */
  keywordsFor?(code: string): string[];
  /** Where the catalog came from (import source and time). */
  readonly meta?: { source: string; importedAt: string; count: number };
}

/** Result of one accepted OA send. */
export interface SendResult {
  messageIds: string[];
}

/** The part of the OA client the domain uses (platform/zalo/oa-client.ts implements it). */
export interface OaSender {
  /** Consultation message(s) (text split at 2,000 characters). */
  sendConsultation(userId: string, message: OutMessage): Promise<SendResult>;
  sendTransaction(userId: string, message: TransactionMessage): Promise<SendResult>;
  getUserProfile(userId: string): Promise<{ displayName?: string; lastInteractionDate?: string; isFollower?: boolean }>;
  /** ZNS to a phone (platform/zalo/oa-client.ts); absent on senders without ZNS. */
  sendZns?(message: ZnsMessage, trackingId: string): Promise<ZnsSendResult>;
  getZnsTemplateInfo?(templateId: string): Promise<ZnsTemplateInfo>;
  znsQuota?(): { daily: number; remaining: number; at: string } | undefined;
}

export interface Services {
  config: Config;
  store: Store;
  log: Logger;
  clock: Clock;
  catalog: Catalog;
  /** Understands with the taught aliases of `taught` (create-services.ts binds them). */
  nlu: Understander;
  /** Everyday names officers taught from the console, as this instance last read them. */
  taught: TaughtAliasCache;
  oa: OaSender;
  /** Wake the outbox worker now (after writing outbox items). */
  kickOutbox(): void;
}
