/**
 * A yes/no question answered from the record: "Dạ, có …" / "Dạ, không …" when the record states it,
 * and plainly that it does not say when it does not (never a guess). One reader per topic; the topic
 * comes from the NLU (src/nlu/read-yes-no.ts). The reader's sentence leads the answer of the topic's
 * question (fee, documents, place, online), which follows with the details.
 */
import type { FilingChannelKind, Procedure } from '../../catalog/procedure-schema.js';
import type { YesNoTopic } from '../../nlu/nlu-types.js';
import type { ProcedureIntent } from '../procedure-intents.js';
import { shortenText } from '../format/shorten-text.js';
import { receivingOffice } from './compose-location.js';
import { procedurePhrase } from './procedure-footer.js';

export type Verdict = 'yes' | 'no' | 'unstated';

export interface YesNoFact {
  verdict: Verdict;
  /** The first sentence of the answer ("Dạ, không mất lệ phí."). */
  lead: string;
}

/** The question each topic is about: its answer follows the yes or no. */
export const TOPIC_INTENT: Record<YesNoTopic, ProcedureIntent> = {
  charged: 'ask_fee',
  originals: 'ask_documents',
  certified: 'ask_documents',
  commune: 'ask_location',
  province: 'ask_location',
  online: 'ask_online',
  validity: 'procedure_info',
};

export interface YesNoContext {
  channel?: FilingChannelKind | null;
  /** The citizen's question in their words, without its tail ("sổ hộ khẩu giấy còn dùng được"). */
  subject?: string;
}

export function yesNoFact(topic: YesNoTopic, p: Procedure, ctx: YesNoContext = {}): YesNoFact {
  switch (topic) {
    case 'charged':
      return chargedFact(p, ctx.channel);
    case 'originals':
      return originalsFact(p);
    case 'certified':
      return certifiedFact(p);
    case 'commune':
      return levelFact(p, 'Cấp xã', 'ở cấp xã');
    case 'province':
      return levelFact(p, 'Cấp tỉnh', 'ở cấp tỉnh');
    case 'online':
      return onlineFact(p);
    case 'validity':
      return unstated(ctx.subject);
  }
}

/** Is there a fee? Only a free fee is "không"; a fee the province or a regulation sets has no yes or no in the record. */
function chargedFact(p: Procedure, channel?: FilingChannelKind | null): YesNoFact {
  const asked = p.channels.filter((c) => c.channel === channel);
  const rows = asked.length ? asked : p.channels;
  const how = asked.length ? ` khi nộp ${asked[0]!.label.toLocaleLowerCase('vi')}` : '';
  const paid = (c: Procedure['channels'][number]) => c.fee.kind === 'amount' && c.fee.amounts.some((a) => a.amountVnd > 0);
  const free = (c: Procedure['channels'][number]) => c.fee.kind === 'free' || (c.fee.kind === 'amount' && !paid(c));
  if (rows.length && rows.every(free)) return { verdict: 'no', lead: `Dạ, không mất lệ phí${how}.` };
  if (rows.length && rows.every(paid)) return { verdict: 'yes', lead: `Dạ, có thu lệ phí${how}.` };
  if (rows.length && rows.every((c) => free(c) || paid(c))) return { verdict: 'yes', lead: 'Dạ, tùy cách nộp: có cách không mất lệ phí, có cách phải nộp.' };
  return { verdict: 'unstated', lead: 'Dạ, thông tin thủ tục không ghi một mức lệ phí chung.' };
}

/** The record's own words about showing originals ("xuất trình bản chính …", "bản chính để đối chiếu"). */
const SHOW_ORIGINAL = /(?:xuất trình|đối chiếu)[^.;]{0,80}bản chính|bản chính[^.;]{0,80}(?:xuất trình|đối chiếu)/iu;

function originalsFact(p: Procedure): YesNoFact {
  const docs = p.documents;
  if (!docs.length) return { verdict: 'unstated', lead: 'Dạ, thông tin thủ tục không ghi giấy tờ phải nộp.' };
  // The documents answer follows with each paper's count: the lead says how to read it.
  if (docs.some((d) => d.originals > 0)) return { verdict: 'yes', lead: 'Dạ, có. Giấy tờ ghi “bản chính” dưới đây cần nộp bản chính.' };
  const show = firstSentence([...p.documentNotes, p.steps], SHOW_ORIGINAL);
  if (show) return { verdict: 'yes', lead: `Dạ, có: giấy tờ nộp là bản sao, nhưng ${lowerFirst(shortenText(show, 200))}` };
  return { verdict: 'no', lead: 'Dạ, không phải nộp bản chính: giấy tờ trong hồ sơ đều là bản sao.' };
}

const CERTIFIED = /chứng thực|công chứng/iu;

/** Certified copies: the record's own sentence when it has one; its silence is said as silence. */
function certifiedFact(p: Procedure): YesNoFact {
  const said = firstSentence([...p.documents.map((d) => d.name), ...p.documentNotes], CERTIFIED);
  if (said) return { verdict: 'unstated', lead: `Dạ, giấy tờ của thủ tục có ghi: “${shortenText(said, 220)}”` };
  return { verdict: 'unstated', lead: 'Dạ, danh sách giấy tờ của thủ tục không ghi giấy tờ nào phải công chứng hay chứng thực.' };
}

/** "ở xã được không": the record's levels say which offices handle it. */
function levelFact(p: Procedure, level: string, where: string): YesNoFact {
  if (!p.levels.length) return { verdict: 'unstated', lead: `Dạ, thông tin thủ tục không ghi có làm ${where} được hay không.` };
  // The place answer follows with the office and its address.
  if (p.levels.includes(level)) return { verdict: 'yes', lead: `Dạ, được. Thủ tục này làm ${where}.` };
  return { verdict: 'no', lead: `Dạ, không. Thủ tục này do ${p.levels.join(', ').toLocaleLowerCase('vi')} giải quyết.` };
}

export function onlineFact(p: Procedure): YesNoFact {
  const what = procedurePhrase(p);
  return p.channels.some((c) => c.channel === 'truc_tuyen')
    ? { verdict: 'yes', lead: `Dạ, có. Thủ tục ${what} nộp trực tuyến được.` }
    : { verdict: 'no', lead: `Dạ, chưa. Thủ tục ${what} hiện chưa nộp trực tuyến được.` };
}

/** A question no record field answers: say so with the citizen's own words, then what the record holds. */
function unstated(subject?: string): YesNoFact {
  const what = subject ? `“${shortenText(subject, 80)}” hay không` : 'điều anh/chị hỏi';
  // The overview that follows names the office.
  return { verdict: 'unstated', lead: `Dạ, thông tin thủ tục không nói ${what}; anh/chị vui lòng hỏi nơi nộp hồ sơ để được trả lời chắc chắn.` };
}

function firstSentence(texts: readonly (string | null | undefined)[], re: RegExp): string | undefined {
  for (const t of texts) {
    const s = t
      ?.replace(/\s+/g, ' ')
      .split(/(?<=[.;])\s+/u)
      .find((x) => re.test(x));
    if (s) return s.trim();
  }
  return undefined;
}

const lowerFirst = (s: string) => s.charAt(0).toLocaleLowerCase('vi') + s.slice(1);
