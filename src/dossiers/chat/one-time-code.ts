/**
 * The strong proof of a chat lookup: a 6-digit code sent by ZNS (the 'otp' template)
 * to the phone on the dossier. A code belongs to the dossier, not to the account
 * that asked: only the phone's owner receives it, so whoever types it within
 * OTP_TTL_MINUTES is the applicant (or someone they gave it to). Valid codes are
 * kept hashed in the attempt log (`otp:valid:<code>:<sha256>`), which expires them
 * with everything else. At most OTP_MAX_SENDS_PER_HOUR codes per dossier per hour,
 * counted for unknown codes too, so the replies never tell which codes exist.
 */
import { createHash, randomInt } from 'node:crypto';
import type { TurnContext } from '../../dialog/turn-context.js';
import type { Dossier } from '../../store/records.js';
import { buildZnsMessage } from '../../notify/build-zns-notification.js';
import { newOutboxItem } from '../../notify/new-outbox-item.js';
import { procedureNameOf } from '../procedure-name.js';

const sentKey = (code: string) => `otp:sent:${code}`;
const validKey = (code: string, otp: string) => `otp:valid:${code}:${createHash('sha256').update(`${code}:${otp}`).digest('hex')}`;

/** OTP is available: ZNS on with an 'otp' template. */
export const otpAvailable = (ctx: TurnContext) => !!ctx.services.config.znsTemplates?.otp;

/** Send a fresh code (queued in the outbox); 'limited' when this dossier had its codes for the hour. */
export async function sendOneTimeCode(ctx: TurnContext, code: string, dossier: Dossier | undefined): Promise<'sent' | 'limited'> {
  const { config, catalog } = ctx.services;
  const hourAgo = new Date(ctx.now.getTime() - 3600_000).toISOString();
  if ((await ctx.t.countAttempts(sentKey(code), hourAgo)) >= config.OTP_MAX_SENDS_PER_HOUR) return 'limited';
  const at = ctx.now.toISOString();
  await ctx.t.recordAttempt(sentKey(code), at);
  const templates = config.znsTemplates;
  if (!dossier || !templates) return 'sent'; // the same answer for a code that does not exist
  const otp = String(randomInt(0, 1_000_000)).padStart(6, '0');
  await ctx.t.recordAttempt(validKey(code, otp), at);
  const message = buildZnsMessage(templates, 'otp', {
    dossier,
    otp,
    procedureName: procedureNameOf(catalog, dossier.procedureCode),
    orgName: config.ORG_NAME,
    hotline: config.HOTLINE,
  });
  if (!message) return 'sent';
  const item = await newOutboxItem(
    ctx.t,
    { dedupeKey: `otp:${code}:${ctx.eventKey}`, kind: 'notification', userId: `zns-otp:${code}`, parts: [message], dossierCode: code },
    at,
  );
  await ctx.t.addOutbox([item]);
  ctx.afterCommit(() => ctx.services.kickOutbox());
  return 'sent';
}

/** Whether `digits` is a code sent for this dossier within OTP_TTL_MINUTES. */
export async function oneTimeCodeMatches(ctx: TurnContext, code: string, digits: string): Promise<boolean> {
  const since = new Date(ctx.now.getTime() - ctx.services.config.OTP_TTL_MINUTES * 60_000).toISOString();
  return (await ctx.t.countAttempts(validKey(code, digits), since)) > 0;
}
