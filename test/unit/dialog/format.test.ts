import { describe, expect, it } from 'vitest';
import { splitMessage } from '../../../src/dialog/format/split-message.js';
import { formatIsoDate, formatLocalDate } from '../../../src/dialog/format/format-date.js';
import { shortenText } from '../../../src/dialog/format/shorten-text.js';
import { quoteSource } from '../../../src/dialog/compose/source-quote.js';
import { parseDetailPayload } from '../../../src/dialog/detail-buttons.js';
import { findCodes } from '../../../src/dialog/procedure-code.js';
import { parseMenuTap } from '../../../src/dialog/menu.js';

describe('splitMessage', () => {
  it('splits between blocks, never above the limit, buttons on the last message', () => {
    const blocks = Array.from({ length: 30 }, (_, i) => `${i + 1}. ${'giấy tờ '.repeat(12)}`);
    const msgs = splitMessage(blocks, [{ type: 'oa.query.show', title: 'A', payload: 'A' }], 500);
    expect(msgs.length).toBeGreaterThan(1);
    for (const m of msgs) expect(m.text.length).toBeLessThanOrEqual(500);
    expect(msgs.map((m) => m.text).join('\n')).toBe(blocks.filter(Boolean).join('\n'));
    expect(msgs.slice(0, -1).every((m) => !m.buttons)).toBe(true);
    expect(msgs[msgs.length - 1].buttons).toHaveLength(1);
  });

  it('cuts a single over-long block at a space', () => {
    const msgs = splitMessage(['từ '.repeat(1000)], [], 300);
    for (const m of msgs) expect(m.text.length).toBeLessThanOrEqual(300);
    expect(msgs.every((m) => !m.text.startsWith(' '))).toBe(true);
  });

  it('keeps at most 5 buttons', () => {
    const b = Array.from({ length: 7 }, (_, i) => ({ type: 'oa.query.show' as const, title: `${i}`, payload: `${i}` }));
    expect(splitMessage(['x'], b)[0].buttons).toHaveLength(5);
  });
});

describe('small formatters', () => {
  it('dates as dd/mm/yyyy in Asia/Ho_Chi_Minh', () => {
    expect(formatIsoDate('2026-12-31')).toBe('31/12/2026');
    // 20:00 UTC on the 31st is already 1 January in Việt Nam.
    expect(formatLocalDate(new Date('2026-12-31T20:00:00Z'))).toBe('01/01/2027');
  });

  it('shortens at a word boundary', () => {
    expect(shortenText('một hai ba bốn năm sáu bảy', 14)).toBe('một hai ba…');
    expect(shortenText('ngắn', 10)).toBe('ngắn');
  });

  it('drops the portal column value "Miễn phí" from a quote', () => {
    expect(quoteSource('Miễn phí(Mức lệ phí cụ thể do HĐND tỉnh quyết định.)')).toBe('“Mức lệ phí cụ thể do HĐND tỉnh quyết định.”');
  });

  it('reads detail payloads, codes and menu taps', () => {
    expect(parseDetailPayload('Lệ phí (1.001193)')).toEqual({ intent: 'ask_fee', code: '1.001193' });
    expect(parseDetailPayload('Nộp trực tuyến (1.001193)')).toEqual({ intent: 'ask_online', code: '1.001193' });
    expect(parseDetailPayload('Đăng ký khai sinh (1.001193)')).toBeUndefined();
    expect(findCodes('mã 1.001193 và 2.000815, không phải 11.0011930')).toEqual(['1.001193', '2.000815']);
    expect(parseMenuTap('Gặp cán bộ')).toBe('human_handoff');
    expect(parseMenuTap('tra cuu ho so')).toBe('dossier_status');
    expect(parseMenuTap('tra cứu hồ sơ giúp tôi với')).toBeUndefined();
  });
});
