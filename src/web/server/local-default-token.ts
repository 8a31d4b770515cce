/**
 * In local mode loadConfig gives ADMIN_TOKEN the documented default
 * 'local-admin'. The pages may say so, to let a newcomer in without reading
 * docs; a token that was configured is never shown.
 */
import type { Config } from '../../config/load-config.js';

export const LOCAL_DEFAULT_ADMIN_TOKEN = 'local-admin';

export function localDefaultToken(config: Config): string | undefined {
  return config.localMode && config.ADMIN_TOKEN === LOCAL_DEFAULT_ADMIN_TOKEN ? LOCAL_DEFAULT_ADMIN_TOKEN : undefined;
}
