/**
 * PUT a dossier from the one-stop system: create it, or update its descriptive
 * fields. The status of an existing dossier changes only through events
 * (they carry an id and a time, so redeliveries and reordering are safe);
 * a `status` in a PUT for an existing dossier is reported as ignored.
 */
import type { Services } from '../services.js';
import type { Dossier } from '../store/records.js';
import { isAcceptableDossierCode, normaliseDossierCode } from './dossier-code.js';
import { isFinalStatus, stateOf } from './dossier-status.js';
import { FeedValidationError, PutDossierBody, parseFeedBody } from './feed-schemas.js';
import { createReceivedZns } from '../notify/create-dossier-notifications.js';

export interface UpsertResult {
  created: boolean;
  dossier: Dossier;
  statusIgnored: boolean;
  /** Notifications queued (the ZNS "received" message of a consenting applicant). */
  notifications?: number;
}

export function parseDossierCodeParam(raw: string): string {
  // Express has already decoded the path parameter (a BHXH code arrives as 03706%2F2026%2F07906).
  const code = normaliseDossierCode(raw);
  if (!isAcceptableDossierCode(code)) {
    throw new FeedValidationError([{ path: 'code', message: 'must be 4–64 letters, digits or . - / _ with at least one digit' }]);
  }
  return code;
}

export async function upsertDossier(services: Services, rawCode: string, body: unknown): Promise<UpsertResult> {
  const code = parseDossierCodeParam(rawCode);
  const input = parseFeedBody(PutDossierBody, body);
  return services.store.tx(
    async (t) => {
      const now = services.clock().toISOString();
      const existing = await t.getDossier(code);
      const fields = {
        procedureCode: input.procedureCode,
        applicant: { fullName: input.applicant.fullName, phone: input.applicant.phone, ...(input.applicant.idNumber ? { idNumber: input.applicant.idNumber } : {}) },
        receivedAt: input.receivedAt,
        appointmentDate: input.appointmentDate,
        ...(input.agency ? { agency: input.agency } : {}),
        ...(input.channel ? { channel: input.channel } : {}),
        ...(input.returnPlace ? { returnPlace: input.returnPlace } : {}),
        // A consent given again with the same value keeps its first time.
        ...(input.consent
          ? { consent: existing?.consent?.zns === input.consent.zns ? existing.consent : { zns: input.consent.zns, at: now } }
          : existing?.consent
            ? { consent: existing.consent }
            : {}),
      };
      if (existing) {
        const dossier: Dossier = { ...existing, ...fields, updatedAt: now };
        await t.putDossier(dossier);
        return { created: false, dossier, statusIgnored: input.status !== undefined && input.status !== existing.status };
      }
      const status = input.status ?? 2;
      const dossier: Dossier = {
        code,
        ...fields,
        status,
        state: stateOf(status),
        statusAt: input.receivedAt,
        createdStatus: status,
        ...(isFinalStatus(status) ? { finalAt: now } : {}),
        history: [],
        createdAt: now,
        updatedAt: now,
      };
      await t.putDossier(dossier);
      const notified = await createReceivedZns(t, services, dossier, services.clock());
      return { created: true, dossier, statusIgnored: false, notifications: notified.length };
    },
    { lock: `dossier:${code}` },
  ).then((r) => {
    if (r.notifications) services.kickOutbox();
    return r;
  });
}
