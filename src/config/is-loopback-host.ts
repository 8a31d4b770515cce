/**
 * Whether HOST only accepts connections from this machine. Local mode on such a
 * host is "trusted local": the pages may show the public default keys and the
 * simulator needs no token, since nobody else can reach them.
 */
import { isIP } from 'node:net';
import type { Config } from './load-config.js';

export function isLoopbackHost(host: string): boolean {
  const h = host.trim().toLowerCase().replace(/^\[(.*)\]$/, '$1');
  if (h === 'localhost') return true;
  if (isIP(h) === 4) return h.startsWith('127.');
  if (isIP(h) === 6) return h === '::1' || h === '0:0:0:0:0:0:0:1' || h.startsWith('::ffff:127.');
  return false;
}

/** Local mode, reachable from this machine only. */
export function isTrustedLocal(config: Pick<Config, 'localMode' | 'HOST'>): boolean {
  return config.localMode && isLoopbackHost(config.HOST);
}
