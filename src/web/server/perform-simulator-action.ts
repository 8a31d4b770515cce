/**
 * One citizen action from the simulator page, validated and played through the
 * emulator, which signs the event and POSTs it to the bot's real webhook.
 */
import { z } from 'zod';
import type { OaEmulatorHandle } from '../../platform/zalo/emulator/emulator-handle.js';
import type { SimulatorTranscript, UserChatItem } from './simulator-transcript.js';

/** Media the simulator offers, with what the chat shows for each. */
const MEDIA_LABELS = { sticker: 'Nhãn dán', image: 'Hình ảnh', file: 'Tệp', location: 'Vị trí' } as const;

export const SimulatorActionSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('say'), text: z.string().trim().min(1).max(2000) }),
  z.object({
    type: z.literal('tap'),
    payload: z.string().min(1).max(1000),
    title: z.string().max(100).optional(),
    /** oa.query.hide buttons send their payload without showing it in the chat. */
    hidden: z.boolean().optional(),
  }),
  z.object({ type: z.literal('media'), media: z.enum(['sticker', 'image', 'file', 'location']) }),
  z.object({ type: z.literal('follow') }),
  z.object({ type: z.literal('unfollow') }),
  z.object({
    type: z.literal('submit_info'),
    name: z.string().trim().min(1).max(100),
    phone: z.string().trim().regex(/^(\+?84|0)\d{9,10}$/, 'số điện thoại Việt Nam'),
  }),
]);

export type SimulatorAction = z.infer<typeof SimulatorActionSchema>;

/** Zalo user ids are opaque strings; keep them to safe characters for URLs and logs. */
export const SimulatorUserIdSchema = z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/);

export async function performSimulatorAction(
  emulator: OaEmulatorHandle,
  transcript: SimulatorTranscript,
  userId: string,
  action: SimulatorAction,
): Promise<UserChatItem> {
  switch (action.type) {
    case 'say': {
      const item = transcript.begin(userId, 'text', action.text);
      return transcript.finish(userId, item, (await emulator.userSays(userId, action.text)).status);
    }
    case 'tap': {
      const shown = action.hidden ? `Đã chọn: ${action.title ?? action.payload}` : action.payload;
      const item = transcript.begin(userId, 'tap', shown);
      return transcript.finish(userId, item, (await emulator.userTaps(userId, action.payload)).status);
    }
    case 'media': {
      const item = transcript.begin(userId, 'media', MEDIA_LABELS[action.media]);
      return transcript.finish(userId, item, (await emulator.userSendsMedia(userId, action.media)).status);
    }
    case 'follow': {
      const item = transcript.begin(userId, 'follow', 'Đã quan tâm Official Account');
      return transcript.finish(userId, item, (await emulator.follow(userId)).status);
    }
    case 'unfollow': {
      const item = transcript.begin(userId, 'unfollow', 'Đã bỏ quan tâm Official Account');
      return transcript.finish(userId, item, (await emulator.unfollow(userId)).status);
    }
    case 'submit_info': {
      const item = transcript.begin(userId, 'submit_info', `Đã chia sẻ thông tin: ${action.name}`);
      const info = { name: action.name, phone: action.phone };
      return transcript.finish(userId, item, (await emulator.submitInfo(userId, info)).status);
    }
  }
}
