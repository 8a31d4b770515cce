/** Record builders for the store contract suite. */
import type { Dossier, InboundEventRecord, OutboxItem } from '../../../src/store/records.js';

export const T0 = '2026-03-02T01:00:00.000Z';
export const at = (minutes: number) => new Date(Date.parse(T0) + minutes * 60_000).toISOString();

export function inbound(key: string, over: Partial<InboundEventRecord> = {}): InboundEventRecord {
  return {
    key,
    eventName: 'user_send_text',
    userId: 'u1',
    event: { kind: 'user_send_text', text: 'xin chào' },
    receivedAt: T0,
    status: 'pending',
    attempts: 0,
    ...over,
  };
}

let nextId = 0;
export function outboxItem(userId: string, seq: number, over: Partial<OutboxItem> = {}): OutboxItem {
  const id = `ob-${process.pid}-${++nextId}`;
  return {
    id,
    dedupeKey: `key-${id}`,
    kind: 'reply',
    userId,
    parts: [{ kind: 'text', text: `Dạ, tin số ${seq}` }],
    status: 'pending',
    sentParts: 0,
    attempts: 0,
    nextAttemptAt: T0,
    oaMessageIds: [],
    createdAt: T0,
    seq,
    ...over,
  };
}

export function dossier(code: string, over: Partial<Dossier> = {}): Dossier {
  return {
    code,
    procedureCode: '1.001234',
    applicant: { fullName: 'Nguyễn Văn Đức', phone: '0912345678' },
    receivedAt: T0,
    appointmentDate: '2026-03-10',
    status: 2,
    state: 'received',
    statusAt: T0,
    history: [{ eventId: 'e1', status: 2, at: T0, recordedAt: T0, applied: true }],
    createdAt: T0,
    updatedAt: T0,
    ...over,
  };
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
