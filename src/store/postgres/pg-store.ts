/**
 * PostgreSQL store for one or several instances on one database.
 *   tx(fn, {lock}) = BEGIN; pg_advisory_xact_lock(key(lock)); fn; COMMIT — retried
 *     whole on serialization failures, deadlocks and dropped connections.
 *   withLock(name, fn) = session advisory lock on a dedicated connection.
 * Named locks are also taken in-process first, so waiting callers queue here
 * instead of each holding a pooled connection.
 *
 *   const store = await PgStore.open({ connectionString, poolMax: 10 });
 */
import pg from 'pg';
import type { Store, Tx, TxOptions } from '../port.js';
import { NamedMutexes } from '../async-mutex.js';
import { PgTx } from './pg-tx.js';
import { storableClient } from './storable-client.js';
import { runMigrations } from './run-migrations.js';
import { isTransientPgError, retryDelayMs } from './transient-errors.js';
import { lockKey } from './lock-key.js';
import { pruneTables } from './prune-tables.js';

/** The part of a pino logger the store uses. */
export interface StoreLogger {
  warn(obj: object, msg?: string): void;
}

export interface PgStoreOptions {
  connectionString: string;
  poolMax?: number;
  /** Apply migrations at open (default true). */
  migrate?: boolean;
  log?: StoreLogger;
  /** Whole-transaction attempts on transient errors (default 5). */
  maxAttempts?: number;
  /** Prune finished records this often (default one hour; 0 = never). */
  pruneIntervalMs?: number;
}


export class PgStore implements Store {
  readonly kind = 'postgres' as const;
  private readonly named = new NamedMutexes();
  private closed = false;
  private timer: NodeJS.Timeout | undefined;

  private constructor(
    readonly pool: pg.Pool,
    private readonly log: StoreLogger,
    private readonly maxAttempts: number,
  ) {}

  static async open(opts: PgStoreOptions): Promise<PgStore> {
    const log = opts.log ?? { warn: (obj, msg) => console.warn(msg ?? '', obj) };
    const pool = new pg.Pool({
      connectionString: opts.connectionString,
      max: opts.poolMax ?? 10,
      connectionTimeoutMillis: 10_000,
      idleTimeoutMillis: 30_000,
    });
    // An idle client losing its connection (server restart) must not crash the process.
    pool.on('error', (err) => log.warn({ err: err.message }, 'postgres: idle connection error'));
    // A checked-out client whose server goes away between queries (e.g. during withLock's fn) emits
    // 'error'; without a listener that would crash the process. The next query on it fails and is retried.
    pool.on('connect', (client) => client.on('error', (err) => log.warn({ err: err.message }, 'postgres: connection error')));
    try {
      if (opts.migrate !== false) await withRetry(() => runMigrations(pool), 5, log);
    } catch (err) {
      await pool.end().catch(() => undefined);
      throw new Error(`PostgreSQL at DATABASE_URL is not usable: ${(err as Error).message}`, { cause: err });
    }
    const store = new PgStore(pool, log, opts.maxAttempts ?? 5);
    const every = opts.pruneIntervalMs ?? 3_600_000;
    if (every > 0) {
      store.timer = setInterval(() => void store.housekeep().catch((err) => log.warn({ err: err.message }, 'postgres: prune failed')), every);
      store.timer.unref();
    }
    return store;
  }

  /** Delete finished records past their retention (../retention.ts); every instance may run it. */
  housekeep(now = new Date()): Promise<number> {
    return pruneTables(this.pool, now);
  }

  tx<T>(fn: (t: Tx) => Promise<T>, opts?: TxOptions): Promise<T> {
    const run = () => withRetry(() => this.attempt(fn, opts?.lock), this.maxAttempts, this.log);
    return opts?.lock ? this.named.run(opts.lock, run) : run();
  }

  private async attempt<T>(fn: (t: Tx) => Promise<T>, lock: string | undefined): Promise<T> {
    if (this.closed) throw new Error('the PostgreSQL store is closed');
    const client = await this.pool.connect();
    let broken = false;
    try {
      // One round trip: the key is a computed integer literal, never user text.
      await client.query(lock ? `BEGIN; SELECT pg_advisory_xact_lock(${lockKey(lock)})` : 'BEGIN');
      const result = await fn(new PgTx(storableClient(client)));
      await client.query('COMMIT');
      return result;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => (broken = true));
      if (isTransientPgError(err)) broken = true;
      throw err;
    } finally {
      client.release(broken);
    }
  }

  async withLock<T>(name: string, fn: () => Promise<T>): Promise<T> {
    return this.named.run(name, async () => {
      const client = await withRetry(() => this.pool.connect(), this.maxAttempts, this.log);
      let broken = false;
      try {
        await client.query(`SELECT pg_advisory_lock(${lockKey(name)})`);
        try {
          return await fn();
        } finally {
          await client.query(`SELECT pg_advisory_unlock(${lockKey(name)})`).catch(() => (broken = true));
        }
      } finally {
        // A connection that failed to unlock is discarded: closing it drops the session lock.
        client.release(broken);
      }
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.timer) clearInterval(this.timer);
    await this.pool.end();
  }
}

async function withRetry<T>(fn: () => Promise<T>, maxAttempts: number, log: StoreLogger): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (err) {
      if (attempt >= maxAttempts || !isTransientPgError(err)) throw err;
      log.warn({ err: (err as Error).message, attempt }, 'postgres: transient error, retrying');
      await new Promise((r) => setTimeout(r, retryDelayMs(attempt)));
    }
  }
}
