/**
 * Child process for the poison-event tests: one life of a bot's inbox processor.
 *   node --import tsx poison-child.ts <lowdb:DIR | pg:URL> <clockOffsetMs>
 * Opens the store, sweeps the inbox once (every pending event is due) and exits 0
 * printing "swept N". A message containing POISON kills the process with SIGKILL
 * in the middle of its turn, as an out-of-memory kill would. The clock runs
 * `clockOffsetMs` ahead, so each life is "later" than the last (attempt leases expire).
 */
import { loadCatalog } from '../../../src/catalog/load-catalog.js';
import { loadConfig } from '../../../src/config/load-config.js';
import { createServices } from '../../../src/create-services.js';
import { InboxProcessor } from '../../../src/dialog/inbox-processor.js';
import { createLogger } from '../../../src/logger.js';
import type { NluResult, Understander } from '../../../src/nlu/nlu-types.js';
import { LowdbStore } from '../../../src/store/lowdb/lowdb-store.js';
import { PgStore } from '../../../src/store/postgres/pg-store.js';
import { FakeOaSender } from '../../support/make-test-services.js';

const [spec, offset] = process.argv.slice(2) as [string, string];
const store = spec.startsWith('pg:')
  ? await PgStore.open({ connectionString: spec.slice(3), log: { warn: () => undefined } })
  : await LowdbStore.open({ dataDir: spec.slice('lowdb:'.length), backupIntervalMs: 0 });

/** A greeting for anything but POISON: the turn itself is not what is tested here. */
const nlu: Understander = {
  understand(text: string): NluResult {
    if (text.includes('POISON')) process.kill(process.pid, 'SIGKILL');
    const r = { text, normalized: text, folded: text, intent: 'greeting', intentConfidence: 1, procedure: null, candidates: [] };
    return { ...r, procedureMentionedButUnknown: false, ambiguous: false, features: [], asks: [], channel: null, dossierCode: null, phone: null, idNumber: null } as NluResult;
  },
};

const config = loadConfig({ ZALO_APP_ID: 'test-app', ZALO_OA_SECRET_KEY: 's', ZALO_ACCESS_TOKEN: 'at', LOG_LEVEL: 'silent' });
const services = await createServices(config, {
  store,
  nlu,
  catalog: await loadCatalog({}),
  oa: new FakeOaSender(),
  log: createLogger({ level: 'silent' }),
  clock: () => new Date(Date.now() + Number(offset)),
});
const inbox = new InboxProcessor(services, { sweepAfterMs: 0 });
const swept = await inbox.sweep();
await inbox.stop();
await store.close();
process.stdout.write(`swept ${swept}\n`);
