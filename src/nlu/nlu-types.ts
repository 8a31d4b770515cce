/** What the understanding layer returns for one message. */

/** The catalog's channel kinds (cach_thuc_thuc_hien[].kenh). */
export type FilingChannel = 'truc_tuyen' | 'buu_chinh' | 'truc_tiep';

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

/** Intents answered from one procedure's catalog record. */
export const PROCEDURE_INTENTS = [
  'procedure_info',
  'ask_documents',
  'ask_fee',
  'ask_duration',
  'ask_location',
  'ask_online',
] as const satisfies readonly Intent[];
export type ProcedureIntent = (typeof PROCEDURE_INTENTS)[number];

export function isProcedureIntent(intent: string | undefined): intent is ProcedureIntent {
  return (PROCEDURE_INTENTS as readonly string[]).includes(intent ?? '');
}

/**
 * What a yes/no question asks ("… có mất tiền không" → charged): answered yes or no first from the
 * record. `null` topic: a yes/no question about something else ("có làm được không").
 */
export type YesNoTopic = 'charged' | 'originals' | 'certified' | 'commune' | 'province' | 'online' | 'validity';
export interface YesNoQuestion {
  topic: YesNoTopic | null;
  /** The question in the citizen's words without lead-in and tail ("sổ hộ khẩu giấy còn dùng được"), to quote back. */
  subject: string;
}

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
  /**
   * A service the catalog lacks (intents/cues/out-of-catalog.txt) is what the message asks about, and
   * no procedure was found: a procedure name said beside it is story, not the question. Absent: false.
   */
  asksOutsideCatalog?: boolean;
  /** Close candidates that need the citizen to choose (variants, levels). */
  ambiguous: boolean;
  /**
   * Variant features the citizen said, as marker ids (foreign, mobile, border, child, adult,
   * redo, lost, exchange, change…): the dialog picks among a family's variants with them.
   */
  features: string[];
  /**
   * Every procedure question the message asks, `intent` first ("lệ phí và thời gian …" →
   * ['ask_duration', 'ask_fee']); empty when the intent is not about a procedure.
   */
  asks: ProcedureIntent[];
  /** The way of filing a question is about ("nộp online thì lệ phí bao nhiêu" → truc_tuyen). */
  channel: FilingChannel | null;
  /** Set when a procedure question is a yes/no question (src/nlu/read-yes-no.ts); absent in hand-built results. */
  yesNo?: YesNoQuestion | null;
  dossierCode: string | null;
  phone: string | null;
  idNumber: string | null;
  /** Only the first MAX_READ_CHARS characters were read (src/nlu/message-limits.ts); absent (hand-built results) means false. */
  truncated?: boolean;
}

/** The understanding port the dialog uses. */
/** An everyday name an officer taught at run time (src/catalog/taught-alias-cache.ts). */
export interface TaughtAliasEntry {
  alias: string;
  code: string;
}

export interface Understander {
  /**
   * `taught`: everyday names taught from the console since start, consulted besides the
   * catalog's own index (pass the same array while it is unchanged: it is compiled once).
   */
  understand(text: string, taught?: readonly TaughtAliasEntry[]): NluResult;
}
