/**
 * Traffic for the two-instance test and the store bench: signed webhook events
 * and dossier feed calls spread over several bot URLs.
 */
import { signEvent, userSendText } from '../../support/sign-event.js';

export interface OaIds {
  appId: string;
  oaSecretKey: string;
}

/** POST one signed user_send_text to `url`; returns the HTTP status. */
export async function postText(url: string, ids: OaIds, userId: string, text: string, msgId: string): Promise<number> {
  const { body, headers } = signEvent(userSendText({ appId: ids.appId, userId, text, msgId }), ids.oaSecretKey);
  const res = await fetch(`${url}/webhooks/zalo`, { method: 'POST', body, headers });
  await res.arrayBuffer();
  return res.status;
}

export async function feed(url: string, key: string, method: 'PUT' | 'POST', path: string, body: unknown): Promise<number> {
  const res = await fetch(`${url}/api/v1/dossiers/${path}`, {
    method,
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  await res.arrayBuffer();
  return res.status;
}

export const dossierCode = (i: number) => `000.00.01.H12-260302-${String(i).padStart(4, '0')}`;
export const subscriberId = (i: number) => `5${String(i).padStart(17, '0')}`;
export const chatUserId = (i: number) => `6${String(i).padStart(17, '0')}`;

export function dossierBody() {
  return {
    procedureCode: '1.001234',
    applicant: { fullName: 'Nguyễn Văn An', phone: '0912345678' },
    receivedAt: '2026-03-02T08:00:00+07:00',
    appointmentDate: '2026-03-20',
    status: 2,
  };
}

/** The two events of dossier i: more documents needed, then result ready. */
export function dossierEvents(i: number) {
  return [
    { eventId: `ev-${i}-5`, status: 5, at: '2026-03-03T09:00:00+07:00', note: 'Bổ sung bản sao giấy khai sinh' },
    { eventId: `ev-${i}-9`, status: 9, at: '2026-03-05T09:00:00+07:00' },
  ];
}

/** Run `fn` over `items` with at most `width` in flight. */
export async function inParallel<T>(items: T[], width: number, fn: (item: T, i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(width, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        await fn(items[i]!, i);
      }
    }),
  );
}
