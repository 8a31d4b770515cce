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
import { challengeLockedUntil, recordChallengeFailure } from './challenge-limits.js';
import { composeStatusAnswer } from './compose-status-answer.js';
import { answerMatches, isSubscribed, lookupEntitled, rememberVerified } from './dossier-access.js';
import { ASK_CODE, NOT_MATCHED, SHARED_PHONE_NOT_MATCHED, challengePrompt, lockedReply } from './dossier-replies.js';
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
    case 'challenge': {
      const other = codeIn(ctx);
      if (other && other !== pending.code) {
        ctx.state.pending = undefined;
        await startLookup(ctx, other, pending.then ?? 'status');
        return true;
      }
      if (!/\d{4}/.test(text.replace(/[\s.-]/g, ''))) return false;
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
  if (pending?.kind !== 'challenge') {
    ctx.reply({ kind: 'text', text: 'Dạ, em cảm ơn anh/chị đã chia sẻ thông tin. Anh/chị cần tra cứu hồ sơ nào, vui lòng nhắn mã hồ sơ cho em ạ.' });
    return;
  }
  const d = await ctx.t.getDossier(pending.code);
  const phone = ctx.profile.sharedPhone;
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
  const lockedUntil = await challengeLockedUntil(ctx.t, ctx.services.config, ctx.userId, code, ctx.now);
  // The question stays open while locked: digits typed next are a verification attempt and get
  // the lock message again, never "not understood" (nor a count toward a handoff).
  ctx.state.pending = { kind: 'challenge', code, then };
  if (lockedUntil) {
    ctx.reply({ kind: 'text', text: lockedReply(ctx.services, lockedUntil) });
    return;
  }
  ctx.reply(...challengePrompt(ctx.services, code));
}

async function answerChallenge(ctx: TurnContext, code: string, then: Then, text: string): Promise<void> {
  const cfg = ctx.services.config;
  // Checked before the answer: once locked, even a right answer is refused.
  const lockedUntil = await challengeLockedUntil(ctx.t, cfg, ctx.userId, code, ctx.now);
  if (lockedUntil) {
    ctx.reply({ kind: 'text', text: lockedReply(ctx.services, lockedUntil) });
    return;
  }
  const d = await ctx.t.getDossier(code);
  if (d && answerMatches(d, text)) {
    ctx.state.pending = undefined;
    return showVerified(ctx, d, then);
  }
  await recordChallengeFailure(ctx.t, cfg, ctx.userId, code, ctx.now);
  // Every failure gets the same reply (the one an unknown code gets); the question stays open,
  // so a further try within the window meets the lock message above.
  ctx.state.pending = { kind: 'challenge', code, then };
  ctx.reply({ kind: 'text', text: NOT_MATCHED });
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
