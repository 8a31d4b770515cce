/**
 * Bodies of the status feed (one-stop system → bot) and their validation.
 * Every field problem is reported, as {path, message}.
 */
import { z } from 'zod';
import { normalisePhone } from './mask-applicant.js';
import type { NationalStatus } from '../store/records.js';

const isoTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/, 'must be an ISO 8601 date-time, e.g. 2025-03-17T08:30:00+07:00')
  .refine((s) => !Number.isNaN(Date.parse(s)), 'not a valid date-time')
  .transform((s) => new Date(s).toISOString());

const validCalendarDate = (s: string) => {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
};

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be an ISO date (yyyy-mm-dd)')
  .refine(validCalendarDate, 'not a valid calendar date');

const nationalStatus = z
  .number({ message: 'must be a national status code 1–10' })
  .int('must be a national status code 1–10')
  .min(1, 'must be a national status code 1–10')
  .max(10, 'must be a national status code 1–10')
  .transform((n) => n as NationalStatus);

const phone = z
  .string()
  .transform(normalisePhone)
  .refine((p) => /^0\d{9,10}$/.test(p), 'must be a Vietnamese phone number (0xxxxxxxxx or 84xxxxxxxxx)');

export const PutDossierBody = z.object({
  procedureCode: z.string().trim().min(1, 'required').max(64),
  applicant: z.object({
    fullName: z.string().trim().min(1, 'required').max(200),
    phone,
    idNumber: z
      .string()
      .trim()
      .regex(/^(\d{9}|\d{12})$/, 'must be a 12-digit CCCD (or 9-digit CMND) number')
      .optional(),
  }),
  receivedAt: isoTime,
  appointmentDate: isoDate,
  status: nationalStatus.optional(),
  agency: z.string().trim().min(1).max(300).optional(),
  channel: z.enum(['truc_tiep', 'truc_tuyen', 'buu_chinh']).optional(),
  returnPlace: z.string().trim().min(1).max(300).optional(),
  /** The applicant agreed to be told by ZNS at `applicant.phone`. Absent on an update: unchanged. */
  consent: z.object({ zns: z.boolean({ message: 'must be true or false' }) }).optional(),
});
export type PutDossierInput = z.infer<typeof PutDossierBody>;

export const DossierEventBody = z.object({
  eventId: z.string().trim().min(1, 'required').max(200),
  status: nationalStatus,
  at: isoTime,
  note: z.string().trim().max(2000).optional(),
  newAppointmentDate: isoDate.optional(),
});
export type DossierEventInput = z.infer<typeof DossierEventBody>;

export interface FieldProblem {
  path: string;
  message: string;
}

export class FeedValidationError extends Error {
  constructor(readonly problems: FieldProblem[]) {
    super(`invalid body: ${problems.map((p) => `${p.path || '(body)'}: ${p.message}`).join('; ')}`);
    this.name = 'FeedValidationError';
  }
}

/** Parse or throw FeedValidationError listing every problem. */
export function parseFeedBody<T extends z.ZodType>(schema: T, body: unknown): z.infer<T> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new FeedValidationError([{ path: '', message: 'body must be a JSON object' }]);
  }
  const r = schema.safeParse(body);
  if (r.success) return r.data;
  // One problem per field: the first (a failed format check makes the later ones noise).
  const byPath = new Map<string, FieldProblem>();
  for (const i of r.error.issues) {
    const path = i.path.map(String).join('.');
    const message = i.code === 'invalid_type' && i.input === undefined ? 'required' : i.message;
    if (!byPath.has(path)) byPath.set(path, { path, message });
  }
  throw new FeedValidationError([...byPath.values()]);
}
