/**
 * The dialog router: one inbound event of one user → replies and new state.
 * Order: idle expiry, open handoff (held for the officer: held-turn.ts), event
 * kind, pending question, then the intent. Runs inside the user's transaction (see turn-context.ts).
 */
import { handleDossierIntent, handleDossierPending, handleSharedInfo } from '../dossiers/chat/dossier-dialog.js';
import { parseRatingAnswer } from '../dossiers/chat-payloads.js';
import { recordRating } from '../dossiers/chat/record-rating.js';
import { wholeText, type TurnContext } from './turn-context.js';
import { noteLongMessage } from './long-message-note.js';
import { parseDetailPayload } from './detail-buttons.js';
import { optionCode, readChoice } from './disambiguation.js';
import { expireIdleState } from './expire-state.js';
import { replyUnanswered } from './fallback.js';
import { confirmFeedback, handleFeedbackIntent, isCancel, looksLikeFeedback } from './feedback-service.js';
import { readFeedbackLookup, replyFeedbackLookup } from './feedback-lookup.js';
import { openHandoff } from './handoff-service.js';
import { holdForOfficer, replyBotIsHere } from './held-turn.js';
import { isCallbackRequest, isFeedbackTap, wantsBotBack } from './handoff-return.js';
import { parseMenuTap } from './menu.js';
import { isProcedureIntent } from './procedure-intents.js';
import { lookupCode } from './procedure-code.js';
import { answerProcedure, askWhichProcedure, routeProcedureIntent } from './procedure-turn.js';
import { TOPIC_INTENT } from './compose/yes-no-facts.js';
import { replyHelp, replyMediaNote, replyOutOfScope, replyThanks, replyWelcome } from './small-talk.js';

/** Below this the NLU's out_of_scope means "not understood" (logged, counts as a failure). */
const UNDERSTOOD_CONFIDENCE = 0.6;
const USER_EVENTS = new Set(['user_send_text', 'user_send_media', 'user_submit_info', 'follow']);

/** Handle one inbound event for one user; replies go to ctx.reply(). */
export async function handleTurn(ctx: TurnContext): Promise<void> {
  const { config } = ctx.services;
  ctx.outcome = { intent: ctx.nlu?.intent ?? ctx.event.kind, answered: false };
  expireIdleState(ctx.state, ctx.now, config.CONVERSATION_IDLE_MINUTES);
  try {
    // A tapped rating button is the answer to our own question: recorded even during a handoff.
    const rating = ctx.text === null ? null : parseRatingAnswer(ctx.text);
    if (rating) {
      ctx.state.pending = undefined;
      ctx.outcome = { intent: 'dossier_rating', answered: true };
      return await recordRating(ctx, rating.code, rating.score);
    }
    if (USER_EVENTS.has(ctx.event.kind) && (await holdForOfficer(ctx))) return;
    await route(ctx);
    noteLongMessage(ctx);
    if (ctx.outcome.answered) ctx.state.failures = 0;
  } finally {
    ctx.state.updatedAt = ctx.now.toISOString();
  }
}

async function route(ctx: TurnContext): Promise<void> {
  const e = ctx.event;
  switch (e.kind) {
    case 'follow':
      return replyWelcome(ctx);
    case 'user_send_media':
      return replyMediaNote(ctx);
    case 'user_submit_info':
      ctx.outcome = { intent: 'submit_info', answered: true };
      return handleSharedInfo(ctx);
    case 'user_send_text':
      return routeText(ctx, ctx.text ?? e.text);
    default:
      return;
  }
}

async function routeText(ctx: TurnContext, text: string): Promise<void> {
  const { catalog } = ctx.services;
  // Our own buttons first: they must work whatever the NLU makes of them.
  const detail = parseDetailPayload(text);
  const detailProcedure = detail && catalog.byCode(detail.code);
  if (detail && detailProcedure) return answerProcedure(ctx, detail.intent, detailProcedure, { full: detail.full });
  const menu = parseMenuTap(text);
  if (menu) {
    ctx.state.pending = undefined;
    if (menu === 'procedures') return askWhichProcedure(ctx, 'procedure_info');
    if (menu === 'human_handoff') return openHandoff(ctx, 'requested');
    ctx.outcome = { intent: menu, answered: true };
    return handleDossierIntent(ctx, menu);
  }
  // Offered when no officer was on duty: the citizen asks for one anyway (answered in office hours).
  if (isCallbackRequest(text)) {
    ctx.state.pending = undefined;
    return openHandoff(ctx, 'requested');
  }
  if (isFeedbackTap(text)) {
    ctx.state.pending = undefined;
    return handleFeedbackIntent(ctx, text);
  }
  if (wantsBotBack(text)) return replyBotIsHere(ctx);

  // "phản ánh số 12 sao rồi": a clear request of its own, whatever was pending.
  const ticketRef = readFeedbackLookup(text);
  if (ticketRef) {
    ctx.state.pending = undefined;
    return replyFeedbackLookup(ctx, ticketRef);
  }

  const pending = ctx.state.pending;
  // One of the options offered, tapped while a dossier check asked in the same reply is pending
  // ("mã hồ sơ … , giờ muốn gia hạn giấy phép thì nộp ở đâu"): the option is answered, the check stays.
  const tapped = optionCode(text);
  const option = tapped && ctx.state.lastCandidates?.includes(tapped) ? catalog.byCode(tapped) : undefined;
  if (option && pending && pending.kind !== 'disambiguation' && pending.kind !== 'feedback_content') {
    const asked = ctx.state.lastIntent;
    answerProcedure(ctx, isProcedureIntent(asked) ? asked : 'procedure_info', option);
    ctx.state.pending = pending;
    return;
  }
  let carriedIntent: string | undefined;
  if (pending) {
    ctx.state.pending = undefined;
    if (pending.kind === 'feedback_content') {
      if (isCancel(text)) {
        ctx.outcome = { intent: 'feedback', answered: true };
        return ctx.reply({ kind: 'text', text: 'Dạ, em đã hủy việc gửi phản ánh. Anh/chị cần hỗ trợ gì thêm cứ nhắn cho em ạ.' });
      }
      // The ticket keeps the whole message, not only the part the bot reads.
      if (!switchesTopic(ctx)) return confirmFeedback(ctx, wholeText(ctx) ?? text);
    } else if (pending.kind === 'disambiguation') {
      const choice = readChoice(ctx, pending);
      if (choice) return answerProcedure(ctx, choice.intent, choice.procedure);
      carriedIntent = pending.intent;
    } else {
      ctx.state.pending = pending;
      const before = ctx.outcome;
      ctx.outcome = { intent: `dossier_${pending.kind}`, answered: true };
      if (await handleDossierPending(ctx, pending)) return;
      ctx.outcome = before;
      // Not an answer: the citizen changed topic; the dossier question is dropped.
      if (ctx.state.pending === pending) ctx.state.pending = undefined;
    }
  }
  return routeIntent(ctx, text, carriedIntent);
}

async function routeIntent(ctx: TurnContext, text: string, carriedIntent?: string): Promise<void> {
  const nlu = ctx.nlu;
  let intent: string = nlu?.intent ?? 'out_of_scope';
  // A written national code, known or not, makes it a procedure question (an unknown one gets the honest answer).
  const code = lookupCode(text, ctx.services.catalog);
  const hasCode = code.procedure !== undefined || code.unknownCode !== undefined;
  // A national code in the text is a procedure question unless the message asks for something else.
  if (hasCode && ['greeting', 'help', 'thanks', 'out_of_scope'].includes(intent)) intent = 'procedure_info';
  // A complaint mentioning a dossier is still a complaint (the classifier may call it a status question).
  if (['dossier_status', 'out_of_scope', 'greeting', 'help', 'thanks'].includes(intent) && !nlu?.dossierCode && looksLikeFeedback(text)) intent = 'feedback';
  // "which procedure?" was asked for a fee: the answer naming one still wants the fee.
  if (intent === 'procedure_info' && isProcedureIntent(carriedIntent)) intent = carriedIntent;
  // "đăng ký kết hôn có cần công chứng không": a yes/no question names what it asks about.
  if (intent === 'procedure_info' && nlu?.yesNo?.topic) intent = TOPIC_INTENT[nlu.yesNo.topic];
  if (isProcedureIntent(intent)) {
    await routeProcedureIntent(ctx, intent);
    // "mã hồ sơ … nộp hôm qua, cho hỏi thêm xin giấy phép xây dựng cần gì": the dossier is looked up too.
    if (nlu?.dossierCode) await handleDossierIntent(ctx, 'dossier_status');
    return;
  }
  switch (intent) {
    case 'greeting':
      return replyWelcome(ctx);
    case 'help':
      return replyHelp(ctx);
    case 'thanks':
      return replyThanks(ctx);
    case 'human_handoff':
      return openHandoff(ctx, 'requested');
    case 'feedback':
      return handleFeedbackIntent(ctx, wholeText(ctx) ?? text);
    case 'dossier_status':
    case 'subscribe':
    case 'unsubscribe':
      ctx.outcome = { intent, answered: true };
      return handleDossierIntent(ctx, intent);
    default:
      if (nlu?.procedureMentionedButUnknown) return replyUnanswered(ctx, 'not_in_catalog', 'procedure_info');
      if (!nlu || nlu.intentConfidence < UNDERSTOOD_CONFIDENCE) return replyUnanswered(ctx, 'not_understood', 'out_of_scope');
      return replyOutOfScope(ctx);
  }
}

/** While feedback content is awaited, a clear new request is not taken as the content. */
function switchesTopic(ctx: TurnContext): boolean {
  const nlu = ctx.nlu;
  if (!nlu) return false;
  if (nlu.intent === 'human_handoff' && nlu.intentConfidence >= 0.8) return true;
  return isProcedureIntent(nlu.intent) && nlu.procedure !== null && nlu.intentConfidence >= 0.8 && !nlu.ambiguous;
}
