/**
 * Webhook JSON → typed OaEvent (events.ts), validated with zod at the edge.
 * A known event with a missing required field throws OaEventParseError (the
 * route answers 400); an unknown but well-formed event becomes `ignored`.
 * Keep in sync with events.ts.
 *
 * Usage: const event = parseOaEvent(JSON.parse(raw.toString('utf8')));
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { storableText } from '../../store/storable-text.js';
import type { MediaKind, OaEvent } from './events.js';
import { normalizeVnPhone } from './normalize-phone.js';

export class OaEventParseError extends Error {
  constructor(
    readonly eventName: string | undefined,
    readonly issues: string[],
  ) {
    super(`Malformed OA event${eventName ? ` ${eventName}` : ''}: ${issues.join('; ')}`);
    this.name = 'OaEventParseError';
  }
}

// IDs are JSON strings (some exceed 2^53): a number here means a broken sender, reject it.
const id = z.string().min(1);
// Epoch ms as a decimal string; copied verbatim (it is part of the signature).
const timestamp = z.union([z.string().regex(/^\d{1,16}$/), z.number().int().nonnegative().transform(String)]);
const party = z.object({ id });

const common = { app_id: id, timestamp };

const SendText = z.object({
  ...common,
  sender: party,
  recipient: party,
  message: z.object({ msg_id: id, text: z.string(), quote_msg_id: z.string().optional() }),
});

const SendMedia = z.object({
  ...common,
  sender: party,
  recipient: party,
  message: z.object({ msg_id: id, text: z.string().optional() }),
});

const FollowSchema = z.object({
  ...common,
  oa_id: id,
  follower: party,
  source: z.string().optional(),
});

const SubmitInfo = z.object({
  ...common,
  sender: party,
  recipient: party.optional(),
  oa_id: z.string().optional(),
  info: z.object({ name: z.string().optional(), phone: z.union([z.string(), z.number().transform(String)]).optional() }),
});

const Received = z.object({
  ...common,
  sender: party,
  recipient: party,
  message: z.object({ msg_id: id }),
});

const Seen = z.object({
  ...common,
  sender: party,
  recipient: party,
  message: z.object({ msg_ids: z.array(id).min(1) }),
});

// A Map: event_name comes from outside, and `constructor` must not look like a media event.
const MEDIA = new Map<string, MediaKind>(Object.entries({
  user_send_image: 'image',
  user_send_gif: 'gif',
  user_send_link: 'link',
  user_send_audio: 'audio',
  user_send_video: 'video',
  user_send_sticker: 'sticker',
  user_send_file: 'file',
  user_send_location: 'location',
  user_send_business_card: 'business_card',
}));

function check<S extends z.ZodType>(schema: S, json: unknown, eventName: string): z.infer<S> {
  const r = schema.safeParse(json);
  if (r.success) return r.data;
  throw new OaEventParseError(
    eventName,
    r.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`),
  );
}

/** Parse one webhook body (already JSON-decoded). */
export function parseOaEvent(json: unknown): OaEvent {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new OaEventParseError(undefined, ['body is not a JSON object']);
  }
  const name = (json as Record<string, unknown>).event_name;
  if (typeof name !== 'string' || name === '') throw new OaEventParseError(undefined, ['event_name: missing']);

  if (name === 'user_send_text') {
    const e = check(SendText, json, name);
    return {
      kind: 'user_send_text',
      appId: e.app_id,
      timestamp: e.timestamp,
      userId: e.sender.id,
      oaId: e.recipient.id,
      msgId: e.message.msg_id,
      text: storableText(e.message.text),
      ...(e.message.quote_msg_id ? { quoteMsgId: e.message.quote_msg_id } : {}),
    };
  }
  const media = MEDIA.get(name);
  if (media) {
    const e = check(SendMedia, json, name);
    return {
      kind: 'user_send_media',
      eventName: name,
      media,
      appId: e.app_id,
      timestamp: e.timestamp,
      userId: e.sender.id,
      oaId: e.recipient.id,
      msgId: e.message.msg_id,
      ...(e.message.text ? { text: storableText(e.message.text) } : {}),
    };
  }
  if (name === 'follow' || name === 'unfollow') {
    const e = check(FollowSchema, json, name);
    const base = { appId: e.app_id, timestamp: e.timestamp, userId: e.follower.id, oaId: e.oa_id };
    return name === 'follow' ? { kind: 'follow', ...base, ...(e.source ? { source: e.source } : {}) } : { kind: 'unfollow', ...base };
  }
  if (name === 'user_submit_info') {
    const e = check(SubmitInfo, json, name);
    const phone = e.info.phone?.trim();
    const fullName = e.info.name?.trim();
    return {
      kind: 'user_submit_info',
      appId: e.app_id,
      timestamp: e.timestamp,
      userId: e.sender.id,
      oaId: e.recipient?.id ?? e.oa_id ?? '',
      ...(fullName ? { name: fullName } : {}),
      ...(phone ? { phone: normalizeVnPhone(phone) } : {}),
    };
  }
  if (name === 'user_received_message' || name === 'user_seen_message') {
    // Delivery receipts run OA → user: the user is recipient.id.
    if (name === 'user_received_message') {
      const e = check(Received, json, name);
      const znsMessage = (json as { message?: { tracking_id?: unknown; delivery_time?: unknown } }).message;
      if (typeof znsMessage?.tracking_id === 'string' && znsMessage.tracking_id !== '') {
        const dt = znsMessage.delivery_time;
        return {
          kind: 'zns_delivered',
          appId: e.app_id,
          timestamp: e.timestamp,
          userId: '',
          oaId: e.sender.id,
          msgId: e.message.msg_id,
          trackingId: znsMessage.tracking_id,
          ...(typeof dt === 'string' || typeof dt === 'number' ? { deliveryTime: String(dt) } : {}),
        };
      }
      const base = { appId: e.app_id, timestamp: e.timestamp, userId: e.recipient.id, oaId: e.sender.id };
      return { kind: 'user_received_message', ...base, msgId: e.message.msg_id };
    }
    const e = check(Seen, json, name);
    const base = { appId: e.app_id, timestamp: e.timestamp, userId: e.recipient.id, oaId: e.sender.id };
    return { kind: 'user_seen_message', ...base, msgIds: e.message.msg_ids };
  }
  return toIgnored(json as Record<string, unknown>, name);
}

function str(v: unknown): string {
  return typeof v === 'string' ? v : '';
}

function idOf(v: unknown): string {
  return typeof v === 'object' && v !== null ? str((v as Record<string, unknown>).id) : '';
}

/** Best-effort ids for events we acknowledge and drop (oa_send_* echoes, tags, …). */
function toIgnored(j: Record<string, unknown>, name: string): OaEvent {
  const oaFirst = !name.startsWith('user_') && !name.startsWith('anonymous_');
  const user = oaFirst ? idOf(j.recipient) : idOf(j.sender);
  const oa = oaFirst ? idOf(j.sender) : idOf(j.recipient);
  return {
    kind: 'ignored',
    eventName: name,
    appId: str(j.app_id),
    timestamp: typeof j.timestamp === 'number' ? String(j.timestamp) : str(j.timestamp),
    userId: user || idOf(j.follower) || str(j.user_id),
    oaId: oa || str(j.oa_id),
  };
}

/** The OA event_name an OaEvent came from. */
export function eventNameOf(event: OaEvent): string {
  if (event.kind === 'zns_delivered') return 'user_received_message';
  return event.kind === 'user_send_media' || event.kind === 'ignored' ? event.eventName : event.kind;
}

/**
 * Inbox dedupe keys: `${event_name}:${user_id}:${msg_id}` when there is exactly
 * one msg_id, else `${event_name}:${user_id}:${sha256(body)}`. The sender is part
 * of the key so that two citizens' events never collide, whatever the platform's
 * msg ids; a redelivery from the same sender has the same key.
 * `legacy` is the key the same event had before the sender was in it
 * (`${event_name}:${msg_id}`): events recorded by an older version are still
 * found by it, for the same sender only (docs/server-decisions.md, "Inbox dedupe key").
 */
export function dedupeKeys(event: OaEvent, rawBody: Buffer | string): { key: string; legacy: string } {
  const name = eventNameOf(event);
  let msgId: string | undefined;
  if (event.kind === 'user_send_text' || event.kind === 'user_send_media' || event.kind === 'user_received_message' || event.kind === 'zns_delivered') {
    msgId = event.msgId;
  } else if (event.kind === 'user_seen_message' && event.msgIds.length === 1) {
    msgId = event.msgIds[0];
  }
  const id = msgId || createHash('sha256').update(rawBody).digest('hex');
  return { key: `${name}:${event.userId}:${id}`, legacy: `${name}:${id}` };
}
