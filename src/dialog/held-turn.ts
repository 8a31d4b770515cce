/**
 * A citizen message while a handoff is open. The bot does not answer it (an
 * officer will), but the citizen is never left without a word: an
 * acknowledgement at most once per ACK_EVERY_MINUTES, and the way back to the
 * bot (button or words, handoff-return.ts) always works.
 */
import type { Handoff } from '../store/records.js';
import { wholeText, type TurnContext } from './turn-context.js';
import { activeHandoff, pushHandoffMessage } from './handoff-service.js';
import { HOW_TO_RETURN, returnButton, wantsBotBack } from './handoff-return.js';
import { describeOfficeHours, parseOfficeHours } from './office-hours.js';
import { menuButtons } from './menu.js';

export const ACK_EVERY_MINUTES = 30;

export const BACK_TO_BOT_TEXT =
  'Dạ, em là trợ lý tự động, em tiếp tục hỗ trợ anh/chị tra cứu thủ tục, hồ sơ. Khi cần gặp cán bộ, anh/chị bấm “Gặp cán bộ” ạ.';

/** During an open handoff: keep the message for the officer; true when the turn is handled here. */
export async function holdForOfficer(ctx: TurnContext): Promise<boolean> {
  const handoff = await activeHandoff(ctx.t, ctx.userId, ctx.now);
  if (!handoff) return false;
  const e = ctx.event;
  const text = wholeText(ctx) ?? (e.kind === 'user_send_media' ? `[${e.media}]` : `[${e.kind}]`);
  pushHandoffMessage(handoff, { at: ctx.now.toISOString(), from: 'user', text });
  if (ctx.text && wantsBotBack(ctx.text)) {
    await returnToBot(ctx, handoff);
    return true;
  }
  const lastAck = handoff.lastAckAt ? Date.parse(handoff.lastAckAt) : Number.NEGATIVE_INFINITY;
  if (ctx.now.getTime() - lastAck >= ACK_EVERY_MINUTES * 60_000) {
    handoff.lastAckAt = ctx.now.toISOString();
    ctx.reply({ kind: 'text', text: `${acknowledgement(ctx)}\n${HOW_TO_RETURN}`, buttons: [returnButton()] });
  }
  await ctx.t.putHandoff(handoff);
  ctx.outcome = { intent: 'handoff_open', answered: false };
  return true;
}

/** The citizen ends the handoff: the bot answers again from this turn on. */
async function returnToBot(ctx: TurnContext, handoff: Handoff): Promise<void> {
  await ctx.t.putHandoff({ ...handoff, status: 'released', releasedAt: ctx.now.toISOString(), releasedBy: 'citizen' });
  ctx.state.failures = 0;
  ctx.state.pending = undefined;
  ctx.reply({ kind: 'text', text: BACK_TO_BOT_TEXT, buttons: menuButtons() });
  ctx.outcome = { intent: 'handoff_return', answered: true };
}

/** The return words or button with no handoff open (released meanwhile, an old button): say the bot is here. */
export function replyBotIsHere(ctx: TurnContext): void {
  ctx.reply({ kind: 'text', text: BACK_TO_BOT_TEXT, buttons: menuButtons() });
  ctx.outcome = { intent: 'handoff_return', answered: true };
}

function acknowledgement(ctx: TurnContext): string {
  let hours = '';
  try {
    const rules = parseOfficeHours(ctx.services.config.OFFICE_HOURS);
    if (rules.length) hours = ` (${describeOfficeHours(rules)})`;
  } catch {
    // An unreadable OFFICE_HOURS is reported at start; the acknowledgement goes without the hours.
  }
  return `Dạ, em đã chuyển tin nhắn cho cán bộ. Cán bộ sẽ trả lời anh/chị trong giờ làm việc${hours} ngay tại đây.`;
}
