/**
 * ZNS_TEMPLATES_FILE: which registered ZNS template each notification uses and
 * which dossier field fills each of its parameters. Keys: a national status
 * code ('2' received, '5' documents to add, '6' fees to pay, '9' result ready…),
 * 'delay' (a new appointment date) and 'otp' (the one-time code of a chat lookup).
 *
 *   { "9": { "templateId": "301234", "params": { "ma_ho_so": "code", "thu_tuc": "procedureName" } } }
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';

/** What a ZNS parameter can be filled with (values are computed in src/notify/zns-field-values.ts). */
export const ZNS_FIELDS = [
  'code',
  'procedureName',
  'applicantName',
  'receivedDate',
  'appointmentDate',
  'previousAppointmentDate',
  'statusLabel',
  'note',
  'returnPlace',
  'orgName',
  'hotline',
  'otp',
] as const;
export type ZnsField = (typeof ZNS_FIELDS)[number];

const STATUS_KEYS = new Set(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);

const TemplateSchema = z.object({
  templateId: z.string().trim().min(1, 'required'),
  params: z
    .record(z.string().trim().min(1), z.enum(ZNS_FIELDS, { message: `must be one of ${ZNS_FIELDS.join(', ')}` }))
    .refine((p) => Object.keys(p).length > 0, 'at least one parameter'),
});
export type ZnsTemplate = z.infer<typeof TemplateSchema>;

const KEY_MESSAGE = 'key must be a status code 1–10, "delay" or "otp"';
const KeySchema = z.string().refine((k) => k === 'otp' || k === 'delay' || STATUS_KEYS.has(k), KEY_MESSAGE);

// The otp checks run once every template parsed (zod skips refinements of an invalid value).
const FileSchema = z.record(KeySchema, TemplateSchema).superRefine((file, ctx) => {
  for (const [key, t] of Object.entries(file)) {
    const fields = Object.values(t.params);
    if (key === 'otp' && !fields.includes('otp')) {
      ctx.addIssue({ code: 'custom', path: [key, 'params'], message: 'the otp template must map one parameter to "otp"' });
    } else if (key !== 'otp' && fields.includes('otp')) {
      ctx.addIssue({ code: 'custom', path: [key, 'params'], message: 'only the otp template may use the "otp" field' });
    }
  }
});

export type ZnsTemplates = Record<string, ZnsTemplate>;

/** Read and validate the file; problems are returned (for ConfigError), never thrown. */
export function loadZnsTemplates(file: string): { templates?: ZnsTemplates; problems: string[] } {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    return { problems: [`ZNS_TEMPLATES_FILE: cannot read ${file}: ${(err as Error).message}`] };
  }
  const r = FileSchema.safeParse(raw);
  if (!r.success) {
    // zod reports a refused record key as "Invalid key in record"; say which keys are allowed.
    const message = (i: z.core.$ZodIssue) => (i.code === 'invalid_key' ? KEY_MESSAGE : i.message);
    return { problems: r.error.issues.map((i) => `ZNS_TEMPLATES_FILE ${file}: ${i.path.join('.') || '(file)'}: ${message(i)}`) };
  }
  return { templates: r.data, problems: [] };
}
