/**
 * The OA client for Services: the platform's client and token manager wired
 * from config (tokens stored through the store, refreshed under a lock).
 */
import type { Logger } from 'pino';
import type { Config } from './config/load-config.js';
import type { OaSender } from './services.js';
import type { Store } from './store/port.js';
import { createOaClient } from './platform/zalo/create-oa-client.js';

export async function createOaSender(config: Config, store: Store, log: Logger): Promise<OaSender> {
  return createOaClient(config, store, log.child({ component: 'oa' })).oa;
}
