/**
 * At start, when ZNS is on: every configured template must be ENABLE on Zalo and
 * expect exactly the parameter names ZNS_TEMPLATES_FILE maps. A mismatch stops the
 * bot with one error naming each template; an unreachable ZNS host only warns
 * (the outbox retries later, and a Zalo outage must not keep the bot down).
 */
import type { ZnsTemplates } from '../config/zns-templates.js';
import { OaApiError } from '../platform/zalo/oa-errors.js';
import type { OaSender } from '../services.js';

export class ZnsTemplateError extends Error {
  constructor(readonly problems: string[]) {
    super(`ZNS templates do not match ZNS_TEMPLATES_FILE:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ZnsTemplateError';
  }
}

const sameSet = (a: string[], b: string[]) => a.length === b.length && [...a].sort().join('\u0000') === [...b].sort().join('\u0000');

export async function checkZnsTemplates(
  oa: OaSender,
  templates: ZnsTemplates,
  warn: (msg: string, err?: unknown) => void,
): Promise<void> {
  if (!oa.getZnsTemplateInfo) throw new ZnsTemplateError(['the OA client cannot read ZNS template info']);
  const problems: string[] = [];
  for (const [key, t] of Object.entries(templates)) {
    const name = `"${key}" (template_id ${t.templateId})`;
    try {
      const info = await oa.getZnsTemplateInfo(t.templateId);
      const mapped = Object.keys(t.params);
      if (info.status !== 'ENABLE') problems.push(`${name}: status is ${info.status || '(none)'}, not ENABLE`);
      else if (!sameSet(info.params, mapped)) {
        problems.push(`${name}: Zalo expects parameters [${info.params.join(', ')}], the file maps [${mapped.join(', ')}]`);
      }
    } catch (err) {
      if (err instanceof OaApiError && !err.retryable) problems.push(`${name}: Zalo answered error ${err.oaError} (${err.oaMessage})`);
      else warn(`could not check ZNS template ${name}; checking again at the next start`, err);
    }
  }
  if (problems.length) throw new ZnsTemplateError(problems);
}
