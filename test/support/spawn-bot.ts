/**
 * The bot as a real child process for tests about processes: restarts on the
 * same DATA_DIR, SIGTERM, SIGKILL, exit codes. By default from source
 * (`node --import tsx src/main.ts`); `run: 'dist'` runs the documented
 * production command `node dist/main.js` (build first: buildDist()), `run:
 * 'npm-start'` runs `npm start` (the child is then npm).
 * Waits until GET /readyz answers 200. Output is kept for assertions.
 *
 * Usage:
 *   const bot = await spawnBot({ env: { DATA_DIR: dir, ZALO_APP_ID: ..., ... } });
 *   ... fetch(`${bot.url}/webhooks/zalo`) ...
 *   await bot.kill();            // SIGKILL, like a crash
 *   const { code } = await bot.stop();   // SIGTERM, graceful
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface SpawnBotOptions {
  /** Added to a minimal env (PATH, HOME); PORT defaults to a free port, LOG_LEVEL to warn. */
  env: Record<string, string>;
  /** Wait for /readyz (default true); false for tests of a bot that must refuse to start. */
  waitReady?: boolean;
  readyTimeoutMs?: number;
  /** What to run (default 'source'). */
  run?: 'source' | 'dist' | 'npm-start';
}

const COMMANDS: Record<NonNullable<SpawnBotOptions['run']>, [string, string[]]> = {
  source: [process.execPath, ['--import', 'tsx', 'src/main.ts']],
  dist: [process.execPath, ['dist/main.js']],
  'npm-start': ['npm', ['start', '--silent']],
};

/** `npm run build` (dist/ from src/); for tests of the production command. */
export function buildDist(): void {
  const r = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: REPO_ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`build failed:\n${r.stdout}${r.stderr}`);
}

export interface SpawnedBot {
  url: string;
  port: number;
  child: ChildProcess;
  /** stdout + stderr so far. */
  output(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** SIGTERM and wait for exit. */
  stop(): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** SIGKILL to its process group (a crash; also reaches a bot under npm) and wait for exit. */
  kill(): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** A port free right now on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

export async function spawnBot(opts: SpawnBotOptions): Promise<SpawnedBot> {
  const port = opts.env.PORT ? Number(opts.env.PORT) : await freePort();
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    OA_EMULATOR_PORT: '0',
    ...opts.env,
    PORT: String(port),
  };
  const [command, args] = COMMANDS[opts.run ?? 'source'];
  // Its own process group, so kill() also reaches a bot that npm runs (SIGKILL to npm cannot be forwarded).
  const child = spawn(command, args, { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let out = '';
  child.stdout?.on('data', (d) => (out += d));
  child.stderr?.on('data', (d) => (out += d));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const url = `http://127.0.0.1:${port}`;
  const signal = (sig: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(sig);
    return exited;
  };
  const killGroup = () => {
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // the group is gone already
    }
    return exited;
  };
  const bot: SpawnedBot = { url, port, child, output: () => out, exited, stop: () => signal('SIGTERM'), kill: killGroup };

  if (opts.waitReady !== false) {
    const deadline = Date.now() + (opts.readyTimeoutMs ?? 60_000);
    let gone = false;
    void exited.then(() => (gone = true));
    for (;;) {
      if (gone) throw new Error(`bot exited before it was ready:\n${out}`);
      try {
        const res = await fetch(`${url}/readyz`);
        if (res.status === 200) break;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) {
        await bot.kill();
        throw new Error(`bot not ready within ${opts.readyTimeoutMs ?? 60_000} ms:\n${out}`);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return bot;
}
