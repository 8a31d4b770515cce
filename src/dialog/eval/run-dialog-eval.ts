/**
 * End-to-end evaluation: every procedure message of a set goes to a whole bot as a
 * new citizen, the real way (the OA emulator signs it and POSTs it to the webhook;
 * the bot answers through its outbox and the emulated OA API), and the reply is
 * read as the citizen sees it (classify-reply.ts).
 */
import { loadCatalog } from '../../catalog/load-catalog.js';
import { createUnderstander } from '../../nlu/create-understander.js';
import type { EvalRow } from '../../nlu/eval-nlu.js';
import { emulatorEnv } from '../../platform/zalo/emulator/emulator-env.js';
import { createOaEmulator } from '../../platform/zalo/emulator/oa-emulator.js';
import { startBot } from '../../start-bot.js';
import { MemoryStore } from '../../store/memory-store.js';
import { classifyReply, judge, type ReplyReading, type Verdict, type WireMessage } from './classify-reply.js';

export interface DialogEvalResult {
  row: EvalRow;
  reading: ReplyReading;
  verdict: Verdict;
}

const POLL_MS = 20;
/** A turn that has not answered by then is read as silence ("other"). */
const TIMEOUT_MS = 30_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function runDialogEval(rows: readonly EvalRow[], concurrency = 6): Promise<DialogEvalResult[]> {
  const catalog = await loadCatalog({});
  const nlu = createUnderstander(catalog);
  const emulator = await createOaEmulator({ port: 0, accessToken: 'eval-at', refreshToken: 'eval-rt', rateLimitPerMinute: 1_000_000 });
  const env = {
    ...emulatorEnv(emulator),
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    ADMIN_TOKEN: 'eval-admin',
    INGEST_API_KEY: 'eval-ingest',
    NOTIFY_BASE_DELAY_MS: '20',
    // Every message is a new citizen; nothing here should hand over to an officer.
    HANDOFF_AFTER_FAILURES: '1000',
  };
  const bot = await startBot({ env, emulator, store: new MemoryStore(), catalog, nlu });
  const results: DialogEvalResult[] = new Array(rows.length);
  let next = 0;
  const worker = async () => {
    while (next < rows.length) {
      const i = next++;
      const row = rows[i]!;
      const userId = `eval-citizen-${i}`;
      await emulator.userSays(userId, row.text);
      const messages = await repliesTo(userId);
      const reading = classifyReply(messages, row.dossierCode);
      results[i] = { row, reading, verdict: judge(reading, row.procedure, row.intent) };
    }
  };
  try {
    await Promise.all(Array.from({ length: concurrency }, worker));
  } finally {
    await bot.stop();
    await emulator.close();
  }
  return results;

  /** Every message the bot sent this citizen, once its reply item left the outbox (sent or given up). */
  async function repliesTo(userId: string): Promise<WireMessage[]> {
    const started = Date.now();
    while (Date.now() - started < TIMEOUT_MS) {
      const items = await bot.services.store.tx((t) => t.listOutbox({ userId }));
      if (items.length && items.every((i) => i.status === 'sent' || i.status === 'failed')) break;
      await sleep(POLL_MS);
    }
    return emulator.outbound(userId).map((r) => r.message as WireMessage);
  }
}
