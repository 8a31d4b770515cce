/**
 * A status event from the one-stop system. In one transaction under the
 * dossier's lock: dedupe by eventId (kept in the history), keep an out-of-order
 * event in the history without rolling the status back, keep an event that
 * comes after a final status (3, 7, 10) with afterFinal and change nothing,
 * otherwise apply the change and write one notification per subscriber to the
 * outbox. The history stays bounded (bound-history.ts). The caller answers 200
 * only after this resolves (committed), then wakes the outbox worker.
 */
import type { Services } from '../services.js';
import type { Dossier, DossierEvent } from '../store/records.js';
import { createDossierNotifications } from '../notify/create-dossier-notifications.js';
import { DossierNotFoundError } from './dossier-errors.js';
import { appendBounded } from './bound-history.js';
import { isFinalStatus, stateOf } from './dossier-status.js';
import { DossierEventBody, parseFeedBody } from './feed-schemas.js';
import { parseDossierCodeParam } from './upsert-dossier.js';

export interface RecordEventResult {
  duplicate: boolean;
  applied: boolean;
  /** The dossier already had a final status: the event was recorded, nothing changed. */
  afterFinal: boolean;
  notifications: number;
  dossier: Dossier;
}

export async function recordDossierEvent(services: Services, rawCode: string, body: unknown): Promise<RecordEventResult> {
  const code = parseDossierCodeParam(rawCode);
  const input = parseFeedBody(DossierEventBody, body);
  const result = await services.store.tx(
    async (t) => {
      const now = services.clock();
      const dossier = await t.getDossier(code);
      if (!dossier) throw new DossierNotFoundError(code);
      const seen = dossier.history.find((e) => e.eventId === input.eventId);
      if (seen) return { duplicate: true, applied: seen.applied, afterFinal: !!seen.afterFinal, notifications: 0, dossier };

      // A final status stays (a 9 after a 10 is not news to tell the citizen). Otherwise
      // equal times count as in order: the later delivery wins.
      const afterFinal = isFinalStatus(dossier.status);
      const applied = !afterFinal && Date.parse(input.at) >= Date.parse(dossier.statusAt);
      const event: DossierEvent = {
        eventId: input.eventId,
        status: input.status,
        at: input.at,
        ...(input.note ? { note: input.note } : {}),
        ...(input.newAppointmentDate ? { newAppointmentDate: input.newAppointmentDate } : {}),
        recordedAt: now.toISOString(),
        applied,
        ...(afterFinal ? { afterFinal: true as const } : {}),
      };
      const lastApplied = [...dossier.history].reverse().find((e) => e.applied);
      const previous = { status: dossier.status, note: lastApplied?.note, appointmentDate: dossier.appointmentDate };
      const bounded = appendBounded(dossier.history, event, dossier.historyDropped ?? 0);
      const next: Dossier = {
        ...dossier,
        history: bounded.history,
        ...(bounded.dropped > 0 ? { historyDropped: bounded.dropped } : {}),
        updatedAt: now.toISOString(),
      };
      if (applied) {
        next.status = input.status;
        next.state = stateOf(input.status);
        next.statusAt = input.at;
        if (input.newAppointmentDate) next.appointmentDate = input.newAppointmentDate;
        if (isFinalStatus(input.status)) next.finalAt = now.toISOString();
      }
      await t.putDossier(next);
      const items = applied ? await createDossierNotifications(t, services, next, event, previous, now) : [];
      return { duplicate: false, applied, afterFinal, notifications: items.length, dossier: next };
    },
    { lock: `dossier:${code}` },
  );
  if (result.notifications > 0) services.kickOutbox();
  return result;
}
