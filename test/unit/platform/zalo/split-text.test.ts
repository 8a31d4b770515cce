import { describe, expect, it } from 'vitest';
import { splitText } from '../../../../src/platform/zalo/split-text.js';

const words = (s: string) => s.split(/\s+/).filter(Boolean);

describe('splitText', () => {
  it('leaves text within the limit alone (including exactly the limit)', () => {
    expect(splitText('Xin chào')).toEqual(['Xin chào']);
    const exact = 'a'.repeat(2000);
    expect(splitText(exact)).toEqual([exact]);
    expect(splitText('')).toEqual(['']);
  });

  it('prefers paragraph breaks', () => {
    const p1 = 'Bước 1. ' + 'chuẩn bị hồ sơ '.repeat(80);
    const p2 = 'Bước 2. ' + 'nộp hồ sơ '.repeat(80);
    const parts = splitText(`${p1.trim()}\n\n${p2.trim()}`, 2000);
    expect(parts).toEqual([p1.trim(), p2.trim()]);
  });

  it('falls back to line, then sentence, then word boundaries', () => {
    expect(splitText('dòng một dài\ndòng hai', 15)).toEqual(['dòng một dài', 'dòng hai']);
    expect(splitText('Câu một đây. Câu hai nữa', 16)).toEqual(['Câu một đây.', 'Câu hai nữa']);
    expect(splitText('một hai ba bốn năm sáu', 10)).toEqual(['một hai ba', 'bốn năm', 'sáu']);
    expect(splitText('một hai ba bốn năm sáu', 9)).toEqual(['một hai', 'ba bốn', 'năm sáu']);
  });

  it('never cuts inside a word unless the word alone is longer than the limit', () => {
    const text = Array.from({ length: 900 }, (_, i) => `từ${i}`).join(' ');
    const parts = splitText(text, 2000);
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) expect(p.length).toBeLessThanOrEqual(2000);
    expect(parts.flatMap(words)).toEqual(words(text));
    expect(splitText('x'.repeat(25), 10)).toEqual(['x'.repeat(10), 'x'.repeat(10), 'x'.repeat(5)]);
  });

  it('does not leave a tiny first part when a weaker boundary fills more', () => {
    const text = 'Mở đầu\n\n' + 'nội dung dài '.repeat(200);
    const parts = splitText(text, 1000);
    expect(parts[0].length).toBeGreaterThan(500);
  });

  it('does not split a surrogate pair on a hard cut', () => {
    const text = 'a'.repeat(9) + '😀' + 'b'.repeat(5);
    const parts = splitText(text, 10);
    expect(parts.join('')).toBe(text);
    const lone = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
    for (const p of parts) expect(lone.test(p)).toBe(false);
  });

  it('keeps all content (modulo whitespace at cuts) and respects the limit on mixed text', () => {
    const para = 'Hồ sơ gồm: tờ khai; bản sao giấy tờ. Lệ phí 135.000 đồng!\nThời hạn 5 ngày làm việc? ';
    const text = Array.from({ length: 60 }, () => para).join('\n\n');
    const parts = splitText(text);
    for (const p of parts) {
      expect(p.length).toBeLessThanOrEqual(2000);
      expect(p).toBe(p.trim());
    }
    expect(parts.flatMap(words)).toEqual(words(text));
  });
});
