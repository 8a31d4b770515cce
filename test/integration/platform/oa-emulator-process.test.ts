import { afterEach, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { startWebhookSink } from './webhook-sink.js';

const ROOT = path.resolve(import.meta.dirname, '../../..');

function startEmulatorProcess(env: Record<string, string>): Promise<{ child: ChildProcess; vars: Record<string, string> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/platform/zalo/emulator/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`emulator did not start: ${out}`)), 20_000);
    child.stdout!.on('data', (d) => {
      out += String(d);
      if (out.includes('control API')) {
        clearTimeout(timer);
        const vars = Object.fromEntries([...out.matchAll(/^\s+([A-Z_]+)=(\S+)$/gm)].map((m) => [m[1], m[2]]));
        resolve({ child, vars });
      }
    });
    child.stderr!.on('data', (d) => (out += String(d)));
    child.once('exit', (code) => reject(new Error(`emulator exited ${code}: ${out}`)));
  });
}

describe('npm run oa-emulator (a separate process)', () => {
  let child: ChildProcess | undefined;
  afterEach(() => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
  });

  it('prints its URL and secrets, is driven over HTTP, posts signed events, and stops on SIGTERM', async () => {
    const sink = await startWebhookSink('oa-secret-from-env');
    try {
      const started = await startEmulatorProcess({ OA_EMULATOR_PORT: '0', BOT_WEBHOOK_URL: sink.url, ZALO_OA_SECRET_KEY: 'oa-secret-from-env' });
      child = started.child;
      const url = started.vars.ZALO_OPENAPI_URL;
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(started.vars.ZALO_OA_SECRET_KEY).toBe('oa-secret-from-env');

      const res = await fetch(`${url}/_emulator/users/u42/says`, { method: 'POST', body: JSON.stringify({ text: 'Xin chào' }) });
      expect(((await res.json()) as { status: number }).status).toBe(200);
      expect(sink.received).toHaveLength(1);
      expect(sink.received[0].signatureOk).toBe(true);
      expect(sink.received[0].json.app_id).toBe(started.vars.ZALO_APP_ID);

      // The bot side (another process) can send with the printed token.
      const send = await fetch(`${url}/v3.0/oa/message/cs`, {
        method: 'POST',
        headers: { access_token: started.vars.ZALO_ACCESS_TOKEN, 'content-type': 'application/json' },
        body: JSON.stringify({ recipient: { user_id: 'u42' }, message: { text: 'Dạ' } }),
      });
      expect(((await send.json()) as { error: number }).error).toBe(0);
      const out = (await (await fetch(`${url}/_emulator/outbound?userId=u42`)).json()) as unknown[];
      expect(out).toHaveLength(1);

      const exited = new Promise<number | null>((r) => child!.once('exit', (code) => r(code)));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    } finally {
      await sink.close();
    }
  });
});
