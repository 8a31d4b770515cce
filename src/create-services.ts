/**
 * Build the Services every part of the bot receives (no globals): logger,
 * store, catalog, NLU, OA client, clock. Anything can be overridden (tests).
 *
 * Usage: const services = await createServices(config, { store: new MemoryStore() });
 */
import type { Config } from './config/load-config.js';
import type { Services } from './services.js';
import { createLogger } from './logger.js';
import { createStore } from './store/create-store.js';
import { loadCatalog } from './catalog/load-catalog.js';
import { createUnderstander } from './nlu/create-understander.js';
import { createOaSender } from './create-oa-sender.js';
import { TaughtAliasCache } from './catalog/taught-alias-cache.js';

export type ServiceOverrides = Partial<Omit<Services, 'config' | 'kickOutbox' | 'taught'>>;

export async function createServices(config: Config, overrides: ServiceOverrides = {}): Promise<Services> {
  const log = overrides.log ?? createLogger({ level: config.LOG_LEVEL, base: { instance: config.instanceId } });
  const clock = overrides.clock ?? (() => new Date());
  const store = overrides.store ?? (await createStore(config, { log }));
  const catalog = overrides.catalog ?? (await loadCatalog({ catalogFile: config.CATALOG_FILE, aliasesFile: config.ALIASES_FILE }));
  const base = overrides.nlu ?? createUnderstander(catalog);
  // Every message is read with what officers taught so far (the catalog index itself is built once).
  const taught = new TaughtAliasCache(store, log, config.TAUGHT_REFRESH_MS);
  const nlu = { understand: (text: string) => base.understand(text, taught.current()) };
  const oa = overrides.oa ?? (await createOaSender(config, store, log));
  return { config, store, log, clock, catalog, nlu, taught, oa, kickOutbox: () => {} };
}
