/**
 * The ZNS message for a dossier notification: the template ZNS_TEMPLATES_FILE names
 * for this status (or 'delay' for a new appointment date, '2' when a dossier is
 * received), its parameters filled from the dossier. Null when ZNS is off, the
 * applicant did not consent, or no template covers the change.
 */
import type { ZnsField, ZnsTemplates } from '../config/zns-templates.js';
import type { ZnsMessage } from '../platform/zalo/messages.js';
import { toInternationalVnPhone } from '../platform/zalo/normalize-phone.js';
import type { Dossier } from '../store/records.js';
import { STATUS_INFO } from '../dossiers/dossier-status.js';
import { formatVnDate } from '../dossiers/format-vn-date.js';

export interface ZnsFieldContext {
  dossier: Dossier;
  procedureName: string;
  orgName: string;
  hotline?: string;
  note?: string;
  previousAppointmentDate?: string;
  otp?: string;
}

/** ZNS parameters are short strings; 200 characters is our guess at a safe ceiling (docs/zns.md). */
const MAX_PARAM = 200;
const clip = (s: string) => (s.length > MAX_PARAM ? `${s.slice(0, MAX_PARAM - 1)}…` : s);

function fieldValue(field: ZnsField, c: ZnsFieldContext): string {
  const d = c.dossier;
  switch (field) {
    case 'code':
      return d.code;
    case 'procedureName':
      return c.procedureName;
    case 'applicantName':
      return d.applicant.fullName;
    case 'receivedDate':
      return formatVnDate(d.receivedAt);
    case 'appointmentDate':
      return formatVnDate(d.appointmentDate);
    case 'previousAppointmentDate':
      return formatVnDate(c.previousAppointmentDate ?? d.appointmentDate);
    case 'statusLabel':
      return STATUS_INFO[d.status].label;
    case 'note':
      // Empty parameters may be refused by Zalo: say where the details are instead.
      return c.note?.trim() || 'xem phiếu hướng dẫn của cơ quan';
    case 'returnPlace':
      return d.returnPlace ?? d.agency ?? c.orgName;
    case 'orgName':
      return c.orgName;
    case 'hotline':
      return c.hotline ?? c.orgName;
    case 'otp':
      return c.otp ?? '';
  }
}

export function buildZnsMessage(templates: ZnsTemplates, key: string, c: ZnsFieldContext): ZnsMessage | null {
  const t = templates[key];
  if (!t) return null;
  const data: Record<string, string> = {};
  for (const [param, field] of Object.entries(t.params)) data[param] = clip(fieldValue(field, c));
  return { kind: 'zns', templateKey: key, templateId: t.templateId, phone: toInternationalVnPhone(c.dossier.applicant.phone), data };
}

/** The dossier may be told by ZNS: ZNS on and the applicant agreed. */
export const znsAllowed = (templates: ZnsTemplates | undefined, d: Dossier): templates is ZnsTemplates => !!templates && d.consent?.zns === true;

/** Which template a status change uses: its status's, else 'delay' when the appointment moved. */
export function znsKeyFor(templates: ZnsTemplates, status: number, statusNews: boolean, dateMoved: boolean): string | null {
  if (statusNews && templates[String(status)]) return String(status);
  if (dateMoved && templates.delay) return 'delay';
  return null;
}
