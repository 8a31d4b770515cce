/**
 * The notification outbox items for an applied dossier event, written by the
 * caller's transaction (the same one that records the status change), so a
 * notification exists exactly when the change does. The dedupe keys make a
 * redelivered event insert nothing. Routing, once per status change:
 *   1. a subscriber inside the 7-day window → OA messages to the subscribers (as before);
 *   2. else, ZNS on, the applicant consented, a template for the change → one ZNS to the phone;
 *   3. else → OA messages to the subscribers (the worker falls back to a transaction message).
 * Never both 1/3 and 2: one change reaches the citizen once.
 */
import { newOutboxItem } from './new-outbox-item.js';
import type { Services } from '../services.js';
import type { Tx } from '../store/port.js';
import type { Dossier, DossierEvent, NationalStatus, OutboxItem } from '../store/records.js';
import { procedureNameOf } from '../dossiers/procedure-name.js';
import { buildNotification, shouldNotify } from './build-notification.js';
import { buildZnsMessage, znsAllowed, znsKeyFor } from './build-zns-notification.js';
import { insideWindow } from './delivery-policy.js';

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
  const zns = await znsItem(t, services, dossier, event, previous, subscribers, now);
  if (zns) return t.addOutbox([zns]);
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

/** The single ZNS item for this change, when no subscriber is inside the window and ZNS may be used. */
async function znsItem(
  t: Tx,
  services: Pick<Services, 'catalog' | 'config'>,
  dossier: Dossier,
  event: DossierEvent,
  previous: PreviousDossierState,
  subscribers: { userId: string }[],
  now: Date,
): Promise<OutboxItem | null> {
  const templates = services.config.znsTemplates;
  if (!znsAllowed(templates, dossier)) return null;
  const statusNews = event.status !== previous.status || ((event.status === 5 || event.status === 6) && !!event.note && event.note !== previous.note);
  const dateMoved = !!event.newAppointmentDate && event.newAppointmentDate !== previous.appointmentDate;
  const key = znsKeyFor(templates, event.status, statusNews, dateMoved);
  if (!key) return null;
  for (const sub of subscribers) if (insideWindow(await t.getProfile(sub.userId), now)) return null;
  const message = buildZnsMessage(templates, key, {
    dossier,
    procedureName: procedureNameOf(services.catalog, dossier.procedureCode),
    orgName: services.config.ORG_NAME,
    hotline: services.config.HOTLINE,
    note: event.note,
    previousAppointmentDate: previous.appointmentDate,
  });
  if (!message) return null;
  return newOutboxItem(
    t,
    // The userId names the dossier, never the phone (it reaches log lines); one ZNS queue per dossier keeps its order.
    { dedupeKey: `zns:${dossier.code}:${event.eventId}`, kind: 'notification', userId: `zns:${dossier.code}`, parts: [message], dossierCode: dossier.code },
    now.toISOString(),
  );
}

/** The "received, appointment on …" ZNS when a consenting applicant's dossier is created (template '2'). */
export async function createReceivedZns(t: Tx, services: Pick<Services, 'catalog' | 'config'>, dossier: Dossier, now: Date): Promise<OutboxItem[]> {
  const templates = services.config.znsTemplates;
  if (!znsAllowed(templates, dossier) || dossier.status !== 2) return [];
  const message = buildZnsMessage(templates, '2', {
    dossier,
    procedureName: procedureNameOf(services.catalog, dossier.procedureCode),
    orgName: services.config.ORG_NAME,
    hotline: services.config.HOTLINE,
  });
  if (!message) return [];
  const item = await newOutboxItem(
    t,
    { dedupeKey: `zns:${dossier.code}:received`, kind: 'notification', userId: `zns:${dossier.code}`, parts: [message], dossierCode: dossier.code },
    now.toISOString(),
  );
  return t.addOutbox([item]);
}

/** The rating buttons also work statelessly (their payload names the code); this covers a typed "5". */
async function askSatisfaction(t: Tx, userId: string, code: string, at: string): Promise<void> {
  const state = (await t.getConversation(userId)) ?? { userId, failures: 0, updatedAt: at };
  if (state.pending && state.pending.kind !== 'satisfaction') return; // do not break an open question
  await t.putConversation({ ...state, pending: { kind: 'satisfaction', code }, updatedAt: at });
}
