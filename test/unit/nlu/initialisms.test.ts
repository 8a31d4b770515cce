import { describe, expect, it } from 'vitest';
import { TOKEN_EXPANSIONS, learnInitialisms } from '../../../src/nlu/chat-abbreviations.js';
import { normalizeBasic } from '../../../src/nlu/normalize.js';

// Made-up names: what matters is that the words come from the names, not from the data file.
describe('abbreviations made of the initials of catalog name words', () => {
  it('reads the words from the names, the run said most often', () => {
    learnInitialisms(['Đăng ký Lịch luyện tập phòng cháy', 'Gia hạn lịch luyện tập phòng cháy', 'Lấy lại thẻ phép']);
    expect(TOKEN_EXPANSIONS['lltp']).toBe('lịch luyện tập phòng');
    // "ltp" is said for the same words.
    expect(TOKEN_EXPANSIONS['ltp']).toBe('lịch luyện tập phòng');
    expect(normalizeBasic('xin ltp ở đâu').normalized).toBe('xin lịch luyện tập phòng ở đâu');
  });
});
