import { afterEach, describe, expect, it } from 'vitest';
import { setup } from './oa-client-helpers.js';
import { OaApiError } from '../../../src/platform/zalo/oa-errors.js';

describe('OA client against the emulator: sending', () => {
  let ctx: Awaited<ReturnType<typeof setup>>;
  afterEach(async () => ctx?.emu.close());

  it('sends a text consultation message and returns the OA message id', async () => {
    ctx = await setup();
    ctx.emu.setLastInteraction('u1', new Date());
    const r = await ctx.oa.sendConsultation('u1', { kind: 'text', text: 'Dạ, anh/chị cần hỏi thủ tục nào ạ?' });
    const out = ctx.emu.outbound('u1');
    expect(out).toHaveLength(1);
    expect(out[0].endpoint).toBe('/v3.0/oa/message/cs');
    expect(out[0].message).toEqual({ text: 'Dạ, anh/chị cần hỏi thủ tục nào ạ?' });
    expect(r.messageIds).toEqual([out[0].messageId]);
  });

  it('sends text with quick-reply buttons (no template_type)', async () => {
    ctx = await setup();
    ctx.emu.setLastInteraction('u1', new Date());
    await ctx.oa.sendConsultation('u1', {
      kind: 'text',
      text: 'Chọn một mục:',
      buttons: [
        { type: 'oa.query.show', title: 'Tra cứu hồ sơ', payload: '#tra_cuu' },
        { type: 'oa.open.url', title: 'Cổng dịch vụ công', payload: { url: 'https://dichvucong.gov.vn' } },
      ],
    });
    expect(ctx.emu.outbound()[0].message).toEqual({
      text: 'Chọn một mục:',
      attachment: {
        type: 'template',
        payload: {
          buttons: [
            { title: 'Tra cứu hồ sơ', type: 'oa.query.show', payload: '#tra_cuu' },
            { title: 'Cổng dịch vụ công', type: 'oa.open.url', payload: { url: 'https://dichvucong.gov.vn' } },
          ],
        },
      },
    });
  });

  it('splits a long text into several accepted messages, buttons on the last', async () => {
    ctx = await setup();
    ctx.emu.setLastInteraction('u1', new Date());
    const para = 'Hồ sơ gồm tờ khai và giấy tờ tùy thân. '.repeat(30).trim();
    const text = [para, para, para, para].join('\n\n');
    const r = await ctx.oa.sendConsultation('u1', {
      kind: 'text',
      text,
      buttons: [{ type: 'oa.query.hide', title: 'Xong', payload: '#xong' }],
    });
    const out = ctx.emu.outbound('u1');
    expect(out.length).toBeGreaterThan(1);
    expect(r.messageIds).toEqual(out.map((o) => o.messageId));
    expect(out.every((o) => (o.message.text as string).length <= 2000)).toBe(true);
    expect(out.slice(0, -1).every((o) => o.message.attachment === undefined)).toBe(true);
    expect(out[out.length - 1].message.attachment).toBeDefined();
    expect(out.map((o) => o.message.text).join('\n\n')).toBe(text);
  });

  it('sends a request_user_info template', async () => {
    ctx = await setup();
    ctx.emu.setLastInteraction('u1', new Date());
    await ctx.oa.sendConsultation('u1', { kind: 'request_user_info', title: 'Bộ phận Một cửa', subtitle: 'Xin chia sẻ số điện thoại', imageUrl: 'https://example.invalid/logo.png' });
    expect(ctx.emu.outbound()[0].message).toEqual({
      attachment: {
        type: 'template',
        payload: { template_type: 'request_user_info', elements: [{ title: 'Bộ phận Một cửa', subtitle: 'Xin chia sẻ số điện thoại', image_url: 'https://example.invalid/logo.png' }] },
      },
    });
  });

  it('sends a transaction message to a follower, and gets -213 for a non-follower', async () => {
    ctx = await setup();
    const msg = {
      kind: 'transaction' as const,
      templateType: 'transaction_order',
      header: 'Hồ sơ đã có kết quả',
      text: 'Dạ, hồ sơ của anh/chị đã có kết quả.\nMời anh/chị đến nhận.',
      table: [{ key: 'Mã hồ sơ', value: 'H12.34-250101-0001' }],
    };
    const err = await ctx.oa.sendTransaction('u2', msg).catch((e) => e);
    expect(err).toBeInstanceOf(OaApiError);
    expect(err.oaError).toBe(-213);
    ctx.emu.setFollower('u2', true);
    const r = await ctx.oa.sendTransaction('u2', msg);
    const out = ctx.emu.outbound('u2');
    expect(out).toHaveLength(1);
    expect(out[0].endpoint).toBe('/v3.0/oa/message/transaction');
    expect(r.messageIds).toEqual([out[0].messageId]);
    const payload = (out[0].message.attachment as { payload: Record<string, unknown> }).payload;
    expect(payload).toMatchObject({ template_type: 'transaction_order', language: 'VI' });
    expect(payload.elements).toEqual([
      { type: 'header', content: 'Hồ sơ đã có kết quả', align: 'left' },
      { type: 'text', content: 'Dạ, hồ sơ của anh/chị đã có kết quả.<br>Mời anh/chị đến nhận.', align: 'left' },
      { type: 'table', content: [{ key: 'Mã hồ sơ', value: 'H12.34-250101-0001' }] },
    ]);
  });

  it('gets -230 outside the 7-day window and does not retry', async () => {
    ctx = await setup();
    ctx.emu.setLastInteraction('u3', new Date(Date.now() - 8 * 24 * 3600 * 1000));
    const err = await ctx.oa.sendConsultation('u3', { kind: 'text', text: 'Xin chào' }).catch((e) => e);
    expect(err).toBeInstanceOf(OaApiError);
    expect(err.oaError).toBe(-230);
    expect(err.isOutsideWindow).toBe(true);
    expect(ctx.sleeps).toEqual([]);
    // A user the OA has never seen is outside the window too.
    const never = await ctx.oa.sendConsultation('nobody', { kind: 'text', text: 'Xin chào' }).catch((e) => e);
    expect(never.oaError).toBe(-230);
    expect(ctx.emu.outbound()).toHaveLength(0);
  });

  it('reads the user profile and the recent conversation', async () => {
    ctx = await setup();
    ctx.emu.setLastInteraction('u4', new Date('2026-03-05T10:00:00Z'));
    ctx.emu.setFollower('u4', true);
    const p = await ctx.oa.getUserProfile('u4');
    expect(p).toMatchObject({ lastInteractionDate: '2026-03-05', isFollower: true });
    expect(p.displayName).toBeTruthy();
    ctx.emu.setLastInteraction('u4', new Date());
    const sent = await ctx.oa.sendConsultation('u4', { kind: 'text', text: 'Tin thứ nhất' });
    const recent = await ctx.oa.getRecentMessages('u4', 5);
    expect(recent[0]).toMatchObject({ messageId: sent.messageIds[0], from: 'oa', text: 'Tin thứ nhất' });
  });
});
