/**
 * One notification outbox item per subscriber for an applied dossier event,
 * written by the caller's transaction (the same one that records the status
 * change), so a notification exists exactly when the change does. The dedupe
 * key makes a redelivered event insert nothing.
 */
import { newOutboxItem } from './new-outbox-item.js';
import type { Services } from '../services.js';
import type { Tx } from '../store/port.js';
import type { Dossier, DossierEvent, NationalStatus, OutboxItem } from '../store/records.js';
import { procedureNameOf } from '../dossiers/procedure-name.js';
import { buildNotification, shouldNotify } from './build-notification.js';

export interface PreviousDossierState {
  status: NationalStatus;
  note?: string;
  appointmentDate: string;
}

export async function createDossierNotifications(
  t: Tx,
  services: Pick<Services, 'catalog' | 'config'>,
  dossier: Dossier,
  event: DossierEvent,
  previous: PreviousDossierState,
  now: Date,
): Promise<OutboxItem[]> {
  const base = { dossier, event, previousStatus: previous.status, previousNote: previous.note, previousAppointmentDate: previous.appointmentDate };
  if (!shouldNotify(base)) return [];
  const built = buildNotification({
    ...base,
    procedureName: procedureNameOf(services.catalog, dossier.procedureCode),
    orgName: services.config.ORG_NAME,
    officeHours: services.config.OFFICE_HOURS,
    hotline: services.config.HOTLINE,
  });
  if (!built) return [];
  const subscribers = await t.listSubscribers(dossier.code);
  const at = now.toISOString();
  const items: OutboxItem[] = [];
  for (const sub of subscribers) {
    items.push(
      await newOutboxItem(
        t,
        {
          dedupeKey: `notify:${dossier.code}:${event.eventId}:${sub.userId}`,
          kind: 'notification',
          userId: sub.userId,
          parts: [built.text],
          fallback: [built.fallback],
          dossierCode: dossier.code,
        },
        at,
      ),
    );
    if (event.status === 10 && previous.status !== 10) await askSatisfaction(t, sub.userId, dossier.code, at);
  }
  return t.addOutbox(items);
}

/** The rating buttons also work statelessly (their payload names the code); this covers a typed "5". */
async function askSatisfaction(t: Tx, userId: string, code: string, at: string): Promise<void> {
  const state = (await t.getConversation(userId)) ?? { userId, failures: 0, updatedAt: at };
  if (state.pending && state.pending.kind !== 'satisfaction') return; // do not break an open question
  await t.putConversation({ ...state, pending: { kind: 'satisfaction', code }, updatedAt: at });
}
