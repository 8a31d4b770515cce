/**
 * In local mode loadConfig gives ADMIN_TOKEN the documented default
 * 'local-admin'. The pages may say so, to let a newcomer in without reading
 * docs, but only when the bot listens on loopback (nobody else can read the
 * page); a token that was configured is never shown.
 */
import type { Config } from '../../config/load-config.js';
import { isTrustedLocal } from '../../config/is-loopback-host.js';
import { LOCAL_DEFAULT_KEYS } from '../../config/resolve-run-mode.js';

export function localDefaultToken(config: Config): string | undefined {
  const token = LOCAL_DEFAULT_KEYS.ADMIN_TOKEN;
  return isTrustedLocal(config) && config.ADMIN_TOKEN === token ? token : undefined;
}
