/**
 * Keeps a dossier's history bounded: the first entry (how the dossier started)
 * plus at most HISTORY_LIMIT others. When a new event passes the limit, the
 * entries that tell nothing go first, oldest first: events never applied (late,
 * or after a final status) and repeats (applied with the same status as the
 * applied event before, without a new appointment date). Dropping those changes
 * neither the deadline (compute-deadline.ts folds the applied events in order;
 * a repeat leaves its state as it was) nor the answer. Only when every kept entry
 * is a real change do the oldest go. The entry that set the current status
 * (its note is the reason or the request shown to the citizen) and the new
 * event always stay.
 *
 *   const { history, dropped } = appendBounded(d.history, event, d.historyDropped ?? 0);
 */
import type { DossierEvent, NationalStatus } from '../store/records.js';

export const HISTORY_LIMIT = 100;

export function appendBounded(
  history: readonly DossierEvent[],
  event: DossierEvent,
  droppedBefore: number,
  limit = HISTORY_LIMIT,
): { history: DossierEvent[]; dropped: number } {
  const all = [...history, event];
  const excess = all.length - 1 - limit;
  if (excess <= 0) return { history: all, dropped: droppedBefore };

  const last = all.length - 1;
  let pinned = last;
  while (pinned >= 0 && !all[pinned]!.applied) pinned--;
  const keep = (i: number) => i === 0 || i === pinned || i === last;
  const drop = new Set<number>();
  let previousApplied: NationalStatus | undefined;
  for (let i = 0; i < all.length && drop.size < excess; i++) {
    const e = all[i]!;
    const repeat = e.applied && e.status === previousApplied && !e.newAppointmentDate;
    if (e.applied) previousApplied = e.status;
    if (!keep(i) && (!e.applied || repeat)) drop.add(i);
  }
  for (let i = 1; i < all.length && drop.size < excess; i++) {
    if (!keep(i)) drop.add(i);
  }
  return { history: all.filter((_, i) => !drop.has(i)), dropped: droppedBefore + drop.size };
}
