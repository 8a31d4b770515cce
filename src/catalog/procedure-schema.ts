/**
 * The project's own procedure catalog: what `npm run catalog:import` writes and
 * what the bot loads (validated here; a bad catalog is refused with every error).
 * Cleaned values sit next to the raw portal text so an answer can quote the
 * source when the cleaned value is uncertain.
 */
import { z } from 'zod';

export const DurationUnit = z.enum(['working_day', 'day', 'hour', 'unknown']);

export const DurationSchema = z.object({
  /** null when the source states no time. */
  value: z.number().positive().nullable(),
  /** 'unknown' when the source gives a bare number (e.g. khai sinh "1"). */
  unit: DurationUnit,
  raw: z.string(),
  /** Added by the import: the words of the description the value or unit was read from, when the column lacked it. */
  fromText: z.string().optional(),
  /** Added by the cleaning pass: the words of the procedure's steps the value or unit was read from (the column lacked it). */
  fromSteps: z.string().optional(),
  /** Added by the cleaning pass: timing sentences that the portal put in the channel's description. */
  note: z.string().optional(),
});

export const FeeKind = z.enum([
  'free', // the law says no fee
  'amount', // one or more amounts in VND (see amounts)
  'set_by_province', // "Miễn phí" + "do HĐND tỉnh quyết định": never call it free
  'per_regulation', // fee by a cited regulation without a clear amount
  'unknown', // "Không có thông tin" or unclear
]);

export const FeeAmountSchema = z.object({
  amountVnd: z.number().nonnegative(),
  /** What the amount is for, as the source says ("/lần", "cấp lại", "trực tuyến"...). */
  label: z.string().optional(),
  /** A time-limited reduction: applies from..until (ISO dates, inclusive). */
  validFrom: z.string().optional(),
  validUntil: z.string().optional(),
  /** Added by the import: the unit after the slash ("lần", "hộ chiếu", "thẻ căn cước"), for "135.000 đồng/lần". */
  per: z.string().optional(),
  /** Added by the import: on a dated reduction, the standard amount it replaces while valid. */
  reduces: z.number().nonnegative().optional(),
  /** Added by the cleaning pass: where the amount is paid ("tại Ủy ban nhân dân cấp xã, tổ chức hành nghề công chứng"). */
  where: z.string().optional(),
  /** Added by the cleaning pass: whom the rate is for ("đăng ký theo danh sách", "cá nhân, hộ gia đình"). */
  scope: z.string().optional(),
});

/** Added by the import: an amount in a foreign currency (fees paid at a mission abroad, e.g. "10 USD/bản"). */
export const ForeignAmountSchema = z.object({
  amount: z.number().nonnegative(),
  currency: z.string(),
  per: z.string().optional(),
  /** Added by the cleaning pass: where it is paid ("tại cơ quan đại diện của Việt Nam ở nước ngoài"). */
  where: z.string().optional(),
});

export const FeeSchema = z.object({
  kind: FeeKind,
  amounts: z.array(FeeAmountSchema),
  /** Plain-language note (exemptions, conditions), taken from the source text. */
  note: z.string().optional(),
  raw: z.string(),
  /** Added by the import: amounts in another currency; kind is 'amount' and amounts may be empty then. */
  foreignAmounts: z.array(ForeignAmountSchema).optional(),
});

export const ChannelKind = z.enum(['truc_tiep', 'truc_tuyen', 'buu_chinh']);

export const ChannelSchema = z.object({
  channel: ChannelKind,
  /** Portal label: "Trực tiếp", "Trực tuyến", "Dịch vụ bưu chính". */
  label: z.string(),
  duration: DurationSchema,
  fee: FeeSchema,
  /** The "Mô tả" column when the source has one. */
  description: z.string().optional(),
});

export const DocumentSchema = z.object({
  group: z.string(),
  name: z.string(),
  originals: z.number().int().nonnegative(),
  copies: z.number().int().nonnegative(),
  /** The form to fill in: its code as the record's text names it ("CT01", "TK01 (…) hoặc TK01a (…)"), a readable file name, or null. */
  form: z.string().nullable(),
});

export const ProcedureSchema = z.object({
  code: z.string().regex(/^\d\.\d{6}$/),
  name: z.string().min(1),
  topic: z.string(),
  field: z.string(),
  levels: z.array(z.string()),
  audiences: z.array(z.string()),
  agencies: z.object({
    competent: z.string().nullable(),
    performing: z.string().nullable(),
    receivingAddress: z.string().nullable(),
    delegated: z.string().nullable(),
    coordinating: z.string().nullable(),
    /** Added by the cleaning pass when the agency fields are empty: the office the steps send the file to, and the words. */
    fromSteps: z.object({ office: z.string(), quote: z.string() }).optional(),
  }),
  channels: z.array(ChannelSchema),
  documents: z.array(DocumentSchema),
  /** Rows of the document table that are notes, not documents to submit. */
  documentNotes: z.array(z.string()),
  steps: z.string().nullable(),
  conditions: z.string().nullable(),
  result: z.object({ name: z.string().nullable(), code: z.string().nullable() }),
  legalBasis: z.array(z.string()),
  decision: z.string().nullable(),
  sourceUrl: z.string().url(),
  raw: z.object({ channels: z.string().nullable(), documents: z.string().nullable() }),
});

export const CatalogSchema = z.object({
  meta: z.object({
    source: z.string(),
    importedAt: z.string(),
    count: z.number().int(),
  }),
  procedures: z.array(ProcedureSchema),
});

export type Duration = z.infer<typeof DurationSchema>;
export type Fee = z.infer<typeof FeeSchema>;
export type FeeAmount = z.infer<typeof FeeAmountSchema>;
export type Channel = z.infer<typeof ChannelSchema>;
export type FilingChannelKind = z.infer<typeof ChannelKind>;
export type ProcedureDocument = z.infer<typeof DocumentSchema>;
export type Procedure = z.infer<typeof ProcedureSchema>;
export type CatalogFile = z.infer<typeof CatalogSchema>;

/** Everyday names for a procedure, from the overlay file (catalog/aliases.json). */
export const AliasOverlaySchema = z.record(
  z.string().regex(/^\d\.\d{6}$/),
  z.object({
    aliases: z.array(z.string()),
    /** Words that, when present, point to this procedure (weaker than aliases). */
    keywords: z.array(z.string()).optional(),
  }),
);
export type AliasOverlay = z.infer<typeof AliasOverlaySchema>;
