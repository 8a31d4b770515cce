/**
 * Turns about a procedure: which one (a code in the text, the NLU, the context,
 * or a question back), then the answer for the intent from its catalog record.
 * Never answers with a nearest guess: unknown → honest fallback, close → ask.
 */
import type { Procedure } from '../catalog/procedure-schema.js';
import type { TurnContext } from './turn-context.js';
import type { ProcedureIntent } from './procedure-intents.js';
import { composeProcedureAnswer, type AnswerOptions } from './compose/compose-answer.js';
import { procedureTitle } from './compose/procedure-footer.js';
import { TOPIC_INTENT } from './compose/yes-no-facts.js';
import { askDisambiguation } from './disambiguation.js';
import { findVariants } from './find-variants.js';
import { replyUnanswered } from './fallback.js';
import { lookupCode } from './procedure-code.js';
import { replyAskProcedure } from './small-talk.js';
import { guessDetailIntent, isPureFollowUp } from './is-follow-up.js';
import { assumesUnsaid, decideVariant, sameButLevel, saidQualifiers } from './variant-family.js';
import { findNamedProcedure, foldedName } from './find-named-procedure.js';
import { foldText } from './menu.js';
import { QUERY_STOP_WORDS } from '../nlu/stop-words.js';
import { UNSERVED_UNLESS_NAMED, markersInName, saidFeatures } from '../nlu/variant-markers.js';
import { cleanText } from '../nlu/clean-text.js';

/** Candidates within this score of the best are offered together. */
const CLOSE_SCORE = 0.3;

const WHAT: Record<ProcedureIntent, string | undefined> = {
  procedure_info: undefined,
  ask_documents: 'giấy tờ cần nộp',
  ask_fee: 'lệ phí',
  ask_duration: 'thời gian giải quyết',
  ask_location: 'nơi nộp hồ sơ',
  ask_online: 'cách nộp trực tuyến',
};

/**
 * Answer `intent` for `p` and remember it as the topic. When the message asked more than
 * that ("lệ phí và thời gian …") every question is answered; a channel named with the
 * question ("nộp online thì …") is answered first.
 */
export function answerProcedure(ctx: TurnContext, intent: ProcedureIntent, p: Procedure, answer: AnswerOptions = {}): void {
  const nlu = ctx.nlu;
  const asks = nlu?.asks.includes(intent) ? [intent, ...nlu.asks.filter((a) => a !== intent)] : [intent];
  // A yes/no question is answered yes or no first when the answer is about what it asks.
  const yesNo = nlu?.yesNo?.topic && TOPIC_INTENT[nlu.yesNo.topic] === intent ? nlu.yesNo : undefined;
  const messages = composeProcedureAnswer(asks, p, ctx.now, nlu?.channel, { yesNo, ...answer });
  if (intent === 'procedure_info') {
    const variants = findVariants(p, ctx.services.catalog);
    if (variants.length) {
      const first = messages[0];
      const list = variants.map((v) => `${procedureTitle(v)} (mã ${v.code})`).join('; ');
      const line = `Trường hợp khác có trong danh mục: ${list}. Anh/chị nhắn mã nếu cần.`;
      if (first.text.length + line.length + 1 <= 1000) first.text = first.text.replace(/\nMã thủ tục:/, `\n${line}\nMã thủ tục:`);
    }
  }
  ctx.reply(...messages);
  Object.assign(ctx.state, { lastProcedure: p.code, lastIntent: intent, lastCandidates: undefined, pending: undefined, failures: 0 });
  ctx.outcome = { intent, answered: true };
}

/** A procedure intent with nothing resolved yet. */
export async function routeProcedureIntent(ctx: TurnContext, intent: ProcedureIntent): Promise<void> {
  const { catalog } = ctx.services;
  const nlu = ctx.nlu;
  const text = ctx.text ?? '';
  const code = lookupCode(text, catalog);
  if (code.procedure) return answerProcedure(ctx, intent, code.procedure);
  if (code.unknownCode) return notInCatalog(ctx, intent);
  // Only question words: about the current topic, whatever weak match the NLU found.
  if (isPureFollowUp(text)) return followUp(ctx, intent === 'procedure_info' ? (guessDetailIntent(text) ?? intent) : intent);
  // A procedure name typed in full: the NLU's more specific procedure containing it wins ("liên thông
  // …" holds the shorter name of one of its parts). Otherwise the
  // name is trusted only when the NLU found nothing: the NLU reads the request apart from the story,
  // where a name typed in full may be only background ("chưa đăng ký kết hôn, giờ làm khai sinh cho con").
  // Read in what the NLU kept: a name the citizen refused ("không phải đăng ký tạm trú đâu") is no request.
  const named = findNamedProcedure(nlu?.normalized ?? text, catalog);
  const refined = named && nluRefinement(ctx, named);
  if (refined) return answerOrAskVariant(ctx, intent, refined);
  // Not when the NLU found the office asked for one the catalog does not hold (an embassy).
  const unserved = nlu?.features.some((f) => UNSERVED_UNLESS_NAMED.has(f)) ?? false;
  // Nor when the NLU found the question is about a service the catalog lacks ("… đăng ký kết hôn ở xã
  // được 5 năm, giờ muốn ly hôn thuận tình"): the name typed is the story.
  if (named && !nlu?.procedure && !unserved && !nlu?.asksOutsideCatalog) {
    if (!nlu?.procedureMentionedButUnknown) return answerOrAskVariant(ctx, intent, named);
    // The NLU could not place the message (a service the catalog lacks, a variant not said): the name
    // typed in full may be only the story, so it is offered beside its variants, not answered.
    const family = decideVariant(named, text, catalog, nlu.features);
    const others = nlu.candidates.map((c) => catalog.byCode(c.code)).filter((p): p is Procedure => Boolean(p));
    return askDisambiguation(ctx, intent, [named, ...(family.kind === 'ask' ? family.options : []), ...others]);
  }
  if (nlu?.procedureMentionedButUnknown) return notInCatalog(ctx, intent);

  const close = closeCandidates(ctx);
  // The NLU doubts even a match that stands alone (its words cover the message poorly, or story
  // and request disagree): its other candidates, however far, are offered beside it.
  const candidates = nlu?.ambiguous && close.length < 2 ? allCandidates(ctx) : close;
  if (nlu?.ambiguous && candidates.length >= 1) {
    // Still talking about one of them: keep the topic rather than asking again.
    const current = candidates.find((p) => p.code === ctx.state.lastProcedure);
    if (current && intent !== 'procedure_info') return answerProcedure(ctx, intent, current);
    // Variants of the best match (levels, ages, lại/đổi) are offered as one family, least assumptions first.
    // The same procedure at several levels is one answer, from the office nearest the citizen.
    const one = candidates.length >= 2 ? sameButLevel(candidates) : undefined;
    if (one) return answerOrAskVariant(ctx, intent, one);
    const family = decideVariant(candidates[0], text, catalog, nlu.features);
    if (family.kind === 'ask') return askDisambiguation(ctx, intent, family.options);
    // Variants of the plain procedure that assume what was not said are not real alternatives.
    const plain = family.procedure;
    const said = saidQualifiers(text, nlu.features);
    const others = candidates.filter((p) => p.code !== plain.code && !assumesUnsaid(p, plain, said));
    if (others.length === 0 && close.length >= 2) return answerProcedure(ctx, intent, plain);
    return askDisambiguation(ctx, intent, [plain, ...others]);
  }
  const chosen = nlu?.procedure ? catalog.byCode(nlu.procedure.code) : undefined;
  if (chosen) return answerOrAskVariant(ctx, intent, chosen);
  if (candidates.length >= 2) return askDisambiguation(ctx, intent, candidates);
  if (intent === 'procedure_info' && namesSomething(text)) return notInCatalog(ctx, intent);
  return followUp(ctx, intent);
}

function answerOrAskVariant(ctx: TurnContext, intent: ProcedureIntent, chosen: Procedure): void {
  const decision = decideVariant(chosen, ctx.text ?? '', ctx.services.catalog, ctx.nlu?.features);
  if (decision.kind === 'ask') return askDisambiguation(ctx, intent, decision.options);
  return answerProcedure(ctx, intent, decision.procedure);
}

/**
 * A procedure the NLU found (its pick or a close candidate, even when it hesitates between them)
 * whose name contains the one typed: the shorter name is only part of what was asked.
 */
function nluRefinement(ctx: TurnContext, named: Procedure): Procedure | undefined {
  const nlu = ctx.nlu;
  if (!nlu?.procedure) return undefined;
  const inner = foldedName(named.name);
  const folded = foldText(ctx.text ?? '');
  const said = new Set(folded.split(' '));
  const features = [...nlu.features, ...saidFeatures(cleanText(ctx.text ?? ''))];
  const namedMarkers = markersInName(cleanText(named.name));
  // A longer name that adds a variant the citizen did not say ("… của người nước ngoài") is no refinement.
  const addsUnsaid = (p: Procedure) => markersInName(cleanText(p.name)).some((m) => !features.includes(m) && !namedMarkers.includes(m));
  const picks = [nlu.procedure.code, ...closeCandidates(ctx).map((p) => p.code)];
  for (const code of picks) {
    const p = code === named.code ? undefined : ctx.services.catalog.byCode(code);
    const outer = p ? foldedName(p.name) : '';
    if (p && outer.includes(inner) && saysMostOf(outer, inner, said) && !addsUnsaid(p)) return p;
  }
  return undefined;
}

/**
 * Whether the message says most of the words a longer name adds to the one typed: "liên thông
 * … khai sinh, thường trú, bảo hiểm y tế" does; "yêu cầu trợ giúp pháp lý" does not say the
 * "rút" of "rút yêu cầu trợ giúp pháp lý".
 */
function saysMostOf(outer: string, inner: string, said: ReadonlySet<string>): boolean {
  const own = new Set(inner.split(' '));
  const words = [...new Set(outer.split(' '))].filter((w) => w.length > 1 && !own.has(w) && !QUERY_STOP_WORDS.has(w));
  return words.length === 0 || words.filter((w) => said.has(w)).length * 2 >= words.length;
}

/** Nothing named: the current topic, the options just offered, or a question back. */
function followUp(ctx: TurnContext, intent: ProcedureIntent): void {
  const { catalog } = ctx.services;
  const last = ctx.state.lastProcedure ? catalog.byCode(ctx.state.lastProcedure) : undefined;
  if (last) return answerProcedure(ctx, intent, last);
  const offered = (ctx.state.lastCandidates ?? []).map((c) => catalog.byCode(c)).filter((p): p is Procedure => Boolean(p));
  if (offered.length >= 2) return askDisambiguation(ctx, intent, offered);
  return askWhichProcedure(ctx, intent);
}

/** The NLU's candidates the catalog holds, close to the best one. */
function closeCandidates(ctx: TurnContext): Procedure[] {
  const top = ctx.nlu?.candidates[0]?.score ?? 0;
  return allCandidates(ctx, (score) => score >= top - CLOSE_SCORE);
}

function allCandidates(ctx: TurnContext, keep: (score: number) => boolean = () => true): Procedure[] {
  return (ctx.nlu?.candidates ?? [])
    .filter((c) => keep(c.score))
    .map((c) => ctx.services.catalog.byCode(c.code))
    .filter((p): p is Procedure => Boolean(p));
}

export function askWhichProcedure(ctx: TurnContext, intent: ProcedureIntent): void {
  replyAskProcedure(ctx, WHAT[intent]);
  ctx.state.pending = { kind: 'disambiguation', intent, candidates: [] };
  ctx.outcome = { intent, answered: true };
}

async function notInCatalog(ctx: TurnContext, intent: ProcedureIntent): Promise<void> {
  // The old topic no longer applies: a follow-up must not answer it by mistake.
  Object.assign(ctx.state, { lastProcedure: undefined, lastCandidates: undefined, pending: undefined });
  await replyUnanswered(ctx, 'not_in_catalog', intent);
}

/** More than a generic "cho hỏi thủ tục": the message names some procedure the NLU did not find. */
function namesSomething(text: string): boolean {
  const generic = /^(cho (em|toi|minh) )?(hoi )?(ve )?(thu tuc|thu tuc hanh chinh|lam thu tuc|tra cuu thu tuc)( gi| nao)?( a| vay| the nao)?$/;
  const f = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/gi, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9 ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return f.split(' ').length >= 4 && !generic.test(f);
}
