/** Who may see a dossier without answering the challenge. */
import type { TurnContext } from '../../dialog/turn-context.js';
import type { Dossier } from '../../store/records.js';
import { normalisePhone } from '../mask-applicant.js';

export async function isSubscribed(ctx: TurnContext, code: string): Promise<boolean> {
  const subs = await ctx.t.listUserSubscriptions(ctx.userId);
  return subs.some((s) => s.code === code);
}

/**
 * Linked users: proved it in this conversation, subscribed (only possible after
 * verification), or their phone shared through request_user_info is the applicant's.
 */
export async function isEntitled(ctx: TurnContext, d: Dossier): Promise<boolean> {
  if (ctx.state.verifiedCodes?.includes(d.code)) return true;
  if (ctx.profile.sharedPhone && normalisePhone(ctx.profile.sharedPhone) === normalisePhone(d.applicant.phone)) return true;
  return isSubscribed(ctx, d.code);
}

/** The challenge answer: the last 4 digits (or all) of the applicant's phone or CCCD. */
export function answerMatches(d: Dossier, text: string): boolean {
  const digits = text.replace(/\D/g, '');
  if (digits.length < 4) return false;
  const phone = normalisePhone(d.applicant.phone);
  const id = d.applicant.idNumber?.replace(/\D/g, '') ?? '';
  if (digits.length === 4) return phone.endsWith(digits) || (id.length >= 4 && id.endsWith(digits));
  return digits === phone || normalisePhone(digits) === phone || (id !== '' && digits === id);
}

export function rememberVerified(ctx: TurnContext, code: string): void {
  const codes = (ctx.state.verifiedCodes ?? []).filter((c) => c !== code);
  ctx.state.verifiedCodes = [...codes, code].slice(-10);
}
