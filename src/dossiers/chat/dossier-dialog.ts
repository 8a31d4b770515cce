/**
 * The dossier conversation: status lookup with verification, subscriptions,
 * the satisfaction answer. Called by the dialog router inside the user's
 * transaction (src/dialog/handle-turn.ts). Unknown codes and wrong answers take
 * the same path and get the same replies, so nobody can probe which codes exist.
 */
import type { TurnContext } from '../../dialog/turn-context.js';
import type { Dossier, PendingQuestion } from '../../store/records.js';
import { looksLikeSubscribe, looksLikeUnsubscribe, parseRatingAnswer, unsubscribePayload, UNSUBSCRIBE_BUTTON_TITLE } from '../chat-payloads.js';
import { extractDossierCode, normaliseDossierCode } from '../dossier-code.js';
import { normalisePhone } from '../mask-applicant.js';
import { lockState, recordChallengeFailure } from './challenge-limits.js';
import { composeStatusAnswer } from './compose-status-answer.js';
import { answerMatches, isSubscribed, lookupEntitled, rememberVerified } from './dossier-access.js';
import {
  ASK_CODE,
  NOT_MATCHED,
  OTP_NOT_MATCHED,
  SHARED_PHONE_NOT_MATCHED,
  challengePrompt,
  codeLockedReply,
  otpPrompt,
  sharePhoneButton,
  userLockedReply,
} from './dossier-replies.js';
import { oneTimeCodeMatches, otpAvailable, sendOneTimeCode } from './one-time-code.js';
import { subscribeOfferButton, subscribeVerified, unsubscribe } from './manage-subscription.js';
import { parseBareScore, recordRating } from './record-rating.js';

type Then = 'status' | 'subscribe';

function codeIn(ctx: TurnContext, opts: { bare?: boolean } = {}): string | null {
  if (ctx.nlu?.dossierCode) return normaliseDossierCode(ctx.nlu.dossierCode);
  return ctx.text ? extractDossierCode(ctx.text, opts) : null;
}

/** dossier_status / subscribe / unsubscribe turns. */
export async function handleDossierIntent(
  ctx: TurnContext,
  intent: 'dossier_status' | 'subscribe' | 'unsubscribe',
): Promise<void> {
  const text = ctx.text ?? '';
  const rating = parseRatingAnswer(text);
  if (rating) return recordRating(ctx, rating.code, rating.score);
  // Our own button texts decide, whatever the classifier made of them.
  if (looksLikeUnsubscribe(text)) intent = 'unsubscribe';
  else if (looksLikeSubscribe(text)) intent = 'subscribe';
  const code = codeIn(ctx);
  if (intent === 'unsubscribe') return unsubscribe(ctx, code);
  const then: Then = intent === 'subscribe' ? 'subscribe' : 'status';
  // "Nhận thông báo" right after a lookup means the dossier just shown.
  const target = code ?? (then === 'subscribe' ? (ctx.state.verifiedCodes?.at(-1) ?? null) : null);
  if (!target) {
    ctx.state.pending = { kind: 'dossier_code', then };
    ctx.reply({ kind: 'text', text: ASK_CODE });
    return;
  }
  return startLookup(ctx, target, then);
}

/**
 * A turn while a dossier question is pending (dossier_code, challenge, satisfaction).
 * Returns false when the message is not an answer to it (the citizen changed topic),
 * so the dialog router handles it normally.
 */
export async function handleDossierPending(ctx: TurnContext, pending: PendingQuestion): Promise<boolean> {
  const text = ctx.text ?? '';
  const rating = parseRatingAnswer(text);
  if (rating) {
    ctx.state.pending = undefined;
    await recordRating(ctx, rating.code, rating.score);
    return true;
  }
  switch (pending.kind) {
    case 'satisfaction': {
      const score = parseBareScore(text);
      if (!score) return false;
      ctx.state.pending = undefined;
      await recordRating(ctx, pending.code, score);
      return true;
    }
    case 'dossier_code': {
      const code = codeIn(ctx, { bare: true });
      if (!code) return false;
      ctx.state.pending = undefined;
      if (pending.then === 'unsubscribe') await unsubscribe(ctx, code);
      else await startLookup(ctx, code, pending.then === 'subscribe' ? 'subscribe' : 'status');
      return true;
    }
    case 'challenge':
    case 'otp': {
      const other = codeIn(ctx);
      if (other && other !== pending.code) {
        ctx.state.pending = undefined;
        await startLookup(ctx, other, pending.then ?? 'status');
        return true;
      }
      const digits = text.replace(/[\s.-]/g, '');
      if (pending.kind === 'otp') {
        if (!/^\d{6}$/.test(digits)) return false;
        await answerOneTimeCode(ctx, pending.code, pending.then ?? 'status', digits);
        return true;
      }
      if (!/\d{4}/.test(digits)) return false;
      await answerChallenge(ctx, pending.code, pending.then ?? 'status', text);
      return true;
    }
    default:
      return false;
  }
}

/** After user_submit_info: continue a lookup waiting for the shared phone, if any. */
export async function handleSharedInfo(ctx: TurnContext): Promise<void> {
  const pending = ctx.state.pending;
  if (pending?.kind !== 'challenge' && pending?.kind !== 'otp') {
    ctx.reply({ kind: 'text', text: 'Dạ, em cảm ơn anh/chị đã chia sẻ thông tin. Anh/chị cần tra cứu hồ sơ nào, vui lòng nhắn mã hồ sơ cho em ạ.' });
    return;
  }
  const d = await ctx.t.getDossier(pending.code);
  const phone = ctx.profile.sharedPhone;
  // The account's own phone is no guess: no lock stops it.
  if (d && phone && normalisePhone(phone) === normalisePhone(d.applicant.phone)) {
    ctx.state.pending = undefined;
    return showVerified(ctx, d, pending.then ?? 'status');
  }
  // Not counted as a failed attempt: the shared phone is the Zalo account's, not a guess.
  ctx.reply({ kind: 'text', text: SHARED_PHONE_NOT_MATCHED });
}

async function startLookup(ctx: TurnContext, code: string, then: Then): Promise<void> {
  const { dossier: d, entitled } = await lookupEntitled(ctx, code);
  if (d && entitled) return showVerified(ctx, d, then);
  const cfg = ctx.services.config;
  const locks = await lockState(ctx.t, cfg, ctx.userId, code, ctx.now);
  // The question stays open whatever the locks: a shared matching phone always gets in.
  if (otpAvailable(ctx)) {
    ctx.state.pending = { kind: 'otp', code, then };
    if (locks.user) return void ctx.reply(...userLockedReply(ctx.services, locks.user));
    const sent = await sendOneTimeCode(ctx, code, d);
    return void ctx.reply(...otpPrompt(ctx.services, code, sent === 'limited'));
  }
  ctx.state.pending = { kind: 'challenge', code, then };
  if (locks.user) return void ctx.reply(...userLockedReply(ctx.services, locks.user));
  if (locks.code) return void ctx.reply(...codeLockedReply(ctx.services, code, locks.code));
  ctx.reply(...challengePrompt(ctx.services, code));
}

/** The weaker proof, only where no ZNS is configured: 4 digits of the phone or CCCD; shows the status only. */
async function answerChallenge(ctx: TurnContext, code: string, then: Then, text: string): Promise<void> {
  const cfg = ctx.services.config;
  ctx.state.pending = { kind: 'challenge', code, then };
  // Checked before the answer: once locked, even a right answer is refused.
  const locks = await lockState(ctx.t, cfg, ctx.userId, code, ctx.now);
  if (locks.user) return void ctx.reply(...userLockedReply(ctx.services, locks.user));
  if (locks.code) return void ctx.reply(...codeLockedReply(ctx.services, code, locks.code));
  const d = await ctx.t.getDossier(code);
  if (d && answerMatches(d, text)) {
    // The question stays open: sharing the matching phone next upgrades to the full answer.
    ctx.outcome = { intent: 'dossier_status', answered: true };
    return void ctx.reply({ kind: 'text', text: composeStatusAnswer(ctx.services, d, ctx.now, { weak: true }) }, sharePhoneButton(ctx.services));
  }
  // Every failure gets the same reply (the one an unknown code gets); the question stays open,
  // so a further try within the window meets the lock message above.
  await recordChallengeFailure(ctx.t, cfg, ctx.userId, code, ctx.now, true);
  ctx.reply({ kind: 'text', text: NOT_MATCHED });
}

/** The strong proof: the code sent to the applicant's phone. Only this account's failures can stop it. */
async function answerOneTimeCode(ctx: TurnContext, code: string, then: Then, digits: string): Promise<void> {
  const cfg = ctx.services.config;
  ctx.state.pending = { kind: 'otp', code, then };
  const locks = await lockState(ctx.t, cfg, ctx.userId, code, ctx.now);
  if (locks.user) return void ctx.reply(...userLockedReply(ctx.services, locks.user));
  const d = await ctx.t.getDossier(code);
  if (d && (await oneTimeCodeMatches(ctx, code, digits))) {
    ctx.state.pending = undefined;
    return showVerified(ctx, d, then);
  }
  const after = await recordChallengeFailure(ctx.t, cfg, ctx.userId, code, ctx.now, false);
  if (after.user) return void ctx.reply(...userLockedReply(ctx.services, after.user));
  ctx.reply({ kind: 'text', text: OTP_NOT_MATCHED });
}

async function showVerified(ctx: TurnContext, d: Dossier, then: Then): Promise<void> {
  rememberVerified(ctx, d.code);
  ctx.outcome = { intent: then === 'subscribe' ? 'subscribe' : 'dossier_status', answered: true };
  const subscribed = await isSubscribed(ctx, d.code);
  const answer = composeStatusAnswer(ctx.services, d, ctx.now);
  if (then === 'subscribe') {
    ctx.reply({ kind: 'text', text: answer });
    return subscribeVerified(ctx, d.code);
  }
  ctx.reply({
    kind: 'text',
    text: answer,
    buttons: subscribed
      ? [{ type: 'oa.query.show', title: UNSUBSCRIBE_BUTTON_TITLE, payload: unsubscribePayload(d.code) }]
      : [subscribeOfferButton()],
  });
}
