import { describe, expect, it } from 'vitest';
import { parseFee } from '../../../src/catalog/parse-fee.js';

describe('parseFee', () => {
  it('trusts the note over a numeric column off by ×1000 ("135 VNĐ" → 135.000 đồng)', () => {
    const { fee } = parseFee('135 VNĐ(Lệ phí cấp giấy phép lái xe: 135.000 đồng/lần.)', 'truc_tiep');
    expect(fee.kind).toBe('amount');
    expect(fee.amounts).toEqual([{ amountVnd: 135_000, label: 'Lệ phí cấp giấy phép lái xe', per: 'lần' }]);
    expect(fee.raw).toBe('135 VNĐ(Lệ phí cấp giấy phép lái xe: 135.000 đồng/lần.)');
  });

  it('refuses to state a bare small amount the note does not confirm ("1200 VNĐ")', () => {
    const { fee } = parseFee('1200 VNĐ', 'truc_tiep');
    expect(fee.kind).toBe('unknown');
    expect(fee.amounts).toEqual([]);
    expect(fee.note).toContain('1200 VNĐ');
  });

  it('reads "50,000 Việt Nam Đồng(/văn bản)" as 50.000 đồng per văn bản', () => {
    const { fee } = parseFee('50,000 Việt Nam Đồng(/văn bản)', 'truc_tiep');
    expect(fee).toMatchObject({ kind: 'amount', amounts: [{ amountVnd: 50_000, per: 'văn bản' }] });
    expect(fee.note).toBeUndefined();
  });

  it('never calls a fee set by the provincial council free', () => {
    const raw =
      'Miễn phí(Mức lệ phí cụ thể do Hội đồng nhân dân tỉnh, thành phố trực thuộc Trung ương quyết định. Miễn lệ phí cho người thuộc hộ nghèo.)';
    expect(parseFee(raw, 'truc_tiep').fee.kind).toBe('set_by_province');
    expect(parseFee('Miễn phí(Theo quy định của Hội đồng nhân dân cấp tỉnh.)', 'truc_tiep').fee.kind).toBe('set_by_province');
    const withAmount = parseFee('150,000 Việt Nam Đồng(- Mức lệ phí cụ thể do Hội đồng nhân dân tỉnh quyết định.)', 'truc_tiep').fee;
    expect(withAmount).toMatchObject({ kind: 'set_by_province', amounts: [] });
    expect(withAmount.note).toContain('150,000 Việt Nam Đồng');
  });

  it('separates free, per-regulation and unknown', () => {
    expect(parseFee('Miễn phí', 'truc_tiep').fee).toMatchObject({ kind: 'free', amounts: [] });
    expect(parseFee('Miễn phí(Không quy định.)', 'truc_tiep').fee).toMatchObject({ kind: 'free', note: 'Không quy định lệ phí.' });
    expect(
      parseFee('Miễn phí(Theo quy định của Luật phí và lệ phí và các văn bản quy phạm pháp luật hướng dẫn Luật phí và lệ phí.)', 'truc_tiep')
        .fee.kind,
    ).toBe('per_regulation');
    expect(parseFee('Miễn phí(Miễn lệ phí cho người thuộc hộ nghèo; người khuyết tật.)', 'truc_tiep').fee.kind).toBe('per_regulation');
    expect(parseFee('Không có thông tin', 'truc_tiep').fee.kind).toBe('unknown');
    expect(parseFee(null, 'truc_tiep').fee).toMatchObject({ kind: 'unknown', raw: '' });
  });

  it('moves timing and how-to text that follows the fee into description', () => {
    const parsed = parseFee('Miễn phí02 ngày làm việc, kể từ ngày nhận được Tờ khai.', 'truc_tiep');
    expect(parsed.fee.kind).toBe('free');
    expect(parsed.description).toBe('02 ngày làm việc, kể từ ngày nhận được Tờ khai.');
    const misplaced = parseFee('Miễn phí(Cách thức thực hiện : Gửi hồ sơ trực tiếp. Thời hạn giải quyết : 15 ngày.)', 'truc_tiep');
    expect(misplaced.fee.kind).toBe('free');
    expect(misplaced.description).toContain('Cách thức thực hiện');
  });

  it('keeps a time-limited reduction with its dates, and only on the channel it is for', () => {
    const raw =
      'Miễn phí(- Lệ phí cấp giấy phép lái xe: 135.000 đồng/lần. - Trường hợp tổ chức, cá nhân nộp hồ sơ theo hình thức trực tuyến: Kể từ ngày 01/12/2023 đến hết ngày 31/12/2025, áp dụng mức thu lệ phí là 115.000 đồng/lần cấp.)';
    const online = parseFee(raw, 'truc_tuyen').fee;
    expect(online.kind).toBe('amount');
    expect(online.amounts[1]).toMatchObject({ amountVnd: 115_000, validFrom: '2023-12-01', validUntil: '2025-12-31', reduces: 135_000 });
    expect(parseFee(raw, 'truc_tiep').fee.amounts.map((a) => a.amountVnd)).toEqual([135_000]);
  });

  it('turns "bằng 50% mức thu nêu trên" into a dated half amount (căn cước)', () => {
    const raw =
      '50,000 Việt Nam Đồng(- Cấp đổi thẻ căn cước: 50.000 đồng/thẻ căn cước; - Kể từ ngày 01/7/2025 đến hết ngày 31/12/2026 mức thu lệ phí cấp đổi, cấp lại thẻ căn cước bằng 50% mức thu nêu trên theo quy định tại Thông tư số 64/2025/TT-BTC.)';
    const { amounts } = parseFee(raw, 'truc_tiep').fee;
    expect(amounts).toEqual([
      { amountVnd: 50_000, label: 'Cấp đổi thẻ căn cước', per: 'thẻ căn cước' },
      { amountVnd: 25_000, label: 'Cấp đổi thẻ căn cước', per: 'thẻ căn cước', validFrom: '2025-07-01', validUntil: '2026-12-31', reduces: 50_000 },
    ]);
  });

  it('keeps several amounts for different cases with their labels', () => {
    const raw =
      '200,000 Việt Nam Đồng(200.000đ/ hộ chiếu. Trường hợp cấp lại do bị hỏng hoặc bị mất: 400.000đ/hộ chiếu (Thông tư số 25/2021/TT-BTC ngày 07/4/2021 của Bộ Tài chính).)';
    const { amounts } = parseFee(raw, 'truc_tiep').fee;
    expect(amounts).toEqual([
      { amountVnd: 200_000, per: 'hộ chiếu' },
      { amountVnd: 400_000, label: 'Trường hợp cấp lại do bị hỏng hoặc bị mất', per: 'hộ chiếu' },
    ]);
  });

  it('reads "5000 đồng" without a thousands dot, and drops the verb from the label', () => {
    const { fee } = parseFee('5,000 Việt Nam Đồng(Trường hợp công dân nộp hồ sơ qua cổng dịch vụ công trực tuyến thu 5000 đồng/lần đăng ký;)', 'truc_tuyen');
    expect(fee.amounts).toEqual([{ amountVnd: 5000, label: 'Trường hợp công dân nộp hồ sơ qua cổng dịch vụ công trực tuyến', per: 'lần đăng ký' }]);
    // Dates and article numbers are not amounts.
    expect(parseFee('20,000 Việt Nam Đồng(Theo Điều 4 Thông tư số 75/2022/TT-BTC ngày 22/12/2022.)', 'truc_tiep').fee.amounts).toEqual([
      { amountVnd: 20_000 },
    ]);
  });

  it('keeps a foreign-currency fee apart from đồng amounts', () => {
    const { fee } = parseFee('10 USD(/bản)Tại cơ quan đại diện: 10 USD/bản.', 'truc_tiep');
    expect(fee).toMatchObject({ kind: 'amount', amounts: [], foreignAmounts: [{ amount: 10, currency: 'USD', per: 'bản' }] });
  });
});
