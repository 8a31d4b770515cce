/**
 * Writes of one transaction, staged per (collection, id) and applied to the
 * data only on commit, so a throwing transaction leaves no trace.
 */
import type { CollectionName, DocumentData } from './document-data.js';
import type { OutboxItem } from '../records.js';
import { noteCommittedOutbox } from './outbox-dedupe-index.js';
import { noteOpenOutbox } from './outbox-open-index.js';

const DELETED = Symbol('deleted');

/** One committed write: `value` is absent for a deletion. */
export interface StagedChange {
  coll: CollectionName;
  id: string;
  value?: unknown;
  deleted: boolean;
}

export class StagedWrites {
  private readonly staged = new Map<CollectionName, Map<string, unknown>>();

  constructor(readonly data: DocumentData) {}

  get<T>(coll: CollectionName, id: string): T | undefined {
    const m = this.staged.get(coll);
    if (m?.has(id)) {
      const v = m.get(id);
      return v === DELETED ? undefined : (v as T);
    }
    return (this.data[coll] as Map<string, T>).get(id);
  }

  set<T>(coll: CollectionName, id: string, value: T): void {
    this.map(coll).set(id, structuredClone(value));
  }

  delete(coll: CollectionName, id: string): void {
    this.map(coll).set(id, DELETED);
  }

  /** Current values (base merged with staged), in insertion order of the base. */
  values<T>(coll: CollectionName): T[] {
    const base = this.data[coll] as Map<string, T>;
    const m = this.staged.get(coll);
    if (!m || m.size === 0) return [...base.values()];
    const out: T[] = [];
    for (const [id, v] of base) {
      if (m.has(id)) {
        const s = m.get(id);
        if (s !== DELETED) out.push(s as T);
      } else out.push(v);
    }
    for (const [id, v] of m) if (!base.has(id) && v !== DELETED) out.push(v as T);
    return out;
  }

  /** Ids this transaction wrote or deleted in `coll`. */
  stagedIds(coll: CollectionName): Iterable<string> {
    return this.staged.get(coll)?.keys() ?? [];
  }

  get dirty(): boolean {
    for (const m of this.staged.values()) if (m.size > 0) return true;
    return false;
  }

  /** The staged writes, in staging order per collection (the lowdb journal records them). */
  changes(): StagedChange[] {
    const out: StagedChange[] = [];
    for (const [coll, m] of this.staged) {
      for (const [id, v] of m) out.push(v === DELETED ? { coll, id, deleted: true } : { coll, id, value: v, deleted: false });
    }
    return out;
  }

  /** Apply the staged writes to the data. */
  commit(): void {
    for (const [coll, m] of this.staged) {
      const target = this.data[coll] as Map<string, unknown>;
      for (const [id, v] of m) {
        if (v === DELETED) {
          target.delete(id);
          if (coll === 'outbox') noteOpenOutbox(this.data.outbox, id, undefined);
        } else {
          target.set(id, v);
          if (coll === 'outbox') {
            noteCommittedOutbox(this.data.outbox, id, v as OutboxItem);
            noteOpenOutbox(this.data.outbox, id, v as OutboxItem);
          }
        }
      }
    }
    this.staged.clear();
  }

  private map(coll: CollectionName): Map<string, unknown> {
    let m = this.staged.get(coll);
    if (!m) this.staged.set(coll, (m = new Map()));
    return m;
  }
}
