/**
 * The Tx port on one PostgreSQL connection inside BEGIN … COMMIT (see pg-store.ts).
 * Same semantics as DocumentTx (memory, lowdb); the contract suite checks both.
 */
import type { ClientBase } from 'pg';
import type { DossierQuery, OutboxQuery, Tx } from '../port.js';
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
import * as outbox from './pg-outbox.js';
import * as dossiers from './pg-dossiers.js';
import { toJsonb } from './to-jsonb.js';

const json = toJsonb;

export class PgTx implements Tx {
  constructor(private readonly c: ClientBase) {}

  private async one<T>(sql: string, params: unknown[]): Promise<T | undefined> {
    const r = await this.c.query<{ data: T }>(sql, params);
    return r.rows[0]?.data;
  }
  private async many<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    return (await this.c.query<{ data: T }>(sql, params)).rows.map((r) => r.data);
  }

  async insertInbound(rec: InboundEventRecord, legacyKey?: string) {
    // One statement (one round trip on the webhook's path), the legacy key test included.
    const r = await this.c.query(
      `INSERT INTO inbound_events (key, status, received_at, data)
       SELECT $1::text, $2::text, $3::text, $4::jsonb
        WHERE $5::text IS NULL OR NOT EXISTS (SELECT 1 FROM inbound_events WHERE key = $5 AND data->>'userId' = $6)
       ON CONFLICT (key) DO NOTHING`,
      [rec.key, rec.status, rec.receivedAt, json(rec), legacyKey ?? null, rec.userId],
    );
    return r.rowCount === 1;
  }
  getInbound(key: string) {
    return this.one<InboundEventRecord>('SELECT data FROM inbound_events WHERE key = $1', [key]);
  }
  async putInbound(rec: InboundEventRecord) {
    await this.c.query(
      `INSERT INTO inbound_events (key, status, received_at, data) VALUES ($1, $2, $3, $4)
       ON CONFLICT (key) DO UPDATE SET status = EXCLUDED.status, received_at = EXCLUDED.received_at, data = EXCLUDED.data`,
      [rec.key, rec.status, rec.receivedAt, json(rec)],
    );
  }
  listPendingInbound(before: string, limit: number) {
    return this.many<InboundEventRecord>(
      `SELECT data FROM inbound_events WHERE status = 'pending' AND received_at < $1 ORDER BY received_at LIMIT $2`,
      [before, limit],
    );
  }
  listFailedInbound(limit: number) {
    return this.many<InboundEventRecord>(
      `SELECT data FROM inbound_events WHERE status = 'failed' ORDER BY received_at DESC LIMIT $1`,
      [limit],
    );
  }
  async pruneInbound(before: string) {
    const r = await this.c.query(`DELETE FROM inbound_events WHERE status = 'done' AND received_at < $1`, [before]);
    return r.rowCount ?? 0;
  }

  getConversation(userId: string) {
    return this.one<ConversationState>('SELECT data FROM conversations WHERE user_id = $1', [userId]);
  }
  async putConversation(state: ConversationState) {
    await this.c.query(
      `INSERT INTO conversations (user_id, data) VALUES ($1, $2) ON CONFLICT (user_id) DO UPDATE SET data = EXCLUDED.data`,
      [state.userId, json(state)],
    );
  }
  async deleteConversation(userId: string) {
    await this.c.query('DELETE FROM conversations WHERE user_id = $1', [userId]);
  }
  getProfile(userId: string) {
    return this.one<UserProfile>('SELECT data FROM profiles WHERE user_id = $1', [userId]);
  }
  async putProfile(profile: UserProfile) {
    await this.c.query(
      `INSERT INTO profiles (user_id, data) VALUES ($1, $2) ON CONFLICT (user_id) DO UPDATE SET data = EXCLUDED.data`,
      [profile.userId, json(profile)],
    );
  }

  getTokens() {
    return this.one<TokenPair>(`SELECT data FROM tokens WHERE id = 'oa'`, []);
  }
  async putTokens(pair: TokenPair) {
    await this.c.query(
      `INSERT INTO tokens (id, version, data) VALUES ('oa', $1, $2)
       ON CONFLICT (id) DO UPDATE SET version = EXCLUDED.version, data = EXCLUDED.data`,
      [pair.version, json(pair)],
    );
  }

  getDossier(code: string) {
    return this.one<Dossier>('SELECT data FROM dossiers WHERE code = $1', [code]);
  }
  putDossier(d: Dossier) {
    return dossiers.putDossier(this.c, d);
  }
  searchDossiers(query: DossierQuery) {
    return dossiers.searchDossiers(this.c, query);
  }

  async addSubscription(sub: Subscription) {
    const r = await this.c.query(
      `INSERT INTO subscriptions (code, user_id, created_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
      [sub.code, sub.userId, sub.createdAt],
    );
    return r.rowCount === 1;
  }
  async removeSubscription(code: string, userId: string) {
    const r = await this.c.query('DELETE FROM subscriptions WHERE code = $1 AND user_id = $2', [code, userId]);
    return r.rowCount === 1;
  }
  async getSubscription(code: string, userId: string) {
    // The primary key (code, user_id): one index probe whether or not the row exists.
    return (await this.subs('code = $1 AND user_id = $2', [code, userId]))[0];
  }
  private async subs(where: string, params: unknown[]): Promise<Subscription[]> {
    const r = await this.c.query<{ code: string; user_id: string; created_at: string }>(
      `SELECT code, user_id, created_at FROM subscriptions WHERE ${where} ORDER BY created_at, code, user_id`,
      params,
    );
    return r.rows.map((s) => ({ code: s.code, userId: s.user_id, createdAt: s.created_at }));
  }
  listSubscribers(code: string) {
    return this.subs('code = $1', [code]);
  }
  listUserSubscriptions(userId: string) {
    return this.subs('user_id = $1', [userId]);
  }
  async removeUserSubscriptions(userId: string) {
    return (await this.c.query('DELETE FROM subscriptions WHERE user_id = $1', [userId])).rowCount ?? 0;
  }
  async countSubscriptions() {
    return Number((await this.c.query<{ n: string }>('SELECT count(*) AS n FROM subscriptions')).rows[0]!.n);
  }

  addOutbox(items: OutboxItem[]) {
    return outbox.addOutbox(this.c, items);
  }
  getOutbox(id: string) {
    return this.one<OutboxItem>('SELECT data FROM outbox WHERE id = $1', [id]);
  }
  putOutbox(item: OutboxItem) {
    return outbox.putOutbox(this.c, item);
  }
  claimOutbox(owner: string, now: string, leaseUntil: string, limit: number) {
    return outbox.claimOutbox(this.c, owner, now, leaseUntil, limit);
  }
  listOutbox(query: OutboxQuery) {
    return outbox.listOutbox(this.c, query);
  }
  releaseWaitingOutbox(userId: string, now: string) {
    return outbox.releaseWaitingOutbox(this.c, userId, now);
  }
  outboxStats() {
    return outbox.outboxStats(this.c);
  }

  async nextCounter(name: string) {
    // The row lock held to commit makes concurrent callers take strictly increasing values.
    const r = await this.c.query<{ value: string }>(
      `INSERT INTO counters (name, value) VALUES ($1, 1)
       ON CONFLICT (name) DO UPDATE SET value = counters.value + 1 RETURNING value`,
      [name],
    );
    return Number(r.rows[0]!.value);
  }

  async addFeedback(t: FeedbackTicket) {
    await this.putFeedback(t);
  }
  async putFeedback(t: FeedbackTicket) {
    await this.c.query(
      `INSERT INTO feedback (number, source_key, created_at, user_id, status, data) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (number) DO UPDATE SET source_key = EXCLUDED.source_key, created_at = EXCLUDED.created_at,
         user_id = EXCLUDED.user_id, status = EXCLUDED.status, data = EXCLUDED.data`,
      [t.number, t.sourceKey, t.createdAt, t.userId, t.status, json(t)],
    );
  }
  getFeedback(number: string) {
    return this.one<FeedbackTicket>('SELECT data FROM feedback WHERE number = $1', [number]);
  }
  listUserFeedback(userId: string, limit = 20) {
    return this.many<FeedbackTicket>('SELECT data FROM feedback WHERE user_id = $1 ORDER BY created_at DESC LIMIT $2', [
      userId,
      limit,
    ]);
  }
  getFeedbackBySource(sourceKey: string) {
    return this.one<FeedbackTicket>('SELECT data FROM feedback WHERE source_key = $1 ORDER BY created_at LIMIT 1', [
      sourceKey,
    ]);
  }
  listFeedback(limit = 100, status?: FeedbackStatus) {
    return this.many<FeedbackTicket>(
      'SELECT data FROM feedback WHERE ($2::text IS NULL OR status = $2) ORDER BY created_at DESC LIMIT $1',
      [limit, status ?? null],
    );
  }

  getHandoff(userId: string) {
    return this.one<Handoff>('SELECT data FROM handoffs WHERE user_id = $1', [userId]);
  }
  async putHandoff(h: Handoff) {
    await this.c.query(
      `INSERT INTO handoffs (user_id, status, opened_at, data) VALUES ($1, $2, $3, $4)
       ON CONFLICT (user_id) DO UPDATE SET status = EXCLUDED.status, opened_at = EXCLUDED.opened_at, data = EXCLUDED.data`,
      [h.userId, h.status, h.openedAt, json(h)],
    );
  }
  listHandoffs(status?: Handoff['status']) {
    return this.many<Handoff>(
      'SELECT data FROM handoffs WHERE ($1::text IS NULL OR status = $1) ORDER BY opened_at',
      [status ?? null],
    );
  }

  async recordUnanswered(normalized: string, sample: string, reason: UnansweredQuestion['reason'], at: string) {
    const fresh: UnansweredQuestion = { normalized, sample, count: 1, firstSeen: at, lastSeen: at, reason };
    await this.c.query(
      `INSERT INTO unanswered (normalized, count, last_seen, data) VALUES ($1, 1, $2, $3)
       ON CONFLICT (normalized) DO UPDATE SET count = unanswered.count + 1, last_seen = $2,
         data = unanswered.data || jsonb_build_object('count', unanswered.count + 1, 'lastSeen', $2::text, 'reason', $4::text)`,
      [normalized, at, json(fresh), reason],
    );
  }
  listUnanswered(limit = 100) {
    return this.many<UnansweredQuestion>('SELECT data FROM unanswered ORDER BY count DESC, last_seen DESC LIMIT $1', [
      limit,
    ]);
  }

  async recordAttempt(key: string, at: string) {
    // Keep a bounded window: older than a day is never asked for.
    const dayAgo = new Date(Date.parse(at) - 86_400_000).toISOString();
    await this.c.query('DELETE FROM attempts WHERE key = $1 AND at < $2', [key, dayAgo]);
    await this.c.query('INSERT INTO attempts (key, at) VALUES ($1, $2)', [key, at]);
  }
  async countAttempts(key: string, since: string) {
    const r = await this.c.query<{ n: string }>('SELECT count(*) AS n FROM attempts WHERE key = $1 AND at >= $2', [
      key,
      since,
    ]);
    return Number(r.rows[0]!.n);
  }
  async clearAttempts(key: string) {
    await this.c.query('DELETE FROM attempts WHERE key = $1', [key]);
  }

  async addSatisfaction(s: SatisfactionResult) {
    await this.c.query(
      `INSERT INTO satisfaction (code, user_id, at, data) VALUES ($1, $2, $3, $4)
       ON CONFLICT (code, user_id, at) DO UPDATE SET data = EXCLUDED.data`,
      [s.code, s.userId, s.at, json(s)],
    );
  }
  listSatisfaction(limit = 100) {
    return this.many<SatisfactionResult>('SELECT data FROM satisfaction ORDER BY at DESC LIMIT $1', [limit]);
  }

  getTranscript(userId: string) {
    return this.one<Transcript>('SELECT data FROM transcripts WHERE user_id = $1', [userId]);
  }
  async putTranscript(tr: Transcript) {
    await this.c.query(
      `INSERT INTO transcripts (user_id, updated_at, data) VALUES ($1, $2, $3)
       ON CONFLICT (user_id) DO UPDATE SET updated_at = EXCLUDED.updated_at, data = EXCLUDED.data`,
      [tr.userId, tr.updatedAt, json(tr)],
    );
  }

  async addTurnLog(e: TurnLogEntry) {
    await this.c.query('INSERT INTO turn_log (at, data) VALUES ($1, $2)', [e.at, json(e)]);
  }
  listTurnLog(since: string) {
    return this.many<TurnLogEntry>('SELECT data FROM turn_log WHERE at >= $1 ORDER BY id', [since]);
  }

  async putTaughtAlias(a: TaughtAlias) {
    await this.c.query(
      `INSERT INTO taught_aliases (key, code, taught_at, data) VALUES ($1, $2, $3, $4)
       ON CONFLICT (key) DO UPDATE SET code = EXCLUDED.code, taught_at = EXCLUDED.taught_at, data = EXCLUDED.data`,
      [a.key, a.code, a.taughtAt, json(a)],
    );
  }
  async deleteTaughtAlias(key: string) {
    return ((await this.c.query('DELETE FROM taught_aliases WHERE key = $1', [key])).rowCount ?? 0) > 0;
  }
  listTaughtAliases() {
    return this.many<TaughtAlias>('SELECT data FROM taught_aliases ORDER BY taught_at, key');
  }
  async putReferral(r: QuestionReferral) {
    await this.c.query(
      `INSERT INTO question_referrals (key, created_at, data) VALUES ($1, $2, $3)
       ON CONFLICT (key) DO UPDATE SET created_at = EXCLUDED.created_at, data = EXCLUDED.data`,
      [r.key, r.createdAt, json(r)],
    );
  }
  async deleteReferral(key: string) {
    return ((await this.c.query('DELETE FROM question_referrals WHERE key = $1', [key])).rowCount ?? 0) > 0;
  }
  listReferrals() {
    return this.many<QuestionReferral>('SELECT data FROM question_referrals ORDER BY created_at, key');
  }

  async touchPresence(name: string, at: string) {
    // Never moves backwards: two instances may write out of order.
    await this.c.query(
      `INSERT INTO presence (name, at) VALUES ($1, $2)
       ON CONFLICT (name) DO UPDATE SET at = GREATEST(presence.at, EXCLUDED.at)`,
      [name, at],
    );
  }
  async getPresence(name: string) {
    const r = await this.c.query<{ at: string }>('SELECT at FROM presence WHERE name = $1', [name]);
    return r.rows[0]?.at;
  }
}
