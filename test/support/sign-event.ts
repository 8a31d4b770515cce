/**
 * Build and sign a Zalo OA webhook body the way the platform does, with our own
 * crypto (independent of src/platform/zalo/verify-signature.ts, so a bug there
 * cannot hide itself): "mac=" + sha256hex(app_id + body + timestamp + OA secret).
 *
 * Usage:
 *   const { body, headers } = signEvent(userSendText({ appId, userId: 'u1', text: 'xin chào' }), secret);
 *   await fetch(`${url}/webhooks/zalo`, { method: 'POST', body, headers });
 */
import { createHash, randomBytes } from 'node:crypto';

export interface SignedEvent {
  body: string;
  headers: Record<string, string>;
  signature: string;
}

/** Sign a JSON object (serialised once, exactly as sent) or a raw body string. */
export function signEvent(event: Record<string, unknown> | string, oaSecretKey: string, appId?: string, timestamp?: string): SignedEvent {
  const body = typeof event === 'string' ? event : JSON.stringify(event);
  const obj = typeof event === 'string' ? safeParse(event) : event;
  const a = appId ?? String(obj?.app_id ?? '');
  const ts = timestamp ?? String(obj?.timestamp ?? '');
  const signature = `mac=${createHash('sha256').update(a + body + ts + oaSecretKey, 'utf8').digest('hex')}`;
  return { body, signature, headers: { 'content-type': 'application/json', 'x-zevent-signature': signature } };
}

function safeParse(s: string): Record<string, unknown> | undefined {
  try {
    return JSON.parse(s);
  } catch {
    return undefined;
  }
}

export const newMsgId = () => randomBytes(10).toString('hex');

export interface EventIds {
  appId: string;
  userId: string;
  oaId?: string;
  /** Epoch ms (default now). */
  at?: number;
}

/** A user_send_text body in the documented wire format. */
export function userSendText(ids: EventIds & { text: string; msgId?: string }): Record<string, unknown> {
  return {
    app_id: ids.appId,
    user_id_by_app: `app-${ids.userId}`,
    event_name: 'user_send_text',
    timestamp: String(ids.at ?? Date.now()),
    sender: { id: ids.userId },
    recipient: { id: ids.oaId ?? '2979513920347201234' },
    message: { text: ids.text, msg_id: ids.msgId ?? newMsgId() },
  };
}

/** A follow body (no sender/recipient; the user is follower.id). */
export function followEvent(ids: EventIds): Record<string, unknown> {
  return {
    app_id: ids.appId,
    oa_id: ids.oaId ?? '2979513920347201234',
    user_id_by_app: `app-${ids.userId}`,
    event_name: 'follow',
    timestamp: String(ids.at ?? Date.now()),
    source: 'oa_profile',
    follower: { id: ids.userId },
  };
}

/** Any other event name with the user_* envelope (e.g. one the bot does not know). */
export function genericEvent(ids: EventIds & { eventName: string }): Record<string, unknown> {
  return {
    app_id: ids.appId,
    event_name: ids.eventName,
    timestamp: String(ids.at ?? Date.now()),
    sender: { id: ids.userId },
    recipient: { id: ids.oaId ?? '2979513920347201234' },
    message: { msg_id: newMsgId() },
  };
}
