import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../src/config/load-config.js';
import { REPO_ROOT } from '../../../src/catalog/repo-paths.js';
import { makeTempDir } from '../../support/temp-dir.js';

let cleanup: (() => Promise<void>) | undefined;
afterEach(async () => cleanup?.());

async function fileWith(content: unknown): Promise<string> {
  const tmp = await makeTempDir('zns-config-');
  cleanup = tmp.remove;
  const f = path.join(tmp.dir, 'zns.json');
  writeFileSync(f, typeof content === 'string' ? content : JSON.stringify(content));
  return f;
}

describe('ZNS_TEMPLATES_FILE', () => {
  it('is off without the variable, on with the shipped example', () => {
    expect(loadConfig({}).znsTemplates).toBeUndefined();
    const c = loadConfig({ ZNS_TEMPLATES_FILE: path.join(REPO_ROOT, 'fixtures', 'zns-templates.example.json') });
    expect(Object.keys(c.znsTemplates!).sort()).toEqual(['2', '5', '6', '9', 'delay', 'otp']);
    expect(c.ZALO_ZNS_URL).toBe('https://business.openapi.zalo.me');
  });

  it('lists every problem: bad key, unknown field, otp misuse, unreadable file', async () => {
    const problems = (content: unknown) =>
      fileWith(content).then((f) => {
        try {
          loadConfig({ ZNS_TEMPLATES_FILE: f });
          return '';
        } catch (e) {
          expect(e).toBeInstanceOf(ConfigError);
          return (e as ConfigError).problems.join('\n');
        }
      });
    const shape = await problems({ x: { templateId: '1', params: { a: 'code' } }, '9': { templateId: '', params: { a: 'nope' } } });
    expect(shape).toContain('x: key must be a status code');
    expect(shape).toContain('9.templateId');
    expect(shape).toContain('9.params.a: must be one of');
    const otp = await problems({ otp: { templateId: '3', params: { a: 'code' } }, '5': { templateId: '4', params: { a: 'otp' } } });
    expect(otp).toContain('otp.params: the otp template must map');
    expect(otp).toContain('5.params: only the otp template');
    expect(() => loadConfig({ ZNS_TEMPLATES_FILE: '/nonexistent/zns.json' })).toThrow(/cannot read/);
  });
});
