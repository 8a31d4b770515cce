/**
 * Shapes of the ZNS answers (business.openapi.zalo.me), parsed defensively:
 * the platform reference rates the send fields high and the quota medium
 * (../shared/docs/zalo-oa-platform.md §3.2–3.3).
 */

export interface ZnsQuota {
  daily: number;
  remaining: number;
}

export interface ZnsSendResult {
  msgId: string;
  quota?: ZnsQuota;
}

export interface ZnsTemplateInfo {
  templateId: string;
  /** 'ENABLE' when usable; anything else (PENDING_REVIEW, DISABLE, REJECT…) is not. */
  status: string;
  name?: string;
  /** Parameter names the template expects (data.listParams[].name). */
  params: string[];
}

const obj = (v: unknown): Record<string, unknown> => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
const num = (v: unknown): number | undefined => (typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v)) ? Number(v) : undefined);

export function parseZnsSend(data: unknown): ZnsSendResult {
  const d = obj(data);
  const id = d.msg_id ?? d.message_id;
  const q = obj(d.quota);
  const daily = num(q.dailyQuota);
  const remaining = num(q.remainingQuota);
  return {
    msgId: typeof id === 'string' || typeof id === 'number' ? String(id) : '',
    ...(daily !== undefined && remaining !== undefined ? { quota: { daily, remaining } } : {}),
  };
}

export function parseZnsTemplateInfo(templateId: string, data: unknown): ZnsTemplateInfo {
  const d = obj(data);
  const params = Array.isArray(d.listParams) ? d.listParams.map((p) => obj(p).name).filter((n): n is string => typeof n === 'string') : [];
  return {
    templateId,
    status: typeof d.status === 'string' ? d.status : '',
    ...(typeof d.templateName === 'string' ? { name: d.templateName } : {}),
    params,
  };
}
