/** In-memory store for unit tests: same semantics as lowdb, nothing on disk. */
import type { Store, Tx, TxOptions } from './port.js';
import { AsyncMutex, NamedMutexes } from './async-mutex.js';
import { emptyDocumentData, type DocumentData } from './document/document-data.js';
import { DocumentTx } from './document/document-tx.js';
import { pruneDocument } from './lowdb/prune-document.js';

export class MemoryStore implements Store {
  readonly kind = 'memory' as const;
  private readonly writeLock = new AsyncMutex();
  private readonly named = new NamedMutexes();

  constructor(readonly data: DocumentData = emptyDocumentData()) {}

  tx<T>(fn: (t: Tx) => Promise<T>, _opts?: TxOptions): Promise<T> {
    // One transaction at a time: that also gives the per-lock ordering.
    return this.writeLock.run(async () => {
      const t = new DocumentTx(this.data);
      const result = await fn(t);
      t.w.commit();
      return result;
    });
  }

  /** Retention (./retention.ts), as lowdb and PostgreSQL run it hourly; here only when called. */
  housekeep(now = new Date()): Promise<number> {
    return this.writeLock.run(async () => pruneDocument(this.data, now));
  }

  withLock<T>(name: string, fn: () => Promise<T>): Promise<T> {
    return this.named.run(name, fn);
  }

  async close(): Promise<void> {}
}
