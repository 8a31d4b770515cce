/**
 * Local mode is asked for, never a silent fallback in production; the public
 * local keys are refused outside local mode; local mode stays on loopback
 * unless HOST says otherwise.
 */
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../src/config/load-config.js';
import { isLoopbackHost, isTrustedLocal } from '../../../src/config/is-loopback-host.js';

const OA = { ZALO_APP_ID: '123', ZALO_OA_SECRET_KEY: 'oa-secret', ZALO_ACCESS_TOKEN: 'at' };

function problems(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as Error).message;
  }
  throw new Error('expected a ConfigError');
}

describe('run mode', () => {
  it('without OA credentials outside production: local mode on loopback with the documented keys', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ localMode: true, HOST: '127.0.0.1', ADMIN_TOKEN: 'local-admin', INGEST_API_KEY: 'local-ingest' });
    expect(isTrustedLocal(c)).toBe(true);
    expect(loadConfig({ NODE_ENV: 'development' }).localMode).toBe(true);
  });

  it('NODE_ENV=production without credentials refuses, naming every missing variable and the way to local mode', () => {
    const msg = problems({ NODE_ENV: 'production' });
    expect(msg).toContain('ZALO_APP_ID, ZALO_OA_SECRET_KEY, ZALO_ACCESS_TOKEN: required (NODE_ENV=production');
    expect(msg).toContain('LOCAL_MODE=1');
    expect(problems({ NODE_ENV: 'Production', ZALO_OA_SECRET_KEY: 's' })).toContain('ZALO_APP_ID, ZALO_ACCESS_TOKEN: required');
  });

  it('LOCAL_MODE=1 runs local mode on purpose, also in production; LOCAL_MODE=0 asks for a real OA', () => {
    for (const flag of ['1', 'true', 'YES', 'on']) expect(loadConfig({ NODE_ENV: 'production', LOCAL_MODE: flag }).localMode).toBe(true);
    expect(problems({ LOCAL_MODE: 'false' })).toContain('required (LOCAL_MODE=0 asks for a real Zalo OA)');
    expect(problems({ LOCAL_MODE: 'maybe' })).toContain('LOCAL_MODE: expected one of');
    expect(problems({ ...OA, LOCAL_MODE: '1' })).toContain('LOCAL_MODE: set together with ZALO_APP_ID');
    expect(loadConfig({ LOCAL_MODE: '' }).localMode).toBe(true);
  });

  it('local mode listens where HOST says; the keys are shown to pages only on loopback', () => {
    const open = loadConfig({ LOCAL_MODE: '1', HOST: '0.0.0.0' });
    expect(open).toMatchObject({ localMode: true, HOST: '0.0.0.0', ADMIN_TOKEN: 'local-admin' });
    expect(isTrustedLocal(open)).toBe(false);
    expect(isTrustedLocal(loadConfig({ HOST: '::1' }))).toBe(true);
  });

  it('outside local mode: all interfaces by default, no default keys, and the public local keys are refused', () => {
    const c = loadConfig({ NODE_ENV: 'production', ...OA });
    expect(c).toMatchObject({ localMode: false, HOST: '0.0.0.0', ADMIN_TOKEN: undefined, INGEST_API_KEY: undefined });
    expect(isTrustedLocal({ ...c, HOST: '127.0.0.1' })).toBe(false);
    const msg = problems({ ...OA, ADMIN_TOKEN: 'local-admin', INGEST_API_KEY: 'local-ingest' });
    expect(msg).toContain("ADMIN_TOKEN: 'local-admin' is the public local-mode default");
    expect(msg).toContain("INGEST_API_KEY: 'local-ingest' is the public local-mode default");
  });

  it('lists every problem in one message', () => {
    const msg = problems({ NODE_ENV: 'production', PORT: '70000', ADMIN_TOKEN: 'local-admin', ZALO_REFRESH_TOKEN: 'rt' });
    for (const name of ['PORT', 'ZALO_APP_ID', 'ADMIN_TOKEN', 'ZALO_APP_SECRET_KEY']) expect(msg).toContain(name);
  });
});

describe('isLoopbackHost', () => {
  it('knows loopback from everything else', () => {
    for (const h of ['127.0.0.1', '127.1.2.3', 'localhost', '::1', '[::1]', '::ffff:127.0.0.1']) expect(isLoopbackHost(h)).toBe(true);
    for (const h of ['0.0.0.0', '::', '10.0.0.5', 'bot.example.vn', '128.0.0.1']) expect(isLoopbackHost(h)).toBe(false);
  });
});
