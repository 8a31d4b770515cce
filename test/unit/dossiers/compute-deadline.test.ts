import { describe, expect, it } from 'vitest';
import { computeDeadline } from '../../../src/dossiers/compute-deadline.js';
import type { DossierEvent, NationalStatus } from '../../../src/store/records.js';
import { sampleDossier } from './make-test-services.js';

const ev = (eventId: string, status: NationalStatus, at: string, extra: Partial<DossierEvent> = {}): DossierEvent => ({
  eventId,
  status,
  at,
  recordedAt: at,
  applied: true,
  ...extra,
});

describe('computeDeadline', () => {
  it('counts working days left to the appointment (received 24/01/2025, due 05/02/2025 after Tết)', () => {
    const d = sampleDossier();
    const dl = computeDeadline(d, new Date('2025-01-24T09:00:00+07:00'));
    expect(dl).toMatchObject({ dueDate: '2025-02-05', workingDaysLeft: 3, paused: false });
  });

  it('counts working days late for an open dossier', () => {
    const d = sampleDossier({ status: 4, state: 'processing' });
    // Fri 07/02/2025: Thu 06 and Fri 07 are past the due date 05/02.
    expect(computeDeadline(d, new Date('2025-02-07T10:00:00+07:00')).workingDaysLate).toBe(2);
  });

  it('stops the clock while the citizen must add documents (status 5)', () => {
    // Waiting for documents from Mon 03/02 to Thu 06/02/2025: 3 working days paused.
    const history = [ev('a', 4, '2025-01-24T03:00:00Z'), ev('b', 5, '2025-02-03T02:00:00Z'), ev('c', 4, '2025-02-06T02:00:00Z')];
    const d = sampleDossier({ status: 4, state: 'processing', history, statusAt: '2025-02-06T02:00:00Z' });
    const dl = computeDeadline(d, new Date('2025-02-06T09:00:00+07:00'));
    expect(dl.pausedWorkingDays).toBe(3);
    expect(dl.dueDate).toBe('2025-02-10');
    expect(dl.workingDaysLeft).toBe(2);
  });

  it('keeps counting the pause up to today while still waiting for payment (status 6)', () => {
    const history = [ev('a', 6, '2025-02-03T02:00:00Z')];
    const d = sampleDossier({ status: 6, state: 'awaiting_payment', history, statusAt: '2025-02-03T02:00:00Z' });
    const dl = computeDeadline(d, new Date('2025-02-05T09:00:00+07:00'));
    expect(dl).toMatchObject({ paused: true, pausedWorkingDays: 2, dueDate: '2025-02-07' });
  });

  it('a new appointment date replaces the base and earlier pauses', () => {
    const history = [ev('a', 5, '2025-02-03T02:00:00Z'), ev('b', 4, '2025-02-04T02:00:00Z', { newAppointmentDate: '2025-02-14' })];
    const d = sampleDossier({ status: 4, history, appointmentDate: '2025-02-14', statusAt: '2025-02-04T02:00:00Z' });
    expect(computeDeadline(d, new Date('2025-02-04T09:00:00+07:00'))).toMatchObject({ dueDate: '2025-02-14', pausedWorkingDays: 0 });
  });

  it('judges a finished dossier by the day of its result', () => {
    const history = [ev('a', 9, '2025-02-07T02:00:00Z')];
    const d = sampleDossier({ status: 9, state: 'result_ready', history, statusAt: '2025-02-07T02:00:00Z' });
    expect(computeDeadline(d, new Date('2025-03-01T09:00:00+07:00'))).toMatchObject({ finished: true, workingDaysLate: 2 });
    const onTime = sampleDossier({ status: 9, history: [ev('a', 9, '2025-02-05T02:00:00Z')], statusAt: '2025-02-05T02:00:00Z' });
    expect(computeDeadline(onTime, new Date('2025-03-01T09:00:00+07:00')).workingDaysLate).toBeUndefined();
  });
});
