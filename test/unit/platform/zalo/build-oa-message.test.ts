import { describe, expect, it } from 'vitest';
import { buildConsultationMessages, buildTransactionMessage, MAX_BUTTON_TITLE, splitOutMessage } from '../../../../src/platform/zalo/build-oa-message.js';
import type { OaButton } from '../../../../src/platform/zalo/messages.js';

const btn = (i: number): OaButton => ({ type: 'oa.query.show', title: `Mục ${i}`, payload: `#m${i}` });

describe('buildConsultationMessages', () => {
  it('plain text is {text}', () => {
    expect(buildConsultationMessages({ kind: 'text', text: 'Dạ' })).toEqual({ messages: [{ text: 'Dạ' }], warnings: [] });
  });

  it('keeps at most 5 buttons and trims long titles, with warnings', () => {
    const long = 'Đăng ký nhận thông báo kết quả hồ sơ qua Zalo ngay bây giờ';
    const b = buildConsultationMessages({ kind: 'text', text: 'Chọn', buttons: [{ ...btn(0), title: `  ${long}  ` }, btn(1), btn(2), btn(3), btn(4), btn(5)] });
    const buttons = (b.messages[0].attachment as { payload: { buttons: { title: string }[] } }).payload.buttons;
    expect(buttons).toHaveLength(5);
    expect(buttons[0].title.length).toBeLessThanOrEqual(MAX_BUTTON_TITLE);
    expect(buttons[0].title.endsWith('…')).toBe(true);
    expect(buttons[1]).toEqual({ title: 'Mục 1', type: 'oa.query.show', payload: '#m1' });
    expect(b.warnings).toHaveLength(2);
  });

  it('request_user_info has one element', () => {
    const b = buildConsultationMessages({ kind: 'request_user_info', title: 'T', subtitle: 'S', imageUrl: 'https://x.invalid/a.png' });
    expect(b.messages).toEqual([
      { attachment: { type: 'template', payload: { template_type: 'request_user_info', elements: [{ title: 'T', subtitle: 'S', image_url: 'https://x.invalid/a.png' }] } } },
    ]);
  });
});

describe('buildTransactionMessage', () => {
  it('omits an empty table and carries buttons', () => {
    const m = buildTransactionMessage({ kind: 'transaction', templateType: 'transaction_order', header: 'H', text: 'a\nb', table: [], buttons: [btn(1)] });
    const payload = (m.attachment as { payload: Record<string, unknown> }).payload;
    expect(payload.elements).toEqual([
      { type: 'header', content: 'H', align: 'left' },
      { type: 'text', content: 'a<br>b', align: 'left' },
    ]);
    expect(payload.buttons).toEqual([{ title: 'Mục 1', type: 'oa.query.show', payload: '#m1' }]);
    expect(payload.language).toBe('VI');
  });
});

describe('splitOutMessage', () => {
  it('splits a long text OutMessage into one OutMessage per OA call, buttons last', () => {
    const text = 'câu trả lời rất dài. '.repeat(200);
    const parts = splitOutMessage({ kind: 'text', text, buttons: [btn(1)] });
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.slice(0, -1).every((p) => p.kind === 'text' && !p.buttons)).toBe(true);
    expect(parts[parts.length - 1]).toMatchObject({ buttons: [btn(1)] });
    for (const p of parts) expect(buildConsultationMessages(p as never).messages).toHaveLength(1);
  });
});
