/** The OA client's ZNS calls against the emulator's ZNS host: send, template info, quota, errors. */
import { afterEach, describe, expect, it } from 'vitest';
import { setup } from './oa-client-helpers.js';
import { OaApiError } from '../../../src/platform/zalo/oa-errors.js';
import type { ZnsMessage } from '../../../src/platform/zalo/messages.js';

const msg = (over: Partial<ZnsMessage> = {}): ZnsMessage => ({
  kind: 'zns',
  templateKey: '9',
  templateId: '401009',
  phone: '84987654321',
  data: { ma_ho_so: 'H12.1-0001', ten_thu_tuc: 'Đăng ký khai sinh', noi_nhan: 'Quầy số 3' },
  ...over,
});

describe('ZNS through the OA client and the emulator', () => {
  let env: Awaited<ReturnType<typeof setup>> | undefined;
  afterEach(async () => {
    await env?.emu.close();
    env = undefined;
  });

  it('sends a template to a phone with the tracking id, and keeps the quota of the answer', async () => {
    env = await setup();
    env.emu.setZnsQuota(10, 10);
    const r = await env.oa.sendZns(msg(), 'outbox-item-1');
    expect(r.msgId).not.toBe('');
    expect(r.quota).toEqual({ daily: 10, remaining: 9 });
    expect(env.oa.znsQuota()).toMatchObject({ daily: 10, remaining: 9 });
    const [sent] = env.emu.znsSent();
    expect(sent).toMatchObject({ phone: '84987654321', templateId: '401009', trackingId: 'outbox-item-1' });
    expect(sent.text).toContain('H12.1-0001');
    expect(sent.text).toContain('Quầy số 3');
  });

  it('reads template info: status and parameter names', async () => {
    env = await setup();
    const info = await env.oa.getZnsTemplateInfo('401009');
    expect(info.status).toBe('ENABLE');
    expect(info.params.sort()).toEqual(['ma_ho_so', 'noi_nhan', 'ten_thu_tuc']);
    env.emu.setZnsTemplateStatus('401009', 'DISABLE');
    expect((await env.oa.getZnsTemplateInfo('401009')).status).toBe('DISABLE');
  });

  it('answers ZNS errors as OaApiErrors: invalid phone, wrong data, disabled template, quota, injected', async () => {
    env = await setup();
    const code = async (m: ZnsMessage) => {
      try {
        await env!.oa.sendZns(m, 't');
        return 0;
      } catch (err) {
        expect(err).toBeInstanceOf(OaApiError);
        return (err as OaApiError).oaError;
      }
    };
    expect(await code(msg({ phone: '0987654321' }))).toBe(-108);
    expect(await code(msg({ data: { ma_ho_so: 'x' } }))).toBe(-112);
    env.emu.setZnsTemplateStatus('401009', 'DISABLE');
    expect(await code(msg())).toBe(-131);
    env.emu.setZnsTemplateStatus('401009', 'ENABLE');
    env.emu.setZnsQuota(5, 0);
    expect(await code(msg())).toBe(-144);
    env.emu.setZnsQuota(5, 5);
    env.emu.injectFault({ kind: 'api', endpoint: '/message/template', code: -115 });
    expect(await code(msg())).toBe(-115);
    expect(await code(msg())).toBe(0);
  });
});
