/** The one-time code by ZNS as the strong proof, and a stranger who cannot lock the owner out. */
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { handleDossierIntent, handleDossierPending, handleSharedInfo } from '../../../src/dossiers/chat/dossier-dialog.js';
import { REPO_ROOT } from '../../../src/catalog/repo-paths.js';
import type { ZnsMessage } from '../../../src/platform/zalo/messages.js';
import { makeTestServices, runTurn, sampleDossier, textOf } from './make-test-services.js';

const code = '000.00.12.H12-250124-0001';
let services: ReturnType<typeof makeTestServices>;

beforeEach(async () => {
  services = makeTestServices(new Date('2025-01-24T09:00:00+07:00'), { ZNS_TEMPLATES_FILE: path.join(REPO_ROOT, 'fixtures', 'zns-templates.example.json') });
  await services.store.tx((t) => t.putDossier(sampleDossier()));
});

const lookUp = (userId: string, c = code) => runTurn(services, userId, `Tra cứu hồ sơ ${c}`, (ctx) => handleDossierIntent(ctx, 'dossier_status'));
const answer = (userId: string, text: string) =>
  runTurn(services, userId, text, async (ctx) => {
    const handled = await handleDossierPending(ctx, ctx.state.pending!);
    if (!handled && ctx.state.pending) ctx.state.pending = undefined;
    return handled;
  });
const otpItems = () => services.store.tx(async (t) => (await t.listOutbox({ limit: 100 })).filter((i) => i.dedupeKey.startsWith('otp:')));
const lastOtp = async () => ((await otpItems()).at(-1)!.parts[0] as ZnsMessage).data.otp;

describe('one-time code by ZNS', () => {
  it('sends a 6-digit code by the OTP template to the phone on the dossier; entering it shows the status with the name', async () => {
    const asked = await lookUp('owner');
    expect(textOf(asked.replies)).toContain('mã xác minh gồm 6 số');
    expect(textOf(asked.replies)).not.toContain('4 số cuối');
    expect(asked.ctx.state.pending).toEqual({ kind: 'otp', code, then: 'status' });
    const [item] = await otpItems();
    expect(item.parts[0]).toMatchObject({ kind: 'zns', templateKey: 'otp', templateId: '401100', phone: '84912345678' });
    expect(item.userId).toBe(`zns-otp:${code}`);
    const otp = await lastOtp();
    expect(otp).toMatch(/^\d{6}$/);
    const shown = await answer('owner', otp);
    expect(textOf(shown.replies)).toContain('Nguyễn V** A');
    expect(shown.ctx.state.verifiedCodes).toEqual([code]);
  });

  it('answers an unknown code exactly like a real one, and sends nothing for it', async () => {
    const real = await lookUp('a');
    const unknownCode = '000.00.12.H12-250124-0999';
    const unknown = await lookUp('b', unknownCode);
    expect(textOf(real.replies).replace(code, 'X')).toBe(textOf(unknown.replies).replace(unknownCode, 'X'));
    expect(await otpItems()).toHaveLength(1);
    expect(textOf((await answer('a', '000000')).replies)).toBe(textOf((await answer('b', '000000')).replies));
  });

  it("a stranger's five wrong codes lock only the stranger: the owner enters the code, or shares the phone, and sees the status at once", async () => {
    await lookUp('stranger');
    const replies: string[] = [];
    for (let i = 0; i < 5; i++) replies.push(textOf((await answer('stranger', `11111${i}`)).replies));
    expect(replies.slice(0, 4).every((r) => r.includes('mã xác minh chưa đúng'))).toBe(true);
    expect(replies[4]).toContain('tài khoản Zalo này đã nhập sai thông tin xác minh 5 lần');
    expect(replies[4]).not.toContain('quá 5');
    // Even the right code is refused to the locked account.
    expect(textOf((await answer('stranger', await lastOtp())).replies)).toContain('tài khoản Zalo này');

    await lookUp('owner');
    const shown = await answer('owner', await lastOtp());
    expect(textOf(shown.replies)).toContain('Nguyễn V** A');

    await lookUp('owner-2');
    const shared = await runTurn(services, 'owner-2', '', (ctx) => handleSharedInfo(ctx), { sharedPhone: '0912345678', eventKind: 'user_submit_info' });
    expect(textOf(shared.replies)).toContain('Nguyễn V** A');
  });

  it('sends at most OTP_MAX_SENDS_PER_HOUR codes per dossier; the codes already sent still work', async () => {
    for (const u of ['x1', 'x2', 'x3']) await lookUp(u);
    const first = ((await otpItems())[0].parts[0] as ZnsMessage).data.otp;
    const limited = await lookUp('owner');
    expect(textOf(limited.replies)).toContain('chưa gửi thêm');
    expect(await otpItems()).toHaveLength(3);
    expect(textOf((await answer('owner', first)).replies)).toContain('Nguyễn V** A');
  });
});
