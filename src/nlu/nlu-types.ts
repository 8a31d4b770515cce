/** What the understanding layer returns for one message. */

export const INTENTS = [
  'greeting',
  'help',
  'procedure_info',
  'ask_documents',
  'ask_fee',
  'ask_duration',
  'ask_location',
  'ask_online',
  'dossier_status',
  'subscribe',
  'unsubscribe',
  'human_handoff',
  'feedback',
  'thanks',
  'out_of_scope',
] as const;
export type Intent = (typeof INTENTS)[number];

export interface ProcedureCandidate {
  code: string;
  name: string;
  /** Calibrated 0..1. */
  score: number;
}

export interface NluResult {
  text: string;
  /** Normalised (accented) and folded (no diacritics) views. */
  normalized: string;
  folded: string;
  intent: Intent;
  intentConfidence: number;
  /** The chosen procedure, or null when none matches with confidence. */
  procedure: ProcedureCandidate | null;
  /** Ranked candidates, best first (may include close alternatives and variants). */
  candidates: ProcedureCandidate[];
  /**
   * True when the message clearly asks about a procedure (names one) but the
   * catalog does not hold it: answer honestly, never the nearest wrong one.
   */
  procedureMentionedButUnknown: boolean;
  /** Close candidates that need the citizen to choose (variants, levels). */
  ambiguous: boolean;
  dossierCode: string | null;
  phone: string | null;
  idNumber: string | null;
}

/** The understanding port the dialog uses. */
export interface Understander {
  understand(text: string): NluResult;
}
