/**
 * The open-outbox index (src/store/document/outbox-open-index.ts) behind
 * claimOutbox and releaseWaitingOutbox on the memory and lowdb stores: it must
 * see every open item however it became open, and nothing else.
 */
import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../../../src/store/memory-store.js';
import { emptyDocumentData } from '../../../src/store/document/document-data.js';
import { pruneDocument } from '../../../src/store/lowdb/prune-document.js';
import { at, outboxItem } from './store-records.js';

describe('open-outbox index', () => {
  it('claims items added, re-opened or released after the index was built, and skips finished or pruned ones', async () => {
    const data = emptyDocumentData();
    const store = new MemoryStore(data);
    const a = outboxItem('a', 1);
    const b = outboxItem('b', 2, { status: 'failed' });
    const c = outboxItem('c', 3, { status: 'waiting' });
    const old = outboxItem('d', 4, { status: 'sent', createdAt: '2020-01-01T00:00:00.000Z', sentAt: '2020-01-01T00:00:00.000Z' });
    await store.tx((t) => t.addOutbox([a, b, c, old]));
    // Build the index; a is claimed.
    expect((await store.tx((t) => t.claimOutbox('w', at(1), at(2), 10))).map((i) => i.id)).toEqual([a.id]);
    await store.tx((t) => t.putOutbox({ ...a, status: 'sent', sentAt: at(1) }));
    expect(await store.tx((t) => t.claimOutbox('w', at(1), at(2), 10))).toEqual([]);
    // A failed item put back to pending (e.g. retried by an officer) is open again.
    await store.tx((t) => t.putOutbox({ ...b, status: 'pending' }));
    expect((await store.tx((t) => t.claimOutbox('w', at(1), at(2), 10))).map((i) => i.id)).toEqual([b.id]);
    // A waiting item is released by the citizen's next message.
    expect(await store.tx((t) => t.releaseWaitingOutbox('c', at(1)))).toBe(1);
    expect((await store.tx((t) => t.claimOutbox('w', at(1), at(2), 10))).map((i) => i.id)).toEqual([c.id]);
    // Items added and claimed in the same transaction.
    const e = outboxItem('e', 5);
    const sameTx = await store.tx(async (t) => {
      await t.addOutbox([e]);
      return t.claimOutbox('w', at(1), at(2), 10);
    });
    expect(sameTx.map((i) => i.id)).toEqual([e.id]);
    // Pruning (outside a commit) leaves the index consistent.
    expect(pruneDocument(data, new Date('2026-06-01T00:00:00.000Z'))).toBeGreaterThan(0);
    expect(data.outbox.get(old.id)).toBeUndefined();
    expect(await store.tx((t) => t.claimOutbox('w', at(1), at(2), 10))).toEqual([]); // every open item is claimed and unexpired
    expect((await store.tx((t) => t.claimOutbox('w2', at(3), at(4), 10))).map((i) => i.id).sort()).toEqual([b.id, c.id, e.id].sort());
  });
});
