import type { FilingChannelKind } from '../../catalog/procedure-schema.js';
import type { OaButton } from '../../platform/zalo/messages.js';

/** What a composer returns: blocks of text, split into messages later (footer and buttons added). */
export interface ComposedAnswer {
  blocks: string[];
  /** Buttons of this answer (e.g. "Giấy tờ theo trường hợp"), placed before the detail buttons. */
  buttons?: OaButton[];
}

export interface ComposeOptions {
  /** The day asked, yyyy-mm-dd in Asia/Ho_Chi_Minh (fees with time-limited reductions). */
  today: string;
  /** The same day as dd/mm/yyyy. */
  todayText: string;
  /** The moment asked (fees: which amounts apply). */
  now: Date;
  /** The way of filing the citizen asked about ("nộp online thì lệ phí bao nhiêu"): answered first. */
  channel?: FilingChannelKind | null;
  /** The citizen asked for the whole list (documents of every case). */
  full?: boolean;
  /** Characters of the first message already taken (a yes/no lead before the answer). */
  reserved?: number;
}
