/**
 * Due date and lateness of a dossier in working days. The appointment date
 * (hẹn trả) moves later by the working days spent waiting for the citizen
 * (status 5 bổ sung, 6 nghĩa vụ tài chính): the clock stops while they must act.
 * A new appointment date from the one-stop system (Phiếu xin lỗi và hẹn lại)
 * replaces the base, and pauses before it are already counted in it.
 */
import type { Dossier } from '../store/records.js';
import { CLOCK_STOP_STATUSES, CLOSED_STATUSES, FINISHED_STATUSES } from './dossier-status.js';
import { addWorkingDays, vnDateOf, workingDaysBetween, type IsoDate } from './working-days.js';

export interface Deadline {
  /** Appointment date moved by the paused working days. */
  dueDate: IsoDate;
  pausedWorkingDays: number;
  /** Currently waiting for the citizen (5 or 6). */
  paused: boolean;
  /** 9 or 10: a result exists. */
  finished: boolean;
  /** 3, 7 or 8: closed without a result; no deadline applies. */
  closed: boolean;
  /** Open and not late: working days from today to the due date (0 = due today). */
  workingDaysLeft?: number;
  /** Working days past the due date (open: until today; finished: until the result). */
  workingDaysLate?: number;
}

export function computeDeadline(d: Dossier, now: Date): Deadline {
  const applied = d.history.filter((e) => e.applied).sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  let paused = 0;
  let pauseStart: string | null = null;
  let finishedAt: string | null = null;
  for (const e of applied) {
    if (e.newAppointmentDate) {
      paused = 0; // the new date already accounts for earlier pauses
      if (pauseStart) pauseStart = e.at;
    }
    const stops = CLOCK_STOP_STATUSES.has(e.status);
    if (stops && !pauseStart) pauseStart = e.at;
    if (!stops && pauseStart) {
      paused += Math.max(0, workingDaysBetween(pauseStart, e.at));
      pauseStart = null;
    }
    if (FINISHED_STATUSES.has(e.status) && !finishedAt) finishedAt = e.at;
    if (!FINISHED_STATUSES.has(e.status)) finishedAt = null;
  }
  const currentlyPaused = CLOCK_STOP_STATUSES.has(d.status);
  if (pauseStart && currentlyPaused) paused += Math.max(0, workingDaysBetween(pauseStart, now));

  const dueDate = paused > 0 ? addWorkingDays(d.appointmentDate, paused) : d.appointmentDate;
  const finished = FINISHED_STATUSES.has(d.status);
  const closed = CLOSED_STATUSES.has(d.status);
  const out: Deadline = { dueDate, pausedWorkingDays: paused, paused: currentlyPaused, finished, closed };
  if (closed) return out;
  if (finished) {
    const late = workingDaysBetween(dueDate, vnDateOf(finishedAt ?? d.statusAt));
    if (late > 0) out.workingDaysLate = late;
    return out;
  }
  const today = vnDateOf(now);
  const left = workingDaysBetween(today, dueDate);
  if (left >= 0) out.workingDaysLeft = left;
  else out.workingDaysLate = -left;
  return out;
}
