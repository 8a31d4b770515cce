/**
 * Yes/no questions read from the folded text with the cue words of intents/cues/yes-no.txt:
 * a question tail at the end, no question word, and the topic asked.
 */
import { describe, expect, it } from 'vitest';
import { createYesNoReader } from '../../../src/nlu/read-yes-no.js';
import { foldDiacritics } from '../../../src/nlu/fold-diacritics.js';

const reader = createYesNoReader();
const read = (text: string) => reader.read(foldDiacritics(text.toLowerCase()).replace(/[?]/g, ''), text);

describe('yes/no questions', () => {
  it.each([
    ['giấy khai sinh làm lại có tốn tiền không', 'charged'],
    ['nộp qua mạng thì có phải đóng phí ko ạ', 'charged'],
    ['đi làm hộ chiếu có phải mang giấy tờ gốc không', 'originals'],
    ['bản sao sổ đỏ có cần chứng thực không vậy', 'certified'],
    ['đổi căn cước ra phường làm được hông', 'commune'],
    ['xin giấy phép xây dựng lên tỉnh nộp được không ad', 'province'],
    ['cấp bản sao trích lục làm trên vneid được không', 'online'],
    ['chứng minh nhân dân cũ còn giá trị không', 'validity'],
    ['thủ tục ly hôn có phức tạp không', null],
  ])('"%s" asks %s', (text, topic) => {
    expect(read(text)?.topic).toBe(topic);
  });

  it.each([
    'lệ phí cấp hộ chiếu hết bao nhiêu vậy không', // a question word: not yes/no
    'làm giấy phép lái xe ở đâu',
    'thủ tục chuyển hộ khẩu cần gì',
    'không biết làm căn cước thế nào',
    'không',
  ])('"%s" is not a yes/no question', (text) => {
    expect(read(text)).toBeNull();
  });

  it('quotes the question back without its lead-in and tail', () => {
    expect(read('Cho em hỏi chứng minh thư cũ còn dùng được không ạ?')?.subject).toBe('chứng minh thư cũ còn dùng được');
  });
});
