/**
 * The lowdb snapshot writer (src/store/lowdb/write-snapshot.ts) and the count
 * ceilings of pruneDocument: the snapshot is the document as it was when the
 * write started, written a slice at a time so the event loop stays free during a
 * compaction or a backup; finished records beyond the ceilings go, oldest first,
 * never a dedupe key or a transcript younger than its floor.
 */
import { mkdtempSync, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { documentToJson, emptyDocumentData, type DocumentData } from '../../../src/store/document/document-data.js';
import { parseDocument } from '../../../src/store/lowdb/document-file.js';
import { LowdbStore } from '../../../src/store/lowdb/lowdb-store.js';
import { DEDUPE_FLOOR_MS, LOWDB_KEEP, TRANSCRIPT_FLOOR_MS, pruneDocument } from '../../../src/store/lowdb/prune-document.js';
import { writeSnapshot } from '../../../src/store/lowdb/write-snapshot.js';
import { inbound, outboxItem } from './store-records.js';
import { longestBlock } from '../../support/event-loop-gaps.js';

const dirs: string[] = [];
const tempDir = () => {
  dirs.push(mkdtempSync(path.join(os.tmpdir(), 'motcua-snapshot-')));
  return dirs.at(-1)!;
};
afterAll(() => Promise.all(dirs.map((d) => fs.rm(d, { recursive: true, force: true }))));

const question = (i: number) => `câu hỏi số ${i} về lệ phí khai sinh 😀 "quoted" \\ back ${'lorem ipsum '.repeat(20)}`;

function bigDocument(records: number): DocumentData {
  const data = emptyDocumentData();
  data.journalSeq = 42;
  for (let i = 0; i < records; i++) {
    data.inbound.set(`k${i}`, inbound(`k${i}`, { event: { text: question(i) } }));
    data.turnLog.set(String(i), { at: new Date(i).toISOString(), userId: `u${i}`, intent: 'fee', answered: true });
  }
  for (const id of ['__proto__', 'constructor']) data.conversations.set(id, { userId: id, failures: 0, updatedAt: 'x' });
  return data;
}

describe('writeSnapshot', () => {
  it('writes the document as it was at the call, loadable, while later commits go on', async () => {
    const data = bigDocument(20_000);
    const expected = JSON.parse(documentToJson(data));
    const target = path.join(tempDir(), 'motcua.json');
    const writing = writeSnapshot(target, data);
    // Commits after the call replace or delete records; the snapshot must not see them.
    data.inbound.set('k0', inbound('k0', { status: 'done' }));
    data.inbound.delete('k1');
    data.inbound.set('late', inbound('late'));
    data.journalSeq = 43;
    await writing;
    const text = await fs.readFile(target, 'utf8');
    expect(JSON.parse(text)).toEqual(expected);
    const loaded = parseDocument(text);
    expect(loaded.conversations.get('__proto__')).toMatchObject({ userId: '__proto__' });
    expect([...loaded.conversations.keys()]).toEqual(['__proto__', 'constructor']);
    expect(JSON.parse(documentToJson(loaded))).toEqual(expected);
    expect((await fs.readdir(path.dirname(target))).filter((n) => n.includes('.tmp-'))).toEqual([]);
  });

  it('a compaction and a backup of a large store hold the event loop far less than serialising it at once', async () => {
    const dataDir = tempDir();
    const store = await LowdbStore.open({ dataDir, backupIntervalMs: 0, compactIntervalMs: 0, compactBytes: 2 ** 40 });
    try {
      // Recent, pending: nothing here is pruned; ~45 MB of JSON.
      const at = new Date().toISOString();
      for (let i = 0; i < 60_000; i += 5_000) {
        await store.tx(async (t) => {
          for (let j = i; j < i + 5_000; j++) await t.putInbound(inbound(`k${j}`, { receivedAt: at, event: { text: question(j) } }));
        });
      }
      // What one synchronous serialisation of this document costs on this machine now (the best of two).
      let whole = Infinity;
      for (let i = 0; i < 2; i++) {
        const t0 = performance.now();
        documentToJson(store.data);
        whole = Math.min(whole, performance.now() - t0);
      }
      const compaction = await longestBlock(() => store.compact());
      const backup = await longestBlock(() => store.housekeep());
      expect(compaction).toBeLessThan(whole / 2);
      expect(backup).toBeLessThan(whole / 2);
      expect(parseDocument(await fs.readFile(path.join(dataDir, 'motcua.json'), 'utf8')).inbound.size).toBe(60_000);
    } finally {
      await store.close();
    }
  }, 120_000);
});

describe('pruneDocument ceilings (lowdb)', () => {
  const NOW = new Date('2026-06-01T12:00:00.000Z');
  const ago = (ms: number) => new Date(NOW.getTime() - ms).toISOString();

  it('keeps at most LOWDB_KEEP done events, sent replies, turns and transcripts, dropping the oldest; never a done key younger than the floor', () => {
    const data = emptyDocumentData();
    const over = 50;
    // Done inbox events: ceiling + 50 older than the floor, and 100 younger (always kept), one pending and one failed.
    for (let i = 0; i < LOWDB_KEEP.inboundDone + over; i++) {
      data.inbound.set(`old${i}`, inbound(`old${i}`, { status: 'done', receivedAt: ago(DEDUPE_FLOOR_MS + 3600_000 + (LOWDB_KEEP.inboundDone + over - i) * 1000) }));
    }
    for (let i = 0; i < 100; i++) data.inbound.set(`young${i}`, inbound(`young${i}`, { status: 'done', receivedAt: ago(i * 1000) }));
    data.inbound.set('pending', inbound('pending', { receivedAt: ago(2 * 86_400_000) }));
    data.inbound.set('failed', inbound('failed', { status: 'failed', receivedAt: ago(2 * 86_400_000) }));
    for (let i = 0; i < LOWDB_KEEP.repliesSent + over; i++) {
      const item = outboxItem('u1', i, { status: 'sent', createdAt: ago(86_400_000), sentAt: ago((LOWDB_KEEP.repliesSent + over - i) * 1000) });
      data.outbox.set(item.id, item);
    }
    const waiting = outboxItem('u1', 0, { status: 'waiting', createdAt: ago(86_400_000) });
    data.outbox.set(waiting.id, waiting);
    const notification = outboxItem('u1', 0, { kind: 'notification', status: 'sent', createdAt: ago(86_400_000), sentAt: ago(10 * 86_400_000) });
    data.outbox.set(notification.id, notification);
    for (let i = 0; i < LOWDB_KEEP.turnLog + over; i++) data.turnLog.set(String(i), { at: ago((LOWDB_KEEP.turnLog + over - i) * 1000), userId: 'u', intent: 'x', answered: true });
    // Transcripts: ceiling + 50 idle for a few days, and 10 touched today (an open handoff may need them).
    for (let i = 0; i < LOWDB_KEEP.transcripts + over; i++) {
      data.transcripts.set(`t${i}`, { userId: `t${i}`, turns: [], updatedAt: ago(TRANSCRIPT_FLOOR_MS + (LOWDB_KEEP.transcripts + over - i) * 1000) });
    }
    for (let i = 0; i < 10; i++) data.transcripts.set(`today${i}`, { userId: `today${i}`, turns: [], updatedAt: ago(i * 1000) });

    const deleted: string[] = [];
    expect(pruneDocument(data, NOW, (coll, id) => deleted.push(`${coll}:${id}`))).toBe(4 * over + 100 + 10);
    // Done events: the 100 young ones count, so 150 of the old ones go, the oldest first.
    expect([...data.inbound.values()].filter((r) => r.status === 'done')).toHaveLength(LOWDB_KEEP.inboundDone);
    expect(deleted.filter((d) => d.startsWith('inbound:'))).toEqual(Array.from({ length: over + 100 }, (_, i) => `inbound:old${i}`));
    expect(['young0', 'young99', 'pending', 'failed'].every((k) => data.inbound.has(k))).toBe(true);
    expect([...data.outbox.values()].filter((i) => i.status === 'sent' && i.kind === 'reply')).toHaveLength(LOWDB_KEEP.repliesSent);
    expect(data.outbox.has(waiting.id)).toBe(true);
    expect(data.outbox.has(notification.id)).toBe(true); // the oldest sent item, but a notification: kept 30 days
    expect(data.turnLog.size).toBe(LOWDB_KEEP.turnLog);
    expect(data.turnLog.has('0')).toBe(false);
    expect(data.turnLog.has(String(over))).toBe(true);
    expect(data.transcripts.size).toBe(LOWDB_KEEP.transcripts);
    expect(deleted.filter((d) => d.startsWith('transcripts:'))).toEqual(Array.from({ length: over + 10 }, (_, i) => `transcripts:t${i}`));
    expect(data.transcripts.has('today9')).toBe(true);
  });

  it('drops no done key younger than the floor, however many', () => {
    const data = emptyDocumentData();
    for (let i = 0; i < LOWDB_KEEP.inboundDone + 10; i++) data.inbound.set(`k${i}`, inbound(`k${i}`, { status: 'done', receivedAt: ago(1000) }));
    expect(pruneDocument(data, NOW)).toBe(0);
  });

  it('drops exactly the excess when many records share the cut-off time', () => {
    const data = emptyDocumentData();
    for (let i = 0; i < LOWDB_KEEP.turnLog + 7; i++) data.turnLog.set(String(i), { at: ago(86_400_000), userId: 'u', intent: 'x', answered: true });
    expect(pruneDocument(data, NOW)).toBe(7);
    expect(data.turnLog.size).toBe(LOWDB_KEEP.turnLog);
  });
});
