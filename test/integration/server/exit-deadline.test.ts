/**
 * The shutdown deadline is hard: a process whose stop hangs exits 1 after
 * logging; one whose event loop is blocked is killed by the watchdog thread.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const CHILD = path.join(path.dirname(fileURLToPath(import.meta.url)), 'exit-deadline-child.ts');

function run(mode: 'hang' | 'blocked', deadlineMs: number) {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, mode, String(deadlineMs)], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  const armedAt = new Promise<number>((resolve) => child.stdout.on('data', () => out.includes('armed') && resolve(Date.now())));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal, at: Date.now() })),
  );
  return { armedAt, exited, output: () => out };
}

describe('exit deadline', { timeout: 60_000 }, () => {
  it('a stop that hangs: logs at the deadline and exits 1', async () => {
    const p = run('hang', 500);
    const [armedAt, end] = await Promise.all([p.armedAt, p.exited]);
    expect(end).toMatchObject({ code: 1, signal: null });
    expect(end.at - armedAt).toBeLessThan(5_000);
    const line = JSON.parse(p.output().split('\n').find((l) => l.includes('"fatal"'))!);
    expect(line).toMatchObject({ level: 'fatal', deadlineMs: 500, msg: expect.stringContaining('shutdown did not finish within 500 ms') });
  });

  it('a blocked event loop: the watchdog thread writes one line and kills the process', async () => {
    const p = run('blocked', 500);
    const [armedAt, end] = await Promise.all([p.armedAt, p.exited]);
    expect(end.signal).toBe('SIGKILL');
    expect(end.at - armedAt).toBeLessThan(6_000);
    expect(p.output()).toContain('killed by the watchdog');
  });
});
