/**
 * The console's list of parked inbox events (inbound-attempts.ts): what came in,
 * from whom, how often it was tried and why it was given up. The message itself
 * is shown only as a short preview with long numbers (phones, CCCD, dossier
 * codes) masked: enough to recognise it, not a copy of what the citizen wrote.
 *
 *   const items = await listFailedInbound(services, 100);
 */
import type { OaEvent } from '../platform/zalo/events.js';
import type { Services } from '../services.js';
import type { InboundEventRecord } from '../store/records.js';
import { shortenText } from './format/shorten-text.js';

export interface FailedInboundView {
  key: string;
  userId: string;
  eventName: string;
  attempts: number;
  reason: string;
  receivedAt: string;
  failedAt?: string;
  preview: string;
}

const PREVIEW_CHARS = 60;
const LONG_NUMBER = /\d{4,}/g;

export async function listFailedInbound(services: Services, limit: number): Promise<FailedInboundView[]> {
  const recs = await services.store.tx((t) => t.listFailedInbound(limit));
  return recs.map(failedInboundView);
}

export function failedInboundView(rec: InboundEventRecord): FailedInboundView {
  return {
    key: rec.key,
    userId: rec.userId,
    eventName: rec.eventName,
    attempts: rec.attempts,
    reason: rec.failedReason ?? rec.lastError ?? '',
    receivedAt: rec.receivedAt,
    ...(rec.failedAt ? { failedAt: rec.failedAt } : {}),
    preview: previewOf(rec.event as OaEvent | null),
  };
}

/** A short, masked view of what the event carried. */
export function previewOf(event: OaEvent | null): string {
  if (!event) return '';
  const text = event.kind === 'user_send_text' ? event.text : event.kind === 'user_send_media' ? `[${event.media}] ${event.text ?? ''}` : `[${event.kind}]`;
  return shortenText(text.replace(LONG_NUMBER, (digits) => '•'.repeat(digits.length)), PREVIEW_CHARS);
}
