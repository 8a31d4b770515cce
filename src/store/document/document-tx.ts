/**
 * The Tx port over a DocumentData object: shared by the memory and lowdb stores.
 * Records handed out are copies, so callers may mutate them freely.
 */
import type { DossierQuery, OutboxQuery, OutboxStats, Tx } from '../port.js';
import type {
  ConversationState,
  Dossier,
  FeedbackStatus,
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
import type { DocumentData } from './document-data.js';
import { StagedWrites } from './staged-writes.js';
import { outboxDedupeIndex } from './outbox-dedupe-index.js';
import { isOpenOutbox, openOutboxIds } from './outbox-open-index.js';
import {
  forgetSubscriptionKey,
  noteSubscription,
  subscriptionKeys,
  type SubscriptionCollection,
  type SubscriptionField,
} from './subscription-index.js';

const clone = <T>(v: T): T => (v === undefined ? v : structuredClone(v));
const subKey = (code: string, userId: string) => `${code}|${userId}`;
const fold = (s: string) =>
  s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();

export class DocumentTx implements Tx {
  readonly w: StagedWrites;

  constructor(data: DocumentData) {
    this.w = new StagedWrites(data);
  }

  async insertInbound(rec: InboundEventRecord, legacyKey?: string): Promise<boolean> {
    if (this.w.get('inbound', rec.key)) return false;
    if (legacyKey !== undefined && this.w.get<InboundEventRecord>('inbound', legacyKey)?.userId === rec.userId) return false;
    this.w.set('inbound', rec.key, rec);
    return true;
  }
  async getInbound(key: string) {
    return clone(this.w.get<InboundEventRecord>('inbound', key));
  }
  async putInbound(rec: InboundEventRecord) {
    this.w.set('inbound', rec.key, rec);
  }
  async listPendingInbound(before: string, limit: number) {
    return this.w
      .values<InboundEventRecord>('inbound')
      .filter((r) => r.status === 'pending' && r.receivedAt < before)
      .sort((a, b) => a.receivedAt.localeCompare(b.receivedAt))
      .slice(0, limit)
      .map(clone);
  }
  async listFailedInbound(limit: number) {
    return this.w
      .values<InboundEventRecord>('inbound')
      .filter((r) => r.status === 'failed')
      .sort((a, b) => b.receivedAt.localeCompare(a.receivedAt))
      .slice(0, limit)
      .map(clone);
  }
  async pruneInbound(before: string) {
    let n = 0;
    for (const r of this.w.values<InboundEventRecord>('inbound')) {
      if (r.status === 'done' && r.receivedAt < before) {
        this.w.delete('inbound', r.key);
        n++;
      }
    }
    return n;
  }

  async getConversation(userId: string) {
    return clone(this.w.get<ConversationState>('conversations', userId));
  }
  async putConversation(state: ConversationState) {
    this.w.set('conversations', state.userId, state);
  }
  async deleteConversation(userId: string) {
    this.w.delete('conversations', userId);
  }
  async getProfile(userId: string) {
    return clone(this.w.get<UserProfile>('profiles', userId));
  }
  async putProfile(profile: UserProfile) {
    this.w.set('profiles', profile.userId, profile);
  }

  async getTokens() {
    return clone(this.w.get<TokenPair>('tokens', 'oa'));
  }
  async putTokens(pair: TokenPair) {
    this.w.set('tokens', 'oa', pair);
  }

  async getDossier(code: string) {
    return clone(this.w.get<Dossier>('dossiers', code));
  }
  async putDossier(dossier: Dossier) {
    this.w.set('dossiers', dossier.code, dossier);
  }
  async searchDossiers(query: DossierQuery) {
    const q = query.q ? fold(query.q.trim()) : '';
    const all = this.w
      .values<Dossier>('dossiers')
      .filter((d) => query.status === undefined || d.status === query.status)
      .filter(
        (d) =>
          !q ||
          fold(d.code).includes(q) ||
          d.procedureCode.includes(q) ||
          fold(d.applicant.fullName).includes(q),
      )
      .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
    const offset = query.offset ?? 0;
    const limit = query.limit ?? 50;
    return { items: all.slice(offset, offset + limit).map(clone), total: all.length };
  }

  async addSubscription(sub: Subscription) {
    const k = subKey(sub.code, sub.userId);
    if (this.w.get('subscriptions', k)) return false;
    this.w.set('subscriptions', k, sub);
    noteSubscription(this.committedSubscriptions(), k, sub);
    return true;
  }
  async removeSubscription(code: string, userId: string) {
    const k = subKey(code, userId);
    if (!this.w.get('subscriptions', k)) return false;
    this.w.delete('subscriptions', k);
    return true;
  }
  async getSubscription(code: string, userId: string) {
    return clone(this.w.get<Subscription>('subscriptions', subKey(code, userId)));
  }
  private committedSubscriptions(): SubscriptionCollection {
    const data = this.w.data.subscriptions;
    return { data, entries: () => data.entries(), has: (key) => data.has(key) };
  }
  /** Through the index (committed keys) plus this transaction's own writes; oldest first, as PostgreSQL orders them. */
  private subscriptionsWhere(field: SubscriptionField, value: string): Subscription[] {
    const subs = this.committedSubscriptions();
    const keys = new Set(subscriptionKeys(subs, field, value));
    for (const k of this.w.stagedIds('subscriptions')) {
      keys.add(k);
      // Staged before the index was built (just now, from the committed data): note them for after the commit.
      const staged = this.w.get<Subscription>('subscriptions', k);
      if (staged) noteSubscription(subs, k, staged);
    }
    const out: Subscription[] = [];
    for (const k of keys) {
      const s = this.w.get<Subscription>('subscriptions', k);
      if (!s) forgetSubscriptionKey(subs, field, value, k);
      else if (s[field] === value) out.push(clone(s));
    }
    const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
    return out.sort((a, b) => cmp(a.createdAt, b.createdAt) || cmp(a.code, b.code) || cmp(a.userId, b.userId));
  }
  async listSubscribers(code: string) {
    return this.subscriptionsWhere('code', code);
  }
  async listUserSubscriptions(userId: string) {
    return this.subscriptionsWhere('userId', userId);
  }
  async removeUserSubscriptions(userId: string) {
    const subs = await this.listUserSubscriptions(userId);
    for (const s of subs) this.w.delete('subscriptions', subKey(s.code, s.userId));
    return subs.length;
  }
  async countSubscriptions() {
    return this.w.values('subscriptions').length;
  }

  /** dedupeKey → id of outbox items written by this transaction (not in the committed index yet). */
  private readonly stagedDedupe = new Map<string, string>();

  private hasDedupeKey(key: string): boolean {
    for (const id of [this.stagedDedupe.get(key), outboxDedupeIndex(this.w.data.outbox).get(key)]) {
      if (id !== undefined && this.w.get<OutboxItem>('outbox', id)?.dedupeKey === key) return true;
    }
    return false;
  }

  async addOutbox(items: OutboxItem[]) {
    const inserted: OutboxItem[] = [];
    for (const item of items) {
      if (this.hasDedupeKey(item.dedupeKey)) continue;
      this.stagedDedupe.set(item.dedupeKey, item.id);
      this.w.set('outbox', item.id, item);
      inserted.push(clone(item));
    }
    return inserted;
  }
  async getOutbox(id: string) {
    return clone(this.w.get<OutboxItem>('outbox', id));
  }
  async putOutbox(item: OutboxItem) {
    this.stagedDedupe.set(item.dedupeKey, item.id);
    this.w.set('outbox', item.id, item);
  }
  /** Current pending, sending and waiting items (committed index + this tx's writes), in outbox order. */
  private openOutbox(): OutboxItem[] {
    const ids = openOutboxIds(this.w.data.outbox);
    const out: OutboxItem[] = [];
    const take = (id: string) => {
      const item = this.w.get<OutboxItem>('outbox', id);
      if (item && isOpenOutbox(item.status)) out.push(item);
    };
    for (const id of ids) take(id);
    for (const id of this.w.stagedIds('outbox')) if (!ids.has(id)) take(id);
    return out;
  }

  async claimOutbox(owner: string, now: string, leaseUntil: string, limit: number) {
    const unfinished = this.openOutbox()
      // Waiting items are parked until the citizen writes again; they must not
      // hold back that citizen's later items (e.g. a notification with a fallback).
      .filter((i) => i.status === 'pending' || i.status === 'sending');
    // Per-user order: only the lowest-seq unfinished item of each user may go.
    const head = new Map<string, OutboxItem>();
    for (const i of unfinished) {
      const h = head.get(i.userId);
      if (!h || i.seq < h.seq) head.set(i.userId, i);
    }
    const ready = [...head.values()]
      .filter(
        (i) =>
          (i.status === 'pending' && i.nextAttemptAt <= now) ||
          (i.status === 'sending' && (i.leaseUntil ?? '') < now),
      )
      .sort((a, b) => a.nextAttemptAt.localeCompare(b.nextAttemptAt) || a.seq - b.seq)
      .slice(0, limit);
    return ready.map((i) => {
      const claimed: OutboxItem = { ...clone(i), status: 'sending', claimedBy: owner, leaseUntil };
      this.w.set('outbox', i.id, claimed);
      return claimed;
    });
  }
  async listOutbox(query: OutboxQuery) {
    return this.w
      .values<OutboxItem>('outbox')
      .filter((i) => !query.status || i.status === query.status)
      .filter((i) => !query.userId || i.userId === query.userId)
      .filter((i) => !query.dossierCode || i.dossierCode === query.dossierCode)
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.seq - a.seq)
      .slice(0, query.limit ?? 100)
      .map(clone);
  }
  async releaseWaitingOutbox(userId: string, now: string) {
    let n = 0;
    for (const i of this.openOutbox()) {
      if (i.userId === userId && i.status === 'waiting') {
        this.w.set('outbox', i.id, { ...i, status: 'pending', nextAttemptAt: now });
        n++;
      }
    }
    return n;
  }
  async outboxStats() {
    const stats: OutboxStats = { pending: 0, sending: 0, sent: 0, waiting: 0, failed: 0 };
    for (const i of this.w.values<OutboxItem>('outbox')) {
      stats[i.status]++;
      if (i.status !== 'sent' && i.status !== 'failed') {
        if (!stats.oldestUnsentAt || i.createdAt < stats.oldestUnsentAt) stats.oldestUnsentAt = i.createdAt;
      }
    }
    return stats;
  }

  async nextCounter(name: string) {
    const n = (this.w.get<number>('counters', name) ?? 0) + 1;
    this.w.set('counters', name, n);
    return n;
  }

  async addFeedback(ticket: FeedbackTicket) {
    this.w.set('feedback', ticket.number, ticket);
  }
  async getFeedbackBySource(sourceKey: string) {
    return clone(this.w.values<FeedbackTicket>('feedback').find((f) => f.sourceKey === sourceKey));
  }
  async listFeedback(limit = 100, status?: FeedbackStatus) {
    return this.w
      .values<FeedbackTicket>('feedback')
      .filter((f) => !status || f.status === status)
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
      .slice(0, limit)
      .map(clone);
  }
  async getFeedback(number: string) {
    return clone(this.w.get<FeedbackTicket>('feedback', number));
  }
  async putFeedback(ticket: FeedbackTicket) {
    this.w.set('feedback', ticket.number, ticket);
  }
  async listUserFeedback(userId: string, limit = 20) {
    return this.w
      .values<FeedbackTicket>('feedback')
      .filter((f) => f.userId === userId)
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
      .slice(0, limit)
      .map(clone);
  }

  async getHandoff(userId: string) {
    return clone(this.w.get<Handoff>('handoffs', userId));
  }
  async putHandoff(handoff: Handoff) {
    this.w.set('handoffs', handoff.userId, handoff);
  }
  async listHandoffs(status?: Handoff['status']) {
    return this.w
      .values<Handoff>('handoffs')
      .filter((h) => !status || h.status === status)
      .sort((a, b) => a.openedAt.localeCompare(b.openedAt))
      .map(clone);
  }

  async recordUnanswered(normalized: string, sample: string, reason: UnansweredQuestion['reason'], at: string) {
    const prev = this.w.get<UnansweredQuestion>('unanswered', normalized);
    this.w.set('unanswered', normalized, {
      normalized,
      sample: prev?.sample ?? sample,
      count: (prev?.count ?? 0) + 1,
      firstSeen: prev?.firstSeen ?? at,
      lastSeen: at,
      reason,
    });
  }
  async listUnanswered(limit = 100) {
    return this.w
      .values<UnansweredQuestion>('unanswered')
      .sort((a, b) => b.count - a.count || b.lastSeen.localeCompare(a.lastSeen))
      .slice(0, limit)
      .map(clone);
  }

  async recordAttempt(key: string, at: string) {
    // Keep a bounded window: older than a day is never asked for.
    const dayAgo = new Date(Date.parse(at) - 86_400_000).toISOString();
    const list = (this.w.get<string[]>('attempts', key) ?? []).filter((t) => t >= dayAgo);
    list.push(at);
    this.w.set('attempts', key, list);
  }
  async countAttempts(key: string, since: string) {
    return (this.w.get<string[]>('attempts', key) ?? []).filter((t) => t >= since).length;
  }
  async clearAttempts(key: string) {
    this.w.delete('attempts', key);
  }

  async addSatisfaction(result: SatisfactionResult) {
    this.w.set('satisfaction', `${result.code}|${result.userId}|${result.at}`, result);
  }
  async listSatisfaction(limit = 100) {
    return this.w
      .values<SatisfactionResult>('satisfaction')
      .sort((a, b) => b.at.localeCompare(a.at))
      .slice(0, limit)
      .map(clone);
  }

  async getTranscript(userId: string) {
    return clone(this.w.get<Transcript>('transcripts', userId));
  }
  async putTranscript(transcript: Transcript) {
    this.w.set('transcripts', transcript.userId, transcript);
  }

  async addTurnLog(entry: TurnLogEntry) {
    const n = await this.nextCounter('turnLog');
    this.w.set('turnLog', String(n), entry);
  }
  async listTurnLog(since: string) {
    return this.w.values<TurnLogEntry>('turnLog').filter((e) => e.at >= since).map(clone);
  }

  async putTaughtAlias(alias: TaughtAlias) {
    this.w.set('taughtAliases', alias.key, alias);
  }
  async deleteTaughtAlias(key: string) {
    if (!this.w.get('taughtAliases', key)) return false;
    this.w.delete('taughtAliases', key);
    return true;
  }
  async listTaughtAliases() {
    return this.w
      .values<TaughtAlias>('taughtAliases')
      .sort((a, b) => a.taughtAt.localeCompare(b.taughtAt) || a.key.localeCompare(b.key))
      .map(clone);
  }
  async putReferral(referral: QuestionReferral) {
    this.w.set('referrals', referral.key, referral);
  }
  async deleteReferral(key: string) {
    if (!this.w.get('referrals', key)) return false;
    this.w.delete('referrals', key);
    return true;
  }
  async listReferrals() {
    return this.w
      .values<QuestionReferral>('referrals')
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.key.localeCompare(b.key))
      .map(clone);
  }

  async touchPresence(name: string, at: string) {
    const prev = this.w.get<string>('presence', name);
    if (!prev || prev < at) this.w.set('presence', name, at);
  }
  async getPresence(name: string) {
    return this.w.get<string>('presence', name);
  }
}
