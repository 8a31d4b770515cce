/**
 * Asking back when a message could mean several procedures (close candidates,
 * variants such as levels, "có yếu tố nước ngoài", "dưới 14 tuổi"), and reading
 * the answer: a tapped button (its payload carries the code), a number, or a name.
 */
import type { Procedure } from '../catalog/procedure-schema.js';
import type { PendingQuestion } from '../store/records.js';
import type { TurnContext } from './turn-context.js';
import { procedureTitle } from './compose/procedure-footer.js';
import { shortenText } from './format/shorten-text.js';
import { splitMessage } from './format/split-message.js';
import { isProcedureIntent, type ProcedureIntent } from './procedure-intents.js';
import { lookupCode } from './procedure-code.js';
import { foldText } from './menu.js';
import { cuePhraseSet, cueWordSet, loadCues } from '../nlu/cue-lists.js';

const MAX_OPTIONS = 5;
/** Button titles stay short (the OA shows little); the full names are in the text. */
const TITLE_MAX = 35;

export function optionPayload(p: Procedure): string {
  return `${shortenText(procedureTitle(p), 80)} (${p.code})`;
}

/** The national code an option button carries (the inverse of optionPayload), if it is one. */
export function optionCode(payload: string): string | undefined {
  return /\(([\d.]+\d)\)$/.exec(payload.trim())?.[1];
}

export function askDisambiguation(ctx: TurnContext, intent: ProcedureIntent, candidates: Procedure[]): void {
  const options = candidates.filter((p, i, all) => all.findIndex((q) => q.code === p.code) === i).slice(0, MAX_OPTIONS);
  // One option is a question to confirm, not a choice.
  const blocks =
    options.length === 1
      ? ['Dạ, có phải anh/chị hỏi thủ tục sau không ạ?', `1. ${procedureTitle(options[0])} (mã ${options[0].code})`, 'Nếu đúng, anh/chị bấm nút giúp em; nếu không, anh/chị nói rõ hơn thủ tục cần hỏi ạ.']
      : [
          'Dạ, câu hỏi của anh/chị có thể ứng với một trong các thủ tục sau, anh/chị hỏi thủ tục nào ạ?',
          ...options.map((p, i) => `${i + 1}. ${procedureTitle(p)} (mã ${p.code})`),
          'Anh/chị bấm nút hoặc nhắn số thứ tự giúp em.',
        ];
  const titles = distinctTitles(options.map((p) => procedureTitle(p)));
  const buttons = options.map((p, i) => ({
    type: 'oa.query.show' as const,
    title: shortenText(`${i + 1}. ${titles[i]}`, TITLE_MAX),
    payload: optionPayload(p),
  }));
  ctx.reply(...splitMessage(blocks, buttons));
  const codes = options.map((p) => p.code);
  ctx.state.pending = { kind: 'disambiguation', intent, candidates: codes };
  ctx.state.lastCandidates = codes;
  // What was asked, should a dossier check asked in the same reply take the pending slot.
  ctx.state.lastIntent = intent;
  // The topic is now one of these options: a follow-up must not fall back to the previous procedure.
  ctx.state.lastProcedure = undefined;
  ctx.outcome = { intent, answered: true };
}

/**
 * Short button titles that still differ: the name itself when short enough,
 * else its distinguishing end ("…tại cấp tỉnh" / "…cấp trung ương") when the
 * beginnings are the same; the full names are in the text anyway.
 */
export function distinctTitles(names: string[], max = TITLE_MAX - 3): string[] {
  const short = names.map((n) => shortenText(n, max));
  if (new Set(short).size === short.length) return short;
  const words = names.map((n) => n.replace(/[()]/g, '').trim().split(/\s+/));
  for (let k = 2; k <= 8; k++) {
    const tails = words.map((w) => w.slice(-k).join(' '));
    if (new Set(tails).size === tails.length) return tails.map((t) => shortenText(`…${t}`, max));
  }
  return short;
}

type Disambiguation = Extract<PendingQuestion, { kind: 'disambiguation' }>;

/** The procedure and intent chosen by this message, or undefined when it is not an answer. */
export function readChoice(ctx: TurnContext, pending: Disambiguation): { intent: ProcedureIntent; procedure: Procedure } | undefined {
  const { catalog } = ctx.services;
  const text = ctx.text ?? '';
  const pendingIntent: ProcedureIntent = isProcedureIntent(pending.intent) ? pending.intent : 'procedure_info';
  // The message's own question wins when it asks something specific ("lệ phí cái thứ 2").
  const ownIntent = ctx.nlu && isProcedureIntent(ctx.nlu.intent) && ctx.nlu.intent !== 'procedure_info' ? ctx.nlu.intent : undefined;
  const intent = ownIntent ?? pendingIntent;

  const byCode = lookupCode(text, catalog).procedure;
  if (byCode) return { intent: isOptionTap(text, byCode) ? pendingIntent : intent, procedure: byCode };

  // Each \s* is followed by a non-space (no two share a run of spaces: linear, not cubic).
  const n = /^\s*(?:(?:số|so|cái|cai|thủ tục|thu tuc)\s*)?(?:(?:thứ|thu)\s*)?(\d)\s*(?:[.)]\s*)?$/i.exec(text);
  if (n && pending.candidates.length) {
    const code = pending.candidates[Number(n[1]) - 1];
    const p = code ? catalog.byCode(code) : undefined;
    if (p) return { intent, procedure: p };
  }
  // "đúng rồi ạ" to a question with one option.
  if (pending.candidates.length === 1 && saysYes(text)) {
    const p = catalog.byCode(pending.candidates[0]);
    if (p) return { intent: pendingIntent, procedure: p };
  }
  const nlu = ctx.nlu;
  // A name: only when it is one of the options (anything else is routed as a new question).
  if (nlu?.procedure && !nlu.ambiguous && pending.candidates.includes(nlu.procedure.code)) {
    const p = catalog.byCode(nlu.procedure.code);
    if (p) return { intent, procedure: p };
  }
  // An ambiguous reply that still narrows to exactly one of the offered options.
  if (nlu?.ambiguous && pending.candidates.length) {
    const inOffer = nlu.candidates.filter((c) => pending.candidates.includes(c.code));
    if (inOffer.length === 1) {
      const p = catalog.byCode(inOffer[0].code);
      if (p) return { intent, procedure: p };
    }
  }
  return undefined;
}

/** The yes words and the polite words around them (intents/cues/yes-no.txt). */
const YES_NO = loadCues('yes-no');
const YES = cuePhraseSet(YES_NO, 'yes-reply');
const POLITE = cueWordSet(YES_NO, 'polite');

function saysYes(text: string): boolean {
  const words = foldText(text).split(' ').filter((w) => w && !POLITE.has(w));
  return words.length > 0 && YES.has(words.join(' '));
}

function isOptionTap(text: string, p: Procedure): boolean {
  return text.trim() === optionPayload(p);
}
