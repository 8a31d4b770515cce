/**
 * A bot process killed (SIGKILL) while it delivers many notifications, then
 * restarted on the same DATA_DIR (lowdb): every notification still reaches the
 * OA. Duplicates, if any, are printed (at-least-once after a crash, see docs/dossiers.md).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runNotifyLoad } from '../../../bench/notify-load.js';
import { makeTempDir } from '../../support/temp-dir.js';

let tmp: { dir: string; remove(): Promise<void> };
beforeAll(async () => {
  tmp = await makeTempDir('motcua-crash-');
});
afterAll(() => tmp?.remove());

it('loses no notification when the bot is killed during delivery and restarted', { timeout: 240_000 }, async () => {
  const lines: string[] = [];
  const r = await runNotifyLoad({
    dataDir: tmp.dir,
    dossiers: 60,
    faultRate: 0.2,
    kills: 1,
    drainTimeoutMs: 180_000,
    log: (l) => lines.push(l),
  });
  console.log(`crash recovery: ${JSON.stringify({ ...r, duplicateKeys: undefined })}\n${lines.join('\n')}`);
  expect(r.kills).toBe(1);
  // The kill happened with deliveries still outstanding.
  const killedAt = Number(/SIGKILL #1 at (\d+)\//.exec(lines.join('\n'))?.[1]);
  expect(killedAt).toBeLessThan(r.expected);
  expect(r.expected).toBe(120);
  expect(r.lost).toBe(0);
  expect(r.delivered).toBe(r.expected);
  expect(r.unexpected).toBe(0);
});
