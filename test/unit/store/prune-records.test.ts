/** Retention (src/store/retention.ts) on lowdb's document and PostgreSQL's tables. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyDocumentData } from '../../../src/store/document/document-data.js';
import { pruneDocument } from '../../../src/store/lowdb/prune-document.js';
import { PgStore } from '../../../src/store/postgres/pg-store.js';
import { MemoryStore } from '../../../src/store/memory-store.js';
import type { Store } from '../../../src/store/port.js';
import { createTestDatabase, type TestDatabase } from '../../support/postgres-test-db.js';
import { inbound, outboxItem } from './store-records.js';

const NOW = new Date('2026-06-01T00:00:00.000Z');
const daysAgo = (d: number) => new Date(NOW.getTime() - d * 86_400_000).toISOString();

/** Old and recent records of each kind; the recent ones and the unfinished ones must stay. */
async function fill(store: Store): Promise<void> {
  await store.tx(async (t) => {
    await t.insertInbound(inbound('old-done', { status: 'done', receivedAt: daysAgo(8) }));
    await t.insertInbound(inbound('old-pending', { receivedAt: daysAgo(8) }));
    await t.insertInbound(inbound('new-done', { status: 'done', receivedAt: daysAgo(6) }));
    await t.addOutbox([
      outboxItem('u1', 1, { dedupeKey: 'old-sent', status: 'sent', createdAt: daysAgo(40), sentAt: daysAgo(31) }),
      outboxItem('u1', 2, { dedupeKey: 'old-failed', status: 'failed', createdAt: daysAgo(40) }),
      outboxItem('u1', 3, { dedupeKey: 'new-sent', status: 'sent', createdAt: daysAgo(40), sentAt: daysAgo(29) }),
    ]);
    await t.addTurnLog({ at: daysAgo(91), userId: 'u1', intent: 'old', answered: true });
    await t.addTurnLog({ at: daysAgo(89), userId: 'u1', intent: 'new', answered: true });
  });
}

async function remaining(store: Store) {
  return store.tx(async (t) => ({
    inboundLeft: (await Promise.all(['old-done', 'old-pending', 'new-done'].map((k) => t.getInbound(k)))).filter(Boolean).map((r) => r!.key),
    outbox: (await t.listOutbox({})).map((i) => i.dedupeKey).sort(),
    turns: (await t.listTurnLog(daysAgo(1000))).map((e) => e.intent),
  }));
}

const expected = {
  inboundLeft: ['old-pending', 'new-done'],
  outbox: ['new-sent', 'old-failed'],
  turns: ['new'],
};

describe('retention', () => {
  it('lowdb: pruneDocument drops done inbox > 7 d, sent outbox > 30 d, turn log > 90 d', async () => {
    const data = emptyDocumentData();
    const store = new MemoryStore(data);
    await fill(store);
    expect(pruneDocument(data, NOW)).toBe(3);
    expect(await remaining(store)).toMatchObject(expected);
  });

  describe('PostgreSQL', () => {
    let db: TestDatabase;
    beforeAll(async () => {
      db = await createTestDatabase('prune');
    });
    afterAll(async () => {
      await db?.drop();
    });
    it('housekeep drops the same records', async () => {
      const store = await PgStore.open({ connectionString: db.url, log: { warn: () => undefined } });
      try {
        await fill(store);
        expect(await store.housekeep(NOW)).toBe(3);
        expect(await remaining(store)).toMatchObject(expected);
      } finally {
        await store.close();
      }
    });
  });
});
