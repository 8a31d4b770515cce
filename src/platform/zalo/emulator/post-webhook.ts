/** Signs one event body and POSTs it to the bot's webhook like Zalo does (2 s timeout). */
import { computeSignature } from '../verify-signature.js';
import type { PostResult } from './emulator-handle.js';

export const WEBHOOK_TIMEOUT_MS = 2000;
/** Zalo's documented redelivery schedule for events that could not open a connection (platform doc §1.5). */
export const WEBHOOK_RETRY_DELAYS_MS = [30_000, 300_000, 900_000, 1_800_000, 3_600_000];

export async function postWebhook(
  url: string,
  payload: { app_id: string; timestamp: string },
  oaSecretKey: string,
  msgId?: string,
  /** Redeliveries add `num_retry` (doc §1.5). */
  retry?: number,
): Promise<PostResult> {
  // Sign exactly the bytes that are sent.
  const body = Buffer.from(JSON.stringify(payload), 'utf8');
  const signature = computeSignature(payload.app_id, body, payload.timestamp, oaSecretKey);
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-zevent-signature': signature,
        ...(retry ? { num_retry: String(retry) } : {}),
      },
      body,
      signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
    });
    await res.arrayBuffer().catch(() => undefined);
    return { status: res.status, ...(msgId ? { msgId } : {}) };
  } catch (err) {
    const e = err as Error & { cause?: { code?: string } };
    const error = e.name === 'TimeoutError' || e.name === 'AbortError' ? 'timeout' : (e.cause?.code ?? e.message);
    return { status: 0, ...(msgId ? { msgId } : {}), error };
  }
}
