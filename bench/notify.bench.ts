/**
 * npm run bench:notify — 10,000 status events through the feed (2,000 dossiers
 * × 5 events, 4,000 notifications, every 20th event delivered twice) against a
 * child-process bot on lowdb, the OA emulator failing ~20% of sends (HTTP 500/503,
 * short timeouts, -32 rate limits). Run 1 without crashes, run 2 with the bot
 * SIGKILLed and restarted twice. Prints time to drain, sends, retries, lost, duplicates.
 */
import { runNotifyLoad, type NotifyLoadReport } from './notify-load.js';
import { makeTempDir } from '../test/support/temp-dir.js';

const DOSSIERS = Number(process.env.BENCH_DOSSIERS ?? 2000);

function print(title: string, r: NotifyLoadReport): void {
  console.log(`\n${title}`);
  console.log(`  status events posted        ${r.events} (+${r.redeliveredEvents} redelivered, answered as duplicates)`);
  console.log(`  notifications expected      ${r.expected}`);
  console.log(`  time to drain               ${(r.drainMs / 1000).toFixed(1)} s (${Math.round((r.expected / r.drainMs) * 1000)} notifications/s)`);
  console.log(`  OA sends accepted           ${r.sends}`);
  console.log(`  OA calls failed (injected)  ${r.failedCalls}`);
  console.log(`  retries                     ${r.failedCalls} failed calls retried (client + worker); outbox re-attempts ${r.outboxAttempts}`);
  console.log(`  feed re-posts (bot down)    ${r.feedRetries}`);
  console.log(`  bot SIGKILLs                ${r.kills}`);
  console.log(`  lost                        ${r.lost}`);
  console.log(`  duplicates                  ${r.duplicates}${r.duplicateKeys.length ? ` (${r.duplicateKeys.slice(0, 5).join(', ')}${r.duplicateKeys.length > 5 ? ', …' : ''})` : ''}`);
  if (r.unexpected) console.log(`  unexpected messages         ${r.unexpected}`);
}

async function main(): Promise<void> {
  console.log(`bench:notify — ${DOSSIERS} dossiers × 5 events, 20% of OA sends failing`);
  const reports: NotifyLoadReport[] = [];
  for (const [title, kills] of [
    ['Run 1: no crash', 0],
    ['Run 2: bot SIGKILLed and restarted twice', 2],
  ] as const) {
    const tmp = await makeTempDir('motcua-bench-notify-');
    try {
      const r = await runNotifyLoad({ dataDir: tmp.dir, dossiers: DOSSIERS, faultRate: 0.2, kills, drainTimeoutMs: 1_800_000, log: (l) => console.log(l) });
      reports.push(r);
      print(title, r);
    } finally {
      await tmp.remove();
    }
  }
  const [first, second] = reports;
  console.log('\nVerdict');
  console.log(`  run 1: lost ${first.lost} (must be 0), duplicates ${first.duplicates} (must be 0)`);
  console.log(`  run 2: lost ${second.lost} (must be 0), duplicates ${second.duplicates}`);
  if (second.duplicates > 0) {
    console.log(
      '  A duplicate in run 2 is a send the OA accepted while the bot was killed before recording it, whose\n' +
        '  restart check (/v2.0/oa/conversation) could not recognise it; see docs/dossiers.md "Delivery guarantees".',
    );
  }
  process.exitCode = first.lost === 0 && second.lost === 0 && first.duplicates === 0 ? 0 : 1;
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
