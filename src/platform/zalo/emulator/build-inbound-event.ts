/**
 * Builds webhook payloads the way Zalo sends them (zalo-oa-platform.md §1):
 * string ids, epoch-ms string timestamp, sender/recipient for user_* events,
 * follower/oa_id for follow/unfollow, a unique message.msg_id.
 */
import { createHash, randomBytes } from 'node:crypto';
import { toInternationalVnPhone } from '../normalize-phone.js';

export type EmulatedMedia = 'image' | 'sticker' | 'file' | 'location' | 'gif' | 'audio' | 'video' | 'link';

export interface InboundIds {
  appId: string;
  oaId: string;
  now: Date;
}

/** msg_id: opaque, ~20 hex characters in real samples. */
export function newMsgId(): string {
  return randomBytes(10).toString('hex');
}

/** The same person's app-scoped id: differs from the OA-scoped id, stable per user. */
export function userIdByApp(userId: string): string {
  const h = createHash('sha256').update(`app:${userId}`).digest();
  return (h.readBigUInt64BE(0) % 10n ** 19n).toString();
}

function envelope(ids: InboundIds, eventName: string, userId: string) {
  return { app_id: ids.appId, user_id_by_app: userIdByApp(userId), event_name: eventName, timestamp: String(ids.now.getTime()) };
}

export function buildUserText(ids: InboundIds, userId: string, text: string, msgId = newMsgId()) {
  return {
    ...envelope(ids, 'user_send_text', userId),
    sender: { id: userId },
    recipient: { id: ids.oaId },
    message: { msg_id: msgId, text },
  };
}

function attachmentFor(media: EmulatedMedia): Record<string, unknown> {
  const host = 'https://photo-talk.zdn.vn.invalid/emulator';
  switch (media) {
    case 'location':
      return { type: 'location', payload: { coordinates: { latitude: '21.0285', longitude: '105.8542' } } };
    case 'file':
      return { type: 'file', payload: { url: `${host}/giay-to.pdf`, name: 'giay-to.pdf', size: '20480', checksum: 'd41d8cd98f00b204e9800998ecf8427e', type: 'pdf' } };
    case 'sticker':
      return { type: 'sticker', payload: { url: `${host}/sticker.png`, id: '12345' } };
    case 'link':
      return { type: 'link', payload: { url: 'https://dichvucong.gov.vn.invalid/', thumbnail: `${host}/thumb.jpg`, description: 'Liên kết' } };
    case 'audio':
      return { type: 'audio', payload: { url: `${host}/voice.amr` } };
    default:
      return { type: media, payload: { url: `${host}/${media}.jpg`, thumbnail: `${host}/${media}-thumb.jpg` } };
  }
}

export function buildUserMedia(ids: InboundIds, userId: string, media: EmulatedMedia, msgId = newMsgId()) {
  return {
    ...envelope(ids, `user_send_${media}`, userId),
    sender: { id: userId },
    recipient: { id: ids.oaId },
    message: { msg_id: msgId, attachments: [attachmentFor(media)] },
  };
}

export function buildFollow(ids: InboundIds, userId: string, follow: boolean) {
  return {
    ...envelope(ids, follow ? 'follow' : 'unfollow', userId),
    oa_id: ids.oaId,
    ...(follow ? { source: 'oa_profile' } : {}),
    follower: { id: userId },
  };
}

export function buildSubmitInfo(ids: InboundIds, userId: string, info: { name: string; phone: string }) {
  return {
    ...envelope(ids, 'user_submit_info', userId),
    sender: { id: userId },
    recipient: { id: ids.oaId },
    // The platform sends the phone in international form (84…).
    info: { name: info.name, phone: toInternationalVnPhone(info.phone) },
  };
}

/** Delivery receipt for an OA message (OA → user direction: the user is recipient.id). */
export function buildUserReceived(ids: InboundIds, userId: string, msgId: string) {
  return {
    ...envelope(ids, 'user_received_message', userId),
    sender: { id: ids.oaId },
    recipient: { id: userId },
    message: { msg_id: msgId },
  };
}

export function buildUserSeen(ids: InboundIds, userId: string, msgIds: string[]) {
  return {
    ...envelope(ids, 'user_seen_message', userId),
    sender: { id: ids.oaId },
    recipient: { id: userId },
    message: { msg_ids: msgIds },
  };
}

/**
 * ZNS delivery receipt. Shape from one secondary source only (platform doc §3.3, "low"):
 * user_received_message with the phone as recipient and msg_id, delivery_time, tracking_id.
 */
export function buildZnsReceived(ids: InboundIds, rec: { msgId: string; phone: string; trackingId: string }) {
  return {
    app_id: ids.appId,
    event_name: 'user_received_message',
    timestamp: String(ids.now.getTime()),
    sender: { id: ids.oaId },
    recipient: { id: rec.phone },
    message: { msg_id: rec.msgId, tracking_id: rec.trackingId, delivery_time: String(ids.now.getTime()) },
  };
}
