/**
 * The emulated ZNS host (business.openapi.zalo.me on the emulator's own server):
 * template info, template sends to a phone with the daily quota, and the
 * templates as registered (fixtures/zns-emulator-templates.json). An accepted
 * send is recorded like an OA message, for the test citizen whose shared phone
 * it is (the simulator shows it in that chat), and a delivery receipt follows.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isObject } from './http-io.js';

export const ZNS_PATHS = { send: '/message/template', templateInfo: '/template/info/v2' } as const;

export interface EmulatedZnsTemplate {
  templateId: string;
  name: string;
  /** ENABLE, PENDING_REVIEW, DISABLE, REJECT. */
  status: string;
  params: string[];
  /** Text with {{param}} placeholders. */
  body: string;
}

export const BUNDLED_ZNS_TEMPLATES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..', 'fixtures', 'zns-emulator-templates.json');

export function loadEmulatedZnsTemplates(file = BUNDLED_ZNS_TEMPLATES): EmulatedZnsTemplate[] {
  const raw = JSON.parse(readFileSync(file, 'utf8')) as { templates?: EmulatedZnsTemplate[] };
  return raw.templates ?? [];
}

/** Error numbers the emulator answers with (the real ones are guesses: docs/zns.md). */
export const ZNS_EMULATED_ERRORS = {
  invalidPhone: { code: -108, message: 'Phone number is invalid' },
  unknownTemplate: { code: -109, message: 'ID of ZNS template is invalid' },
  badData: { code: -112, message: 'Template data is invalid' },
  notEnabled: { code: -131, message: 'ZNS template is not approved or has been disabled' },
  dailyQuota: { code: -144, message: 'OA has exceeded the daily quota for ZNS' },
} as const;

export const render = (body: string, data: Record<string, string>) => body.replace(/\{\{(\w+)\}\}/g, (_m, k: string) => data[k] ?? '');

const VN_OFFSET_MS = 7 * 3600_000;
const vnDay = (d: Date) => new Date(d.getTime() + VN_OFFSET_MS).toISOString().slice(0, 10);

export interface ZnsAccepted {
  msgId: string;
  templateId: string;
  templateName: string;
  phone: string;
  trackingId: string;
  data: Record<string, string>;
  text: string;
  at: string;
}

export class ZnsEmulatorState {
  readonly templates = new Map<string, EmulatedZnsTemplate>();
  readonly sent: ZnsAccepted[] = [];
  dailyQuota = 500;
  private used = 0;
  private day = '';

  constructor(
    templates: EmulatedZnsTemplate[],
    private readonly now: () => Date,
  ) {
    for (const t of templates) this.templates.set(t.templateId, { ...t });
  }

  /** Quota of the current Vietnam day (resets at midnight, +07:00). */
  quota(): { dailyQuota: number; remainingQuota: number } {
    const today = vnDay(this.now());
    if (today !== this.day) {
      this.day = today;
      this.used = 0;
    }
    return { dailyQuota: this.dailyQuota, remainingQuota: Math.max(0, this.dailyQuota - this.used) };
  }

  setQuota(daily?: number, remaining?: number): void {
    if (daily !== undefined) this.dailyQuota = daily;
    this.quota();
    if (remaining !== undefined) this.used = Math.max(0, this.dailyQuota - remaining);
  }

  templateInfo(id: string): { code: number; message: string } | Record<string, unknown> {
    const t = this.templates.get(id);
    if (!t) return ZNS_EMULATED_ERRORS.unknownTemplate;
    return {
      templateId: Number(t.templateId) || t.templateId,
      templateName: t.name,
      status: t.status,
      listParams: t.params.map((name) => ({ name, require: true, type: 'STRING', maxLength: 200, minLength: 1, acceptNull: false })),
      timeout: 7_200_000,
      previewUrl: '',
      templateQuality: 'HIGH',
      templateTag: t.params.includes('otp') ? 'OTP' : 'TRANSACTION',
      price: '200.0',
    };
  }

  /** Validate and accept one send; an error object when refused. */
  accept(body: unknown, msgId: string): { code: number; message: string } | ZnsAccepted {
    if (!isObject(body) || typeof body.phone !== 'string' || !/^84\d{9,10}$/.test(body.phone)) return ZNS_EMULATED_ERRORS.invalidPhone;
    const t = typeof body.template_id === 'string' || typeof body.template_id === 'number' ? this.templates.get(String(body.template_id)) : undefined;
    if (!t) return ZNS_EMULATED_ERRORS.unknownTemplate;
    if (t.status !== 'ENABLE') return ZNS_EMULATED_ERRORS.notEnabled;
    const data = isObject(body.template_data) ? body.template_data : undefined;
    const keys = data ? Object.keys(data).sort() : [];
    const ok = data && keys.join('|') === [...t.params].sort().join('|') && Object.values(data).every((v) => typeof v === 'string' && v.length <= 200);
    if (!ok) return ZNS_EMULATED_ERRORS.badData;
    if (this.quota().remainingQuota <= 0) return ZNS_EMULATED_ERRORS.dailyQuota;
    this.used += 1;
    const strData = data as Record<string, string>;
    const rec: ZnsAccepted = {
      msgId,
      templateId: t.templateId,
      templateName: t.name,
      phone: body.phone,
      trackingId: typeof body.tracking_id === 'string' ? body.tracking_id : '',
      data: strData,
      text: render(t.body, strData),
      at: this.now().toISOString(),
    };
    this.sent.push(rec);
    return rec;
  }
}
