/**
 * Child process for the lowdb process tests:
 *   node --import tsx lowdb-child.ts <dataDir> hold          open, print "ready", wait
 *   node --import tsx lowdb-child.ts <dataDir> write <from> [compactBytes]
 *                                                           write inbox records from <from> on, printing each acknowledged
 *                                                           number; compactBytes small = frequent journal compactions
 * A refusal prints the error message on stderr and exits 3.
 */
import { LowdbStore } from '../../../src/store/lowdb/lowdb-store.js';

const [dataDir, mode, from, compactBytes] = process.argv.slice(2);
let store: LowdbStore;
try {
  store = await LowdbStore.open({
    dataDir: dataDir!,
    backupIntervalMs: 0,
    ...(compactBytes ? { compactBytes: Number(compactBytes) } : {}),
  });
} catch (err) {
  process.stderr.write(`${(err as Error).message}\n`);
  process.exit(3);
}
process.stdout.write('ready\n');
if (mode === 'write') {
  const pad = 'x'.repeat(2000); // a larger file makes a kill during the write more likely
  const writer = async (lane: number) => {
    for (let i = Number(from) + lane; ; i += 4) {
      await store.tx(async (t) => {
        await t.putInbound({
          key: `k${i}`,
          eventName: 'user_send_text',
          userId: `u${i % 7}`,
          event: { text: pad },
          receivedAt: new Date().toISOString(),
          status: 'pending',
          attempts: 0,
        });
        await t.nextCounter('acked');
      });
      process.stdout.write(`${i}\n`); // acknowledged: durable now
    }
  };
  await Promise.all([0, 1, 2, 3].map(writer)); // concurrent writers exercise group commit
} else {
  setInterval(() => undefined, 1000);
}
