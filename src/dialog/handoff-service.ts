/**
 * Human handoff: opening one from a citizen turn, and the officer side (queue,
 * reply as the OA, release). While a handoff is open the bot answers nothing
 * itself (an acknowledgement at most every 30 minutes: held-turn.ts); it ends
 * when an officer releases it, the citizen goes back to the bot, or it expires.
 */
import type { Config } from '../config/load-config.js';
import type { Services } from '../services.js';
import type { Handoff } from '../store/records.js';
import type { Tx } from '../store/port.js';
import { wholeText, type TurnContext } from './turn-context.js';
import { enqueueOfficerMessage } from './enqueue-officer-message.js';
import { describeOfficeHours, isWithinOfficeHours, parseOfficeHours } from './office-hours.js';
import { notifyHandoffWebhook } from './notify-handoff-webhook.js';
import { HOW_TO_RETURN, returnButton } from './handoff-return.js';

/** The officer sees this many recent messages. */
const KEEP_MESSAGES = 20;

export class HandoffNotFoundError extends Error {}

export function pushHandoffMessage(h: Handoff, msg: Handoff['lastMessages'][number]): void {
  h.lastMessages.push({ ...msg, text: msg.text.slice(0, 2000) });
  if (h.lastMessages.length > KEEP_MESSAGES) h.lastMessages.splice(0, h.lastMessages.length - KEEP_MESSAGES);
}

/** The open handoff of this user, or undefined; an expired one is marked expired (saved by the caller's tx). */
export async function activeHandoff(t: Tx, userId: string, now: Date): Promise<Handoff | undefined> {
  const h = await t.getHandoff(userId);
  if (!h || h.status !== 'open') return undefined;
  if (Date.parse(h.expiresAt) <= now.getTime()) {
    await t.putHandoff({ ...h, status: 'expired' });
    return undefined;
  }
  return h;
}

/** Office hours text when `now` is outside them, else undefined. */
export function outsideHoursNote(config: Config, now: Date): string | undefined {
  try {
    const rules = parseOfficeHours(config.OFFICE_HOURS);
    if (!rules.length || isWithinOfficeHours(rules, now)) return undefined;
    return `Hiện đang ngoài giờ làm việc (${describeOfficeHours(rules)}); cán bộ sẽ trả lời anh/chị trong giờ làm việc gần nhất.`;
  } catch {
    return undefined;
  }
}

/** Open a handoff in this turn: confirm, store it, call the webhook after commit. */
export async function openHandoff(ctx: TurnContext, reason: Handoff['reason']): Promise<void> {
  const { config } = ctx.services;
  const at = ctx.now.toISOString();
  const handoff: Handoff = {
    userId: ctx.userId,
    status: 'open',
    reason,
    openedAt: at,
    expiresAt: new Date(ctx.now.getTime() + config.HANDOFF_TIMEOUT_HOURS * 3_600_000).toISOString(),
    // One thread per handoff: what came before is the transcript (handoff-queue.ts shows it).
    lastMessages: [],
    // The confirmation below is the first acknowledgement.
    lastAckAt: at,
  };
  const said = wholeText(ctx);
  if (said) pushHandoffMessage(handoff, { at, from: 'user', text: said });
  await ctx.t.putHandoff(handoff);
  ctx.state.pending = undefined;
  ctx.state.failures = 0;
  if (reason === 'requested') ctx.outcome = { intent: 'human_handoff', answered: true };
  const lines = [
    reason === 'requested'
      ? 'Dạ, em đã chuyển cuộc trò chuyện cho cán bộ của ' + config.ORG_NAME + '.'
      : 'Dạ, em chưa hỗ trợ được anh/chị nên đã chuyển cuộc trò chuyện cho cán bộ của ' + config.ORG_NAME + '.',
    'Cán bộ sẽ trả lời anh/chị ngay tại đây; trong thời gian này em tạm dừng trả lời tự động.',
  ];
  const note = outsideHoursNote(config, ctx.now);
  if (note) lines.push(note);
  if (config.HOTLINE) lines.push(`Anh/chị cũng có thể gọi đường dây nóng: ${config.HOTLINE}.`);
  lines.push(HOW_TO_RETURN);
  ctx.reply({ kind: 'text', text: lines.join('\n'), buttons: [returnButton()] });
  const url = config.HANDOFF_WEBHOOK_URL;
  if (url) {
    const body = { userId: ctx.userId, reason, openedAt: at, lastMessage: said };
    ctx.afterCommit(() => notifyHandoffWebhook(url, body, ctx.services.log));
  }
}

// ---- Officer side (admin API) ----

/** The queue; open handoffs past their expiry are marked expired first, so "open" means open. */
export async function listHandoffs(services: Services, status?: Handoff['status']): Promise<Handoff[]> {
  const now = services.clock().getTime();
  return services.store.tx(async (t) => {
    for (const h of await t.listHandoffs('open')) {
      if (Date.parse(h.expiresAt) <= now) await t.putHandoff({ ...h, status: 'expired' });
    }
    return t.listHandoffs(status);
  });
}

/** Send `text` to the citizen as the OA and keep it in the handoff's history. */
export async function replyAsOfficer(services: Services, userId: string, text: string): Promise<void> {
  const now = services.clock();
  await services.store.tx(
    async (t) => {
      const h = await t.getHandoff(userId);
      if (!h) throw new HandoffNotFoundError(userId);
      pushHandoffMessage(h, { at: now.toISOString(), from: 'officer', text });
      await t.putHandoff(h);
      await enqueueOfficerMessage(t, userId, [{ kind: 'text', text }], now);
    },
    { lock: `user:${userId}` },
  );
  services.kickOutbox();
}

export const RELEASE_TEXT =
  'Dạ, cán bộ đã kết thúc hỗ trợ; em tiếp tục hỗ trợ anh/chị tra cứu thủ tục, hồ sơ. Anh/chị cần gì cứ nhắn cho em ạ.';

/** End the handoff: the bot answers this user again (and says so). */
export async function releaseHandoff(services: Services, userId: string, by = 'officer'): Promise<Handoff> {
  const now = services.clock();
  const released = await services.store.tx(
    async (t) => {
      const h = await t.getHandoff(userId);
      if (!h) throw new HandoffNotFoundError(userId);
      if (h.status !== 'open') return h;
      const next: Handoff = { ...h, status: 'released', releasedAt: now.toISOString(), releasedBy: by };
      await t.putHandoff(next);
      const state = await t.getConversation(userId);
      if (state) await t.putConversation({ ...state, failures: 0, pending: undefined, updatedAt: now.toISOString() });
      await enqueueOfficerMessage(t, userId, [{ kind: 'text', text: RELEASE_TEXT }], now);
      return next;
    },
    { lock: `user:${userId}` },
  );
  services.kickOutbox();
  return released;
}
