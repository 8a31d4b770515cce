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
  const blocks = [
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

function isOptionTap(text: string, p: Procedure): boolean {
  return text.trim() === optionPayload(p);
}
