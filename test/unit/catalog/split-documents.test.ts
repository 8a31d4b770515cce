import { describe, expect, it } from 'vitest';
import { splitDocuments } from '../../../src/catalog/split-documents.js';

const row = (ten_giay_to: string, so_ban_chinh = 1, so_ban_sao = 0, nhom: string | null = 'Giấy tờ phải nộp', mau_don: string | null = null) => ({
  nhom,
  ten_giay_to,
  mau_don,
  so_ban_chinh,
  so_ban_sao,
});

describe('splitDocuments', () => {
  it('keeps documents with counts and form, and moves notes to documentNotes', () => {
    const { documents, documentNotes } = splitDocuments([
      row('Tờ khai đăng ký khai sinh', 1, 0, 'Giấy tờ phải nộp', 'Mẫu tờ khai.doc'),
      row('Giấy chứng sinh', 1, 0),
      row('Trường hợp người yêu cầu đã nộp bản điện tử Giấy chứng sinh thì không phải nộp bản giấy.', 0, 0),
      row('Trường hợp đã có thông tin trong Cơ sở dữ liệu thì không phải xuất trình', 1, 0),
      row('Bản sao giấy phép lái xe', 0, 1, null),
      row('Các giấy tờ nộp phải còn hiệu lực', 1, 0, 'Lưu ý '),
      row('*Lưu ý: Khi nộp hồ sơ trực tuyến, công dân khai báo theo biểu mẫu điện tử.', 0, 0, null),
      row('Xuất trình Hộ chiếu, thẻ thường trú (đối với người nước ngoài).', 0, 0, null),
    ]);
    expect(documents).toEqual([
      { group: 'Giấy tờ phải nộp', name: 'Tờ khai đăng ký khai sinh', originals: 1, copies: 0, form: 'Mẫu tờ khai.doc' },
      { group: 'Giấy tờ phải nộp', name: 'Giấy chứng sinh', originals: 1, copies: 0, form: null },
      { group: '', name: 'Bản sao giấy phép lái xe', originals: 0, copies: 1, form: null },
      { group: '', name: 'Xuất trình Hộ chiếu, thẻ thường trú (đối với người nước ngoài).', originals: 0, copies: 0, form: null },
    ]);
    expect(documentNotes).toHaveLength(4);
    expect(documentNotes[0]).toMatch(/^Trường hợp người yêu cầu/);
  });

  it('keeps a conditional document that must be brought', () => {
    const { documents } = splitDocuments([row('Trường hợp trẻ em bị bỏ rơi thì phải có biên bản về việc trẻ bị bỏ rơi.', 1, 0)]);
    expect(documents).toHaveLength(1);
  });
});
