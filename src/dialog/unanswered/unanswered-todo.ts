/**
 * The console's "Câu hỏi chưa trả lời" actions (admin API, admin-dialog-routes.ts):
 * the grouped list, "this means procedure …" (teach an everyday name, at once on
 * this instance and within TAUGHT_REFRESH_MS on the others), undo it, export the
 * taught names as an alias overlay file, and "not our procedure" referrals.
 */
import type { AliasOverlay } from '../../catalog/procedure-schema.js';
import type { Services } from '../../services.js';
import type { QuestionReferral, TaughtAlias } from '../../store/records.js';
import { foldText } from '../menu.js';
import { groupQuestions, type QuestionGroup } from './group-questions.js';
import { questionKey, questionWords } from './question-key.js';

export class TeachError extends Error {
  constructor(
    readonly code: 'unknown_procedure' | 'too_generic' | 'not_found',
    message: string,
  ) {
    super(message);
  }
}

const LIST_LIMIT = 500;

export interface TodoList {
  /** Groups nobody handled yet, most asked first. */
  open: QuestionGroup[];
  /** Groups an officer taught or referred (reversible from here). */
  handled: QuestionGroup[];
  taught: (TaughtAlias & { procedureName: string | null })[];
  referrals: QuestionReferral[];
}

export async function listTodo(services: Services): Promise<TodoList> {
  const { items, taught, referrals } = await services.store.tx(async (t) => ({
    items: await t.listUnanswered(LIST_LIMIT),
    taught: await t.listTaughtAliases(),
    referrals: await t.listReferrals(),
  }));
  const groups = groupQuestions(items, taught, referrals);
  return {
    open: groups.filter((g) => !g.resolution),
    handled: groups.filter((g) => g.resolution),
    taught: taught.map((a) => ({ ...a, procedureName: services.catalog.byCode(a.code)?.name ?? null })),
    referrals,
  };
}

/** "This means procedure <code>": the bot reads `alias` as that procedure from now on. */
export async function teachAlias(services: Services, input: { alias: string; code: string; questions: string[]; by: string }): Promise<TaughtAlias> {
  if (!services.catalog.byCode(input.code)) throw new TeachError('unknown_procedure', `no procedure ${input.code} in the catalog`);
  // An alias of stop words only ("cho em hỏi thủ tục") would name nothing, or everything.
  if (!questionWords(input.alias).length) throw new TeachError('too_generic', 'the name has no content words');
  const alias: TaughtAlias = {
    key: foldText(input.alias),
    alias: input.alias.trim(),
    code: input.code,
    questions: input.questions,
    taughtAt: services.clock().toISOString(),
    taughtBy: input.by,
  };
  await services.store.tx((t) => t.putTaughtAlias(alias));
  await services.taught.refresh();
  return alias;
}

export async function untaughtAlias(services: Services, key: string): Promise<void> {
  const removed = await services.store.tx((t) => t.deleteTaughtAlias(key));
  if (!removed) throw new TeachError('not_found', 'no such taught name');
  await services.taught.refresh();
}

/** The taught names in the bundled overlay's format (fixtures/catalog/aliases.json), ready to merge into it. */
export async function exportTaughtAliases(services: Services): Promise<AliasOverlay> {
  const taught = await services.store.tx((t) => t.listTaughtAliases());
  const overlay: AliasOverlay = {};
  for (const a of [...taught].sort((x, y) => x.code.localeCompare(y.code) || x.alias.localeCompare(y.alias))) {
    (overlay[a.code] ??= { aliases: [] }).aliases.push(a.alias);
  }
  return overlay;
}

/** "Not our procedure": record where to send citizens; the bot answers this question with `note`. */
export async function referQuestion(services: Services, input: { sample: string; note: string; questions: string[]; by: string }): Promise<QuestionReferral> {
  const key = questionKey(input.sample);
  if (!key) throw new TeachError('too_generic', 'the question has no content words');
  const referral: QuestionReferral = {
    key,
    sample: input.sample,
    note: input.note.trim(),
    questions: input.questions,
    createdAt: services.clock().toISOString(),
    createdBy: input.by,
  };
  await services.store.tx((t) => t.putReferral(referral));
  return referral;
}

export async function removeReferral(services: Services, key: string): Promise<void> {
  if (!(await services.store.tx((t) => t.deleteReferral(key)))) throw new TeachError('not_found', 'no such referral');
}
