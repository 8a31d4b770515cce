// Placeholder until src/platform/zalo/oa-client.ts lands (platform work): replaced by the real client.
import type { Config } from './config/load-config.js';
import type { OaSender } from './services.js';
import type { Store } from './store/port.js';
import type { Logger } from 'pino';

export async function createOaSender(_config: Config, _store: Store, _log: Logger): Promise<OaSender> {
  const missing = () => Promise.reject(new Error('OA client not available yet'));
  return { sendConsultation: missing, sendTransaction: missing, getUserProfile: missing };
}
