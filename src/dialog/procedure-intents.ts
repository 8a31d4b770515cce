import type { Intent } from '../nlu/nlu-types.js';

/** Intents answered from one procedure's catalog record. */
export const PROCEDURE_INTENTS = [
  'procedure_info',
  'ask_documents',
  'ask_fee',
  'ask_duration',
  'ask_location',
  'ask_online',
] as const;
export type ProcedureIntent = (typeof PROCEDURE_INTENTS)[number];

export function isProcedureIntent(intent: string | undefined): intent is ProcedureIntent {
  return (PROCEDURE_INTENTS as readonly string[]).includes(intent ?? '');
}

export type { Intent };
