/** Who may see a dossier without answering the challenge. */
import type { TurnContext } from '../../dialog/turn-context.js';
import type { Dossier } from '../../store/records.js';
import { normalisePhone } from '../mask-applicant.js';

/** One keyed read (code, user): never a scan, so its cost does not depend on the code. */
export async function isSubscribed(ctx: TurnContext, code: string): Promise<boolean> {
  return (await ctx.t.getSubscription(code, ctx.userId)) !== undefined;
}

/**
 * The dossier behind `code` and whether this user may see it without the challenge.
 * Linked users: proved it in this conversation, subscribed (only possible after
 * verification), or their phone shared through request_user_info is the applicant's.
 * The same reads happen whether or not the code exists (the dossier, then this user's
 * subscription to the code), so the reply time does not tell which codes are real.
 */
export async function lookupEntitled(ctx: TurnContext, code: string): Promise<{ dossier?: Dossier; entitled: boolean }> {
  const dossier = await ctx.t.getDossier(code);
  const subscribed = await isSubscribed(ctx, code);
  if (!dossier) return { entitled: false };
  const sharedPhone = ctx.profile.sharedPhone;
  const entitled =
    subscribed ||
    !!ctx.state.verifiedCodes?.includes(code) ||
    (!!sharedPhone && normalisePhone(sharedPhone) === normalisePhone(dossier.applicant.phone));
  return { dossier, entitled };
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
