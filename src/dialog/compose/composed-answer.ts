import type { FilingChannelKind } from '../../catalog/procedure-schema.js';

/** What a composer returns: blocks of text, split into messages later (footer and buttons added). */
export interface ComposedAnswer {
  blocks: string[];
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
}
