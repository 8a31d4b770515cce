import { describe, expect, it } from 'vitest';
import { appendBounded } from '../../../src/dossiers/bound-history.js';
import { computeDeadline } from '../../../src/dossiers/compute-deadline.js';
import type { Dossier, DossierEvent, NationalStatus } from '../../../src/store/records.js';

const T0 = Date.parse('2025-03-03T01:00:00Z');
let n = 0;
function ev(status: NationalStatus, over: Partial<DossierEvent> = {}): DossierEvent {
  const at = new Date(T0 + ++n * 3_600_000).toISOString();
  return { eventId: `e${n}`, status, at, recordedAt: at, applied: true, ...over };
}

/** Append events one by one, as the feed does. */
function build(events: DossierEvent[], limit: number) {
  let history: DossierEvent[] = [];
  let dropped = 0;
  for (const e of events) ({ history, dropped } = appendBounded(history, e, dropped, limit));
  return { history, dropped };
}

describe('appendBounded', () => {
  it('keeps everything up to the limit (plus the first entry)', () => {
    const events = [ev(2), ev(4), ev(5), ev(4)];
    expect(build(events, 3)).toEqual({ history: events, dropped: 0 });
  });

  it('drops events never applied and repeats first, oldest first, and counts them', () => {
    const first = ev(2);
    const late = ev(1, { applied: false });
    const four = ev(4);
    const repeat = ev(4, { note: 'vẫn đang xử lý' });
    const five = ev(5, { note: 'Bản sao giấy chứng sinh' });
    const after = ev(9, { applied: false, afterFinal: true });
    const { history, dropped } = build([first, late, four, repeat, five, after, ev(6)], 4);
    expect(dropped).toBe(2);
    expect(history.map((e) => e.eventId)).toEqual([first, four, five, after].map((e) => e.eventId).concat(`e${n}`));
  });

  it('drops the oldest real changes only when nothing else is left, never the first entry or the one that set the status', () => {
    const events = [ev(2), ev(4), ev(5, { note: 'Bổ sung' }), ev(4), ev(6), ev(4), ev(9)];
    const { history, dropped } = build(events, 3);
    expect(dropped).toBe(3);
    expect(history.map((e) => e.status)).toEqual([2, 6, 4, 9]);
  });

  it('keeps the entry that set the current status even when later events were never applied', () => {
    const returned = ev(10);
    const events = [ev(2), ev(4), ev(9), returned, ...Array.from({ length: 20 }, () => ev(9, { applied: false, afterFinal: true }))];
    const { history, dropped } = build(events, 5);
    expect(history).toHaveLength(6);
    expect(dropped).toBe(events.length - 6);
    expect(history).toContainEqual(returned);
    expect(history.at(-1)).toEqual(events.at(-1));
  });

  it('trimming repeats does not move the deadline', () => {
    // 5 (clock stops) repeated, then many 4s: the paused working days must survive the trim.
    // Received 03/03, asked for documents on 04/03, processing again from 10/03 (4 working days
    // paused), then hourly "still processing" events.
    const hour = (day: number, h: number) => `2025-03-${String(day).padStart(2, '0')}T${String(h).padStart(2, '0')}:00:00.000Z`;
    const events = [
      ev(2, { at: hour(3, 1) }),
      ev(5, { note: 'A', at: hour(4, 1) }),
      ev(5, { note: 'A', at: hour(4, 2) }),
      ...Array.from({ length: 30 }, (_, i) => ev(4, { at: hour(10 + Math.floor(i / 20), i % 20) })),
    ];
    const dossier = (history: DossierEvent[]): Dossier => ({
      code: 'X-250303-0001', procedureCode: '1', applicant: { fullName: 'A', phone: '0912345678' },
      receivedAt: '2025-03-03T01:00:00.000Z', appointmentDate: '2025-03-14', status: 4, state: 'processing',
      statusAt: events.at(-1)!.at, history, createdAt: '', updatedAt: '',
    });
    const full = computeDeadline(dossier(events), new Date('2025-03-12T00:00:00Z'));
    const { history, dropped } = build(events, 5);
    expect(dropped).toBe(events.length - 6);
    expect(full.pausedWorkingDays).toBeGreaterThan(0);
    expect(computeDeadline(dossier(history), new Date('2025-03-12T00:00:00Z'))).toEqual(full);
  });
});
