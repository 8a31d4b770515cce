import { describe, expect, it } from 'vitest';
import { MAX_READ_CHARS, readablePrefix, squeezeSpace } from '../../../src/nlu/message-limits.js';

describe('readablePrefix', () => {
  it('keeps a message of normal length whole, NFC, white space squeezed', () => {
    const decomposed = 'đăng ký kết hôn'.normalize('NFD');
    expect(readablePrefix(`  ${decomposed}   ở đâu\t\tạ `)).toEqual({ text: ' đăng ký kết hôn ở đâu ạ ', truncated: false });
  });

  it('cuts a long message between words and says so', () => {
    const words = 'làm căn cước ở đâu '.repeat(60);
    const r = readablePrefix(words);
    expect(r.truncated).toBe(true);
    expect(r.text.length).toBeLessThanOrEqual(MAX_READ_CHARS);
    expect(r.text.length).toBeGreaterThan(MAX_READ_CHARS - 60);
    expect(words.startsWith(r.text)).toBe(true);
    expect(words[r.text.length]).toBe(' ');
  });

  it('cuts a word longer than the limit at the limit, never inside an emoji', () => {
    expect(readablePrefix('a'.repeat(5000)).text).toBe('a'.repeat(MAX_READ_CHARS));
    const emoji = readablePrefix(`x${'😀'.repeat(1000)}`).text;
    expect(emoji.length).toBe(MAX_READ_CHARS - 1);
    expect(emoji.endsWith('😀')).toBe(true);
  });

  it('does not count white space as unread', () => {
    expect(readablePrefix(`làm hộ chiếu${' '.repeat(10_000)}`).truncated).toBe(false);
    expect(readablePrefix(`làm hộ chiếu${' '.repeat(10_000)}ở đâu`)).toEqual({ text: 'làm hộ chiếu ở đâu', truncated: false });
    expect(readablePrefix(`${'x '.repeat(MAX_READ_CHARS)}\n\n\n   `).truncated).toBe(true);
  });

  it('reads decomposed text by its composed length', () => {
    const nfd = 'thủ tục đăng ký thường trú '.repeat(20).normalize('NFD');
    expect(nfd.length).toBeGreaterThan(MAX_READ_CHARS);
    expect(readablePrefix(nfd).truncated).toBe(false);
  });
});

describe('squeezeSpace', () => {
  it('keeps a clause break: a run with a newline becomes one newline', () => {
    expect(squeezeSpace('a  b \n\n c\t\td\ne')).toBe('a b\nc d\ne');
  });
});
