/**
 * The console's ZNS panel: what is configured, the quota of the last answer, and a
 * test send of one template to a phone the officer types (sample values in every
 * parameter), straight through the OA client so the officer sees Zalo's answer.
 */
import { randomUUID } from 'node:crypto';
import type { Services } from '../services.js';
import type { Dossier } from '../store/records.js';
import { OaApiError } from '../platform/zalo/oa-errors.js';
import { znsErrorInfo } from '../platform/zalo/zns-error-codes.js';
import { normalisePhone } from '../dossiers/mask-applicant.js';
import { buildZnsMessage } from './build-zns-notification.js';

export function znsOverview(services: Services) {
  const templates = services.config.znsTemplates;
  return {
    enabled: !!templates,
    quota: services.oa.znsQuota?.() ?? null,
    templates: Object.entries(templates ?? {}).map(([key, t]) => ({ key, templateId: t.templateId, params: t.params })),
  };
}

export type TestSendResult = { ok: true; msgId: string; quota?: { daily: number; remaining: number } } | { ok: false; reason: string };

export async function testSendZns(services: Services, key: string, rawPhone: string): Promise<TestSendResult> {
  const templates = services.config.znsTemplates;
  if (!templates?.[key]) return { ok: false, reason: `mẫu "${key}" chưa được cấu hình trong ZNS_TEMPLATES_FILE` };
  const phone = normalisePhone(rawPhone);
  if (!/^0\d{9,10}$/.test(phone)) return { ok: false, reason: 'số điện thoại không hợp lệ' };
  if (!services.oa.sendZns) return { ok: false, reason: 'OA client không gửi được ZNS' };
  const now = services.clock().toISOString();
  const sample: Dossier = {
    code: 'TEST-000001',
    procedureCode: '0.000000',
    applicant: { fullName: 'Nguyễn Văn Thử', phone },
    receivedAt: now,
    appointmentDate: now.slice(0, 10),
    status: 9,
    state: 'result_ready',
    statusAt: now,
    history: [],
    createdAt: now,
    updatedAt: now,
  };
  const message = buildZnsMessage(templates, key, {
    dossier: sample,
    procedureName: 'Thủ tục gửi thử',
    orgName: services.config.ORG_NAME,
    hotline: services.config.HOTLINE,
    note: 'nội dung gửi thử',
    otp: '123456',
  })!;
  try {
    const r = await services.oa.sendZns(message, `test-${randomUUID()}`);
    return { ok: true, msgId: r.msgId, ...(r.quota ? { quota: r.quota } : {}) };
  } catch (err) {
    if (err instanceof OaApiError) return { ok: false, reason: `ZNS ${err.oaError}: ${znsErrorInfo(err.oaError).reason}` };
    return { ok: false, reason: (err as Error).message };
  }
}
