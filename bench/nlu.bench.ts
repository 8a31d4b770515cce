/**
 * `npm run bench:nlu`: per-message latency (p50/p99) of understand() on the bundled
 * catalog and on a 5,000-procedure catalog synthesised from it, start-up and index
 * build times, and memory; then the cost of each pathological message (issue 11: endless words,
 * blobs, mashes, emoji floods; test/support/pathological-messages.ts). Prints numbers; asserts nothing.
 */
import { readFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadCatalog } from '../src/catalog/load-catalog.js';
import type { Catalog } from '../src/services.js';
import { createUnderstander } from '../src/nlu/create-understander.js';
import type { Understander } from '../src/nlu/nlu-types.js';
import { buildProcedureIndex } from '../src/nlu/procedure-index.js';
import { synthesizeCatalog } from './synthesize-catalog.js';
import { PATHOLOGICAL_MESSAGES } from '../test/support/pathological-messages.js';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const SETS = [here('../../shared/eval/public-nlu.tsv'), here('../test/fixtures/nlu/heldout-nlu.tsv')];
const EXTRA = [
  'lam lai cccd het bn tien', 'nhập hộ khẩu cho vợ', 'sổ đỏ lần đầu mất bao lâu', 'khai sinhf cho con', 'ddang kys kết hôn',
  'Lệ phí (1.001193)', 'Cấp thẻ căn cước cho người dưới 14 tuổi (1.014062)', 'hồ sơ 000.00.12.H12-240315-0001 tới đâu rồi',
  'tôi muốn hỏi về thủ tục chuyển nhượng quyền sử dụng đất cho con trai, cần những giấy tờ gì và nộp ở đâu ạ',
  'ok', 'alo', 'xin visa', '😀😀😀', '',
];

function messages(): string[] {
  const out = [...EXTRA];
  for (const f of SETS) {
    if (!existsSync(f)) continue;
    out.push(...readFileSync(f, 'utf8').split('\n').slice(1).map((l) => l.split('\t')[0]).filter(Boolean));
  }
  return out;
}

function pct(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function mb(n: number): string {
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

function run(label: string, catalog: Catalog, msgs: string[]): Understander {
  let t0 = performance.now();
  let c0 = process.cpuUsage();
  buildProcedureIndex(catalog);
  const indexMs = performance.now() - t0;
  const indexCpu = process.cpuUsage(c0).user / 1000;
  t0 = performance.now();
  c0 = process.cpuUsage();
  const nlu = createUnderstander(catalog);
  const startMs = performance.now() - t0;
  const startCpu = process.cpuUsage(c0).user / 1000;
  for (let w = 0; w < 3; w++) for (const m of msgs) nlu.understand(m); // warm-up (JIT, caches): a long-running bot is measured in its steady state
  const times: number[] = [];
  const batchCpu = process.cpuUsage();
  for (let round = 0; round < 5; round++) {
    for (const m of msgs) {
      const s = performance.now();
      nlu.understand(m);
      times.push(performance.now() - s);
    }
  }
  // getrusage is tick-accounted: per-call CPU is meaningless, the batch mean is not.
  const d = process.cpuUsage(batchCpu);
  const meanCpu = (d.user + d.system) / 1000 / times.length;
  times.sort((a, b) => a - b);
  const mem = process.memoryUsage();
  console.log(`\n== ${label}: ${catalog.procedures.length} procedures, ${msgs.length} messages x 5 ==`);
  console.log(`index build:        ${indexMs.toFixed(0)} ms wall, ${indexCpu.toFixed(0)} ms cpu`);
  console.log(`understander start: ${startMs.toFixed(0)} ms wall, ${startCpu.toFixed(0)} ms cpu (index + vocabulary + classifier training)`);
  console.log(`latency p50:        ${pct(times, 50).toFixed(3)} ms`);
  console.log(`latency p90:        ${pct(times, 90).toFixed(3)} ms`);
  console.log(`latency p99:        ${pct(times, 99).toFixed(3)} ms`);
  console.log(`mean cpu/message:   ${meanCpu.toFixed(3)} ms`);
  console.log(`latency max:        ${times[times.length - 1].toFixed(3)} ms`);
  console.log(`memory:             heapUsed ${mb(mem.heapUsed)}, rss ${mb(mem.rss)}`);
  return nlu;
}

/** Each pathological message: best of 5 after a warm-up (its own cost, not the machine's load). */
function runPathological(nlu: Understander): void {
  console.log(`\n== pathological messages (bundled catalog), best of 5 ==`);
  let worst = 0;
  for (const [name, text] of PATHOLOGICAL_MESSAGES) {
    nlu.understand(text);
    let best = Infinity;
    for (let k = 0; k < 5; k++) {
      const s = performance.now();
      nlu.understand(text);
      best = Math.min(best, performance.now() - s);
    }
    worst = Math.max(worst, best);
    console.log(`${name.padEnd(48)} ${String(text.length).padStart(6)} chars  ${best.toFixed(3)} ms`);
  }
  console.log(`worst:${' '.repeat(57)}${worst.toFixed(3)} ms`);
}

const [load1] = (await import('node:os')).loadavg();
console.log(`machine: load average ${load1.toFixed(1)} on ${(await import('node:os')).cpus().length} CPUs (wall times include waiting for a CPU; cpu times do not)`);
const base = await loadCatalog();
const msgs = messages();
runPathological(run('bundled catalog', base, msgs));
run('synthetic catalog', synthesizeCatalog(base, 5000), msgs);
