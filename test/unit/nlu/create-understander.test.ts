import { beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../../src/catalog/load-catalog.js';
import { createUnderstander } from '../../../src/nlu/create-understander.js';
import type { Understander } from '../../../src/nlu/nlu-types.js';

// Fresh sentences written for this test (not from ../shared/eval).
let nlu: Understander;
beforeAll(async () => {
  nlu = createUnderstander(await loadCatalog());
});

const code = (text: string) => nlu.understand(text).procedure?.code ?? null;

describe('intents', () => {
  it.each([
    ['chào ad buổi tối', 'greeting'],
    ['bot này giúp mình được những việc gì', 'help'],
    ['con gái em mới đẻ, làm khai sinh cần chuẩn bị gì', 'ask_documents'],
    ['đăng ký thường trú tốn bao nhiêu tiền vậy', 'ask_fee'],
    ['lý lịch tư pháp mấy ngày thì có', 'ask_duration'],
    ['đổi bằng lái thì nộp chỗ nào', 'ask_location'],
    ['làm hộ chiếu qua mạng được không', 'ask_online'],
    ['đăng ký tạm trú', 'procedure_info'],
    ['hồ sơ của ba tôi giờ tới bước nào rồi', 'dossier_status'],
    ['có kết quả thì báo qua zalo cho em nhé', 'subscribe'],
    ['thôi đừng gửi thông báo cho tôi nữa', 'unsubscribe'],
    ['cho tôi nói chuyện với cán bộ thật', 'human_handoff'],
    ['tôi muốn góp ý về thái độ phục vụ', 'feedback'],
    ['ok cảm ơn ad nha', 'thanks'],
    ['tối nay đội tuyển đá mấy giờ', 'out_of_scope'],
  ])('%s -> %s', (text, intent) => {
    expect(nlu.understand(text).intent).toBe(intent);
  });
});

describe('procedure retrieval', () => {
  it('finds common procedures however they are asked (accents or not, teen code, typos)', () => {
    expect(code('lam giay khai sinh cho be')).toBe('1.001193');
    expect(code('đk kết hôn')).toBe('1.000894');
    expect(code('ddang kys kets hoon')).toBe('1.000894');
    expect(code('nhập hộ khẩu về nhà vợ')).toBe('1.004222');
    expect(code('tach thua dat')).toBe('1.012784');
    expect(code('xin cấp sổ hồng lần đầu')).toBe('1.013978');
  });

  it('prefers the commune level and keeps the other levels as candidates', () => {
    const r = nlu.understand('cấp lại căn cước');
    expect(r.procedure?.code).toBe('1.014064');
    const others = r.candidates.map((c) => c.code);
    expect(others).toContain('2.001194');
    expect(others).toContain('1.000757');
  });

  it('chooses a variant only when the message says so', () => {
    expect(code('khai sinh cho con')).toBe('1.001193');
    expect(code('khai sinh lưu động tại nhà')).toBe('1.003583');
    expect(code('đăng ký lại khai sinh vì sổ gốc bị mất')).toBe('1.004884');
    expect(code('kết hôn với chồng người hàn quốc')).toBe('2.000806');
    expect(code('làm căn cước cho con 8 tuổi')).toBe('1.014062');
  });

  it('marks a genuinely ambiguous request and lists the variants', () => {
    const r = nlu.understand('làm căn cước');
    expect(r.procedure?.code).toBe('1.014061');
    expect(r.ambiguous).toBe(true);
    expect(r.candidates.map((c) => c.code)).toContain('1.014062');
  });

  it('answers no procedure when the catalog lacks it, and says a procedure was asked', () => {
    for (const text of ['xin giấy phép kinh doanh xăng dầu', 'đăng ký học cho con vào lớp 6', 'gia hạn thị thực cho khách nước ngoài', 'thành lập doanh nghiệp tư nhân cần gì']) {
      const r = nlu.understand(text);
      expect(r.procedure, text).toBeNull();
      expect(r.procedureMentionedButUnknown, text).toBe(true);
    }
  });

  it('gives small talk no procedure', () => {
    const r = nlu.understand('hôm nay trời đẹp quá');
    expect(r.procedure).toBeNull();
    expect(r.procedureMentionedButUnknown).toBe(false);
  });

  it('scores candidates between 0 and 1, best first', () => {
    const r = nlu.understand('chứng thực chữ ký');
    expect(r.candidates.length).toBeGreaterThan(1);
    for (const c of r.candidates) expect(c.score).toBeGreaterThanOrEqual(0);
    for (const c of r.candidates) expect(c.score).toBeLessThanOrEqual(1);
    expect(r.candidates[0].score).toBeGreaterThanOrEqual(r.candidates[1].score);
  });
});

describe('button payloads and entities', () => {
  it('a national code means exactly that procedure; the rest of the text gives the intent', () => {
    const fee = nlu.understand('Lệ phí (1.014063)');
    expect(fee.intent).toBe('ask_fee');
    expect(fee.procedure).toEqual({ code: '1.014063', name: expect.any(String), score: 1 });
    expect(fee.ambiguous).toBe(false);
    expect(nlu.understand('Thời gian giải quyết (1.004194)').intent).toBe('ask_duration');
    expect(nlu.understand('Giấy tờ cần nộp (1.004194)').intent).toBe('ask_documents');
    expect(nlu.understand('Nộp ở đâu (1.004194)').intent).toBe('ask_location');
    expect(nlu.understand('Nộp trực tuyến (1.004194)').intent).toBe('ask_online');
    expect(nlu.understand('Cấp thẻ căn cước cho người dưới 14 tuổi (1.014062)')).toMatchObject({
      intent: 'procedure_info',
      procedure: { code: '1.014062', score: 1 },
    });
  });

  it('a dossier code means dossier status unless the words say (un)subscribe', () => {
    expect(nlu.understand('000.00.45.h01-250301-0099 sao rồi')).toMatchObject({ intent: 'dossier_status', dossierCode: '000.00.45.H01-250301-0099' });
    expect(nlu.understand('theo dõi hồ sơ 000.00.45.H01-250301-0099 giúp tôi').intent).toBe('subscribe');
    expect(nlu.understand('hủy thông báo hồ sơ 000.00.45.H01-250301-0099').intent).toBe('unsubscribe');
  });

  it('reads several questions in one message, and a channel as a slot of the question', () => {
    const both = nlu.understand('lệ phí và thời gian làm lý lịch tư pháp');
    expect(both.procedure?.code).toBe('3.000333');
    expect([...both.asks].sort()).toEqual(['ask_duration', 'ask_fee']);
    const online = nlu.understand('tạm trú nộp online thì lệ phí bao nhiêu');
    expect(online).toMatchObject({ intent: 'ask_fee', asks: ['ask_fee'], channel: 'truc_tuyen' });
    expect(online.procedure?.code).toBe('1.004194');
    // Asked as such, online is the question: can it be done that way?
    expect(nlu.understand('đăng ký tạm trú làm online được không').intent).toBe('ask_online');
  });

  it('reads a procedure question beside a dossier code', () => {
    const r = nlu.understand('hồ sơ 000.00.12.H12-240315-0001 em nộp rồi, tiện hỏi làm lý lịch tư pháp cần gì');
    expect(r).toMatchObject({ intent: 'ask_documents', dossierCode: '000.00.12.H12-240315-0001' });
    expect(r.procedure?.code).toBe('3.000333');
    // A question about the dossier itself stays one.
    expect(nlu.understand('hồ sơ 000.00.12.H12-240315-0001 đăng ký khai sinh nộp rồi sao chưa xong').intent).toBe('dossier_status');
  });

  it('reads a procedure question beside a question about the dossier itself', () => {
    // The status clause goes to the dossier check; the clause after it asks about another procedure.
    const r = nlu.understand('hồ sơ 000.00.12.H12-240315-0001 của tôi đến đâu rồi, tiện hỏi luôn làm lý lịch tư pháp cần giấy gì');
    expect(r).toMatchObject({ intent: 'ask_documents', dossierCode: '000.00.12.H12-240315-0001' });
    expect(r.procedure?.code).toBe('3.000333');
    // The clause naming the dossier's procedure stays: the question takes its object from it.
    const same = nlu.understand('Mình có hồ sơ 000.00.12.H12-240315-0001 đăng ký kết hôn, chưa thấy gì cả. Cho hỏi thủ tục này mất mấy ngày');
    expect(same.intent).toBe('ask_duration');
    expect(same.procedure?.code).toBe('1.000894');
  });

  it('reads no word pair across a comma or a full stop, and doubts no word the typo repair guessed', () => {
    // "thêm: cải chính" is no pair the catalog lacks; "hỏi thêm cải chính" without the colon still is.
    expect(nlu.understand('Tôi hỏi thêm: cải chính hộ tịch có làm online được không?').procedure?.code).toBe('1.004859');
    // "tửu" is repaired to a word the story does not explain; the citizen never typed it.
    expect(nlu.understand('khai tửu cho bà nội cần j').procedure?.code).toBe('1.000656');
  });

  it('finds the procedure carrying a family feature the citizen states, though the story is long', () => {
    const r = nlu.understand('Con tôi sinh bên Úc, bên đó đã cấp giấy khai sinh rồi, giờ về nước muốn ghi vào sổ hộ tịch ở xã thì làm sao');
    expect(r.procedure?.code).toBe('2.000547');
    expect(r.candidates.map((c) => c.code)).not.toContain('1.001193');
    // "quân sự" of military service backs nothing: the army's driving licence is another matter.
    expect(nlu.understand('hoãn nghĩa vụ quân sự cần giấy gì').procedure).toBeNull();
  });

  it('reads what did not happen to a paper as refused, up to what did ("không bị mất mà bị rách")', () => {
    const r = nlu.understand('hộ chiếu của tôi không bị mất mà bị nước làm nhòe hết trang, làm cuốn mới cần gì');
    expect(['1.001456', '1.001471']).toContain(r.procedure?.code);
  });

  it('reads a procedure asked about whose name holds a complaint or notification word as that procedure', () => {
    const r = nlu.understand('muốn khiếu nại về trợ giúp pháp lý vì trung tâm từ chối giúp thì nộp đơn ở đâu');
    expect(r.intent).toBe('ask_location');
    expect(r.procedure?.code).toBe('2.000592');
    // A complaint about how an office worked is still feedback.
    expect(nlu.understand('tôi muốn phản ánh cán bộ một cửa làm chậm hồ sơ').intent).toBe('feedback');
  });

  it('reads an officer coming to the village or home as the mobile variant of the procedure named', () => {
    const r = nlu.understand('bà tôi mất ở nhà trên thôn, xã có cử người xuống tận thôn làm khai tử không');
    expect(r.features).toContain('mobile');
    expect(r.candidates[0]?.code).toBe('1.000419');
  });

  it('tells a large building\'s permit (công trình cấp I, II, đặc biệt) from the default house permit', () => {
    const big = nlu.understand('doanh nghiệp mình sắp xây nhà xưởng là công trình cấp II, xin phép xây dựng ở đâu');
    expect(big.features).toContain('grade-high');
    expect(big.candidates.slice(0, 2).map((c) => c.code)).toContain('1.013236');
    expect(nlu.understand('xin giấy phép xây dựng nhà 3 tầng ở đâu').procedure?.code).toBe('1.013225');
  });

  it('reads a child born abroad as a birth with a foreign element', () => {
    expect(nlu.understand('con em sinh bên Hàn, chưa khai sinh ở đó, giờ về nước đăng ký khai sinh cho con ở đâu').features).toContain('foreign');
  });

  it('takes the object of a correction from the refused words when the kept words name none', () => {
    // "làm lại … vì mất" is refused, "căn cước" is still what the card is.
    const card = nlu.understand('không phải làm lại căn cước do mất đâu, thẻ vẫn còn mà bị gãy làm đôi, muốn đổi cái khác thì cần gì');
    expect(['1.014063', '2.001195', '1.000889']).toContain(card.procedure?.code);
    const land = nlu.understand('không phải cấp lại sổ đỏ vì mất đâu ạ, sổ vẫn còn nhưng bị ướt rách, giờ muốn đổi cuốn khác thì làm ở đâu');
    expect(land.procedure?.code).toBe('1.012783');
  });

  it('does not take back, as the object of a correction, the procedure the citizen refused', () => {
    // The kept words name nothing sure; "đăng ký thường trú" was refused, not corrected.
    const r = nlu.understand('không phải đăng ký thường trú đâu, mấy đứa em họ ở quê ra chơi vài bữa thì khai báo với công an ra sao');
    expect(r.procedure?.code).not.toBe('1.004222');
  });

  it('reads the accents typed as evidence: a word two edits from every known word is not repaired into one', () => {
    // "chặt" is not "cất" (of "xin phép cất nhà"): no building permit for cutting a tree.
    const r = nlu.understand('muốn chặt cây trước cổng thì xin phép ở đâu');
    expect(r.procedure?.code).not.toBe('1.013225');
  });

  it('leaves out where a request is filed ("trên VNeID") when it looks the procedure up', () => {
    const r = nlu.understand('đăng ký thường trú qua ứng dụng vneid được không');
    expect(r.procedure?.code).toBe('1.004222');
    expect(r.ambiguous).toBe(false);
  });

  it('reads the paper asked for after a time cue as the result of the registration named', () => {
    // "trích lục" here is what the death registration issues, not the copy procedure.
    const r = nlu.understand('làm khai tử cho ông xong thì bao lâu mới lấy được trích lục');
    expect(r.procedure?.code).toBe('1.000656');
    expect(r.ambiguous).toBe(false);
  });

  it('reads the story when the question points back at it ("như vậy", "hai việc đó")', () => {
    // "gộp" alone is no land-plot merger: the two things to do together are in the story.
    const r = nlu.understand('Em muốn đăng ký khai sinh cho bé và làm thẻ bảo hiểm y tế luôn. Làm gộp hai việc đó được không?');
    expect(r.procedure?.code).not.toBe('1.012784');
    expect(['2.000986', '2.001023']).toContain(r.candidates[0]?.code);
  });

  it('reads a procedure question beside a dossier code without the words about filing, and not a "xong chưa"', () => {
    // "bị yêu cầu bổ sung", "để bổ sung cho đủ" are about the filing; the question is about the documents of the procedure.
    const docs = nlu.understand('hồ sơ 000.00.12.H12-250101-0009 làm giấy khai sinh cho cháu bị yêu cầu bổ sung, cho hỏi cần giấy tờ gì để bổ sung cho đủ');
    expect(docs.intent).toBe('ask_documents');
    expect(docs.procedure?.code).toBe('1.001193');
    expect(docs.dossierCode).toBe('000.00.12.H12-250101-0009');
    // A yes/no question about the procedure's papers is a procedure question; "đã xong chưa" is the dossier's status.
    expect(nlu.understand('hồ sơ 000.00.12.H12-250101-0009 đính chính sổ đỏ cấp lần đầu, có cần nộp bản gốc sổ không').procedure?.code).toBe('1.012796');
    expect(nlu.understand('hồ sơ 000.00.12.H12-250101-0009 chứng thực hợp đồng tặng cho đã xong chưa').intent).toBe('dossier_status');
  });

  it('reads a question after a turn ("hỏi thêm") on its own, beside a dossier code', () => {
    // "chưa" after the turn is about the new question, not the dossier's status.
    const r = nlu.understand('Mã hồ sơ 000.00.12.H12-250101-0009 (khai sinh cho bé). Tôi hỏi thêm: em trai tôi chưa có việc làm ổn định, muốn xin phiếu lý lịch tư pháp thì thế nào?');
    expect(r).toMatchObject({ intent: 'procedure_info', dossierCode: '000.00.12.H12-250101-0009' });
    expect(r.procedure?.code).toBe('3.000333');
    // A request naming its own object is read without the clause naming the filed dossier.
    const own = nlu.understand('Hồ sơ 000.00.12.H12-250101-0009 là khai sinh cho con tôi. Giờ vợ chồng tôi muốn đăng ký kết hôn thì cần giấy tờ gì?');
    expect(own).toMatchObject({ intent: 'ask_documents', dossierCode: '000.00.12.H12-250101-0009' });
    expect(own.procedure?.code).toBe('1.000894');
    // A question with no cue word still asks ("có phải làm riêng không", "nộp gì").
    expect(nlu.understand('Hồ sơ 000.00.12.H12-250101-0009 khai tử cho bố tôi. Còn mẹ tôi muốn xin trích lục khai sinh bản sao thì nộp gì?').procedure?.code).toBe('2.000635');
    // "nộp ở A hay B?" asks where; "gồm những bước nào" asks how, not for papers.
    const where = nlu.understand('Mã 000.00.12.H12-250101-0009 là hồ sơ kết hôn của tôi. Em gái tôi làm khai sinh cho con thì nộp ở xã hay huyện?');
    expect(where).toMatchObject({ intent: 'ask_location', dossierCode: '000.00.12.H12-250101-0009' });
    expect(where.procedure?.code).toBe('1.001193');
    expect(nlu.understand('Thủ tục đăng ký thường trú gồm những bước nào?').intent).toBe('procedure_info');
    // "đã xong chưa để còn …" is still the dossier's status.
    expect(nlu.understand('hồ sơ 000.00.12.H12-250101-0009 khai sinh cho con đã xong chưa để còn đi làm bảo hiểm').intent).toBe('dossier_status');
  });

  it('takes the object of a question that names nothing from the want just before it', () => {
    // "Thủ tục thế nào?" names nothing: the want before it ("muốn xin lại quốc tịch") is the request, not the story.
    const r = nlu.understand('Ba tôi từng thôi quốc tịch Việt Nam từ lâu, nay về quê ở Huế được 3 năm, muốn xin lại quốc tịch Việt Nam. Thủ tục thế nào?');
    expect(r.procedure?.code).toBe('2.002038');
    // A service the catalog lacks asked in a request that names nothing of the procedure found in the story.
    const school = nlu.understand('Cả nhà tôi dọn về Huế thuê nhà, đăng ký tạm trú rồi. Giờ muốn xin chuyển trường cho bé lớp 5 thì nộp gì?');
    expect(school.procedure).toBeNull();
    expect(school.procedureMentionedButUnknown).toBe(true);
  });

  it('reads a feature said absent or as a comparison as not said', () => {
    // "không ai có yếu tố nước ngoài": the domestic birth registration.
    expect(nlu.understand('Vợ chồng tôi đều là người Việt, không ai có yếu tố nước ngoài, làm khai sinh cho con ở đâu?').procedure?.code).toBe('1.001193');
    // "như người lớn" compares the child with an adult: the card for under-14s.
    expect(nlu.understand('Bé nhà tôi 9 tuổi, làm căn cước cho bé có phải chụp ảnh như người lớn không?').procedure?.code).toBe('1.014062');
  });

  it('holds a company back only from families that have a company variant', () => {
    // No building-permit procedure is "cho tổ chức": a company asking for one is served by the permit itself.
    const r = nlu.understand('công ty tôi định xây kho hàng công trình cấp II, xin giấy phép xây dựng ở đâu');
    expect(r.procedure?.code).toBe('1.013236');
  });

  it('does not ask back between two sibling procedures when the message says what only one name has', () => {
    // Both are "liên thông … khai sinh … thẻ BHYT"; only one also registers the permanent residence, and it is said.
    const r = nlu.understand('liên thông khai sinh, thường trú và thẻ bhyt cho bé dưới 6 tuổi cần những giấy tờ gì');
    expect(r.procedure?.code).toBe('2.000986');
    expect(r.ambiguous).toBe(false);
  });

  it('answers the plain procedure when only the head of a longer name is said', () => {
    // "đăng ký khai sinh" is the whole name of 1.001193 and only the head of "… cho người đã có hồ sơ, giấy tờ cá nhân".
    const r = nlu.understand('đăng ký khai sinh cho bé mất mấy ngày');
    expect(r.procedure?.code).toBe('1.001193');
    expect(r.ambiguous).toBe(false);
  });

  it('says "not in the catalog" for a service the catalog does not hold, said in the request (out-of-catalog.txt)', () => {
    // "đăng ký thế chấp" shares "đăng ký" and "sổ đỏ" with land procedures but is a bank-loan registration.
    const mortgage = nlu.understand('muốn đăng ký thế chấp sổ đỏ để vay vốn thì nộp hồ sơ chỗ nào');
    expect(mortgage.procedure).toBeNull();
    expect(mortgage.procedureMentionedButUnknown).toBe(true);
    // Asked about with a question cue, it is a procedure question answered honestly, not small talk or a complaint.
    const court = nlu.understand('cho bạn vay 50 triệu mà không trả, giờ khởi kiện đòi nợ thì nộp đơn ở đâu');
    expect(court.intent).toBe('ask_location');
    expect(court.procedureMentionedButUnknown).toBe(true);
    // Said as the purpose ("để gia hạn visa") or in a clause of the story, it does not take the request away.
    const record = nlu.understand('xin phiếu lý lịch tư pháp để gia hạn visa thì làm ở đâu');
    expect(record.procedure?.code).toMatch(/^(3\.000333|3\.000330|1\.001233)$/);
  });

  it('asks back, rather than answers, a whole everyday name said beside another concept and an unknown pair', () => {
    // "biển số xe" is an everyday name of vehicle registration; an auction of number plates is not it.
    // (The auction is also a listed out-of-catalog service: either way it is never answered as registration.)
    const r = nlu.understand('đấu giá biển số xe máy đẹp ở đâu');
    expect(r.ambiguous || (r.procedure === null && r.procedureMentionedButUnknown)).toBe(true);
  });

  it('does not read what the citizen says they do not want', () => {
    expect(nlu.understand('chứng thực chữ ký chứ không phải sao y').procedure?.code).toBe('2.000884');
    expect(nlu.understand('Con em mới 10 tuổi chứ không phải trên 14 đâu, làm căn cước cho cháu thì cần giấy gì?').features).toContain('child');
  });

  it('doubts only words the catalog never says: record text and said situations are known', () => {
    // "sống" is in the records' text, "Canada" is read by the abroad marker: neither is a foreign concept.
    const r = nlu.understand('anh tôi đang sống ở Canada, xin thôi quốc tịch việt nam ở đâu');
    expect(r.candidates.map((c) => c.code)).toContain('1.005141');
    expect(r.procedure).not.toBeNull();
    // Question words alone open no procedure, even beside a word the index has never seen.
    expect(nlu.understand('thủ tục ở đây').procedure).toBeNull();
  });

  it('reads wording the record or a sibling procedure uses as no other concept', () => {
    // "giấy chứng nhận quyền sử dụng đất" is what the record of clearing a recorded debt is about.
    const debt = nlu.understand('giấy chứng nhận quyền sử dụng đất còn ghi nợ tiền sử dụng đất, nay đóng đủ thì xóa nợ ở đâu');
    expect(debt.candidates.map((c) => c.code)).toContain('1.013988');
    expect(debt.procedure).not.toBeNull();
    // "xây nhà" is the everyday name of the permit; extending it is the sibling procedure.
    const extend = nlu.understand('giấy phép xây nhà sắp hết hạn, gia hạn ở đâu');
    expect(extend.procedure?.code).toBe('1.013227');
  });

  it('asks between the winner and the sibling whose act the citizen says', () => {
    // "giấy phép xây dựng" names the new permit by everyday use; "đổi thiết kế" is its adjustment.
    const r = nlu.understand('nhà đã có giấy phép xây dựng, giờ đổi thiết kế thêm tầng thì làm sao');
    // Offered beside the winner, or answered outright now that an everyday name says it ("đổi thiết kế").
    expect(r.candidates.slice(0, 2).map((c) => c.code)).toContain('1.013226');
    if (r.procedure?.code !== '1.013226') expect(r.ambiguous).toBe(true);
  });

  it('takes the object of a request that only says what to do from the story', () => {
    const r = nlu.understand('ông tôi 80 tuổi chưa từng có căn cước, giờ làm lần đầu cần mang gì');
    expect(r.procedure?.code).toBe('1.014061');
    expect(r.features).toContain('first');
  });

  it('reads the abbreviations the catalog names use ("nghỉ DSPHSK") spelled out', () => {
    expect(nlu.understand('hưởng trợ cấp nghỉ dưỡng sức phục hồi sức khỏe sau ốm đau hồ sơ gồm gì').procedure?.code).toBe('1.001598');
  });

  it('reads a procedure already done in the story as background, not as the request', () => {
    const r = nlu.understand('Ông tôi mất tuần trước, nhà đã làm khai tử xong. Ông có lương hưu, giờ nhận tiền mai táng thì cần giấy gì');
    expect(r.procedure?.code).not.toBe('1.000656');
    expect(r.candidates.map((c) => c.code)).not.toContain('1.000656');
    // What follows "nên" + a request word is the request; the cause before it is background.
    expect(nlu.understand('tôi mới cưới vợ nên muốn tách hộ khẩu ra riêng thì cần giấy gì').procedure?.code).toBe('1.010038');
    // A step tried and failed is background too: the land dispute goes to the commune chairman.
    const failed = nlu.understand('nhà tôi tranh chấp ranh giới đất với nhà bên, thôn hòa giải không thành, giờ gửi đơn lên chủ tịch xã giải quyết thì cần gì');
    expect(failed.procedure?.code).toBe('1.013967');
  });

  it('says "not in the catalog" for a procedure filed at an embassy, unless a procedure filed abroad is close', () => {
    const passport = nlu.understand('Em đang ở Hàn, muốn làm hộ chiếu mới tại Đại sứ quán Việt Nam ở Seoul thì cần gì');
    expect(passport.procedure).toBeNull();
    expect(passport.procedureMentionedButUnknown).toBe(true);
    expect(nlu.understand('làm hộ chiếu ở đâu').procedure?.code).toBe('1.001456');
  });

  it('holds back the combined procedure whose part the citizen refuses', () => {
    // Both liên thông procedures hold khai sinh and BHYT; only one also registers permanent residence.
    const all = nlu.understand('làm liên thông khai sinh và thẻ bhyt cho bé thì cần gì');
    const without = nlu.understand('con tôi cần khai sinh và bhyt, chưa nhập hộ khẩu, làm liên thông ở đâu');
    expect(without.procedure?.code).toBe('2.001023');
    expect(without.ambiguous).toBe(false);
    expect(all.candidates.map((c) => c.code)).toContain('2.000986');
    // A correction names what is not asked, sharing words with what is: no part is refused.
    expect(nlu.understand('không phải trích lục khai sinh, em cần bản sao trích lục kết hôn').procedure?.code).toBe('2.000635');
  });

  it('refuses a part not done yet also after "nên"/"thì", never when the request wants it after all', () => {
    // Written for this test.
    expect(nlu.understand('làm khai sinh với thẻ bhyt cho bé một lượt thì cần gì, vợ chồng em thuê nhà nên chưa nhập khẩu cho bé').procedure?.code).toBe('2.001023');
    expect(nlu.understand('khai sinh và bảo hiểm y tế cho cháu làm chung được không, còn hộ khẩu thì chưa nhập').procedure?.code).toBe('2.001023');
    expect(nlu.understand('em chưa nhập khẩu cho con, giờ muốn nhập thì làm sao').procedure?.code).toBe('1.004222');
    expect(nlu.understand('bé mới sinh, làm khai sinh và thẻ bhyt trước, còn nhập khẩu thì để sau, nộp ở đâu').procedure?.code).toBe('2.001023');
  });

  it('fills every field of the result', () => {
    const r = nlu.understand('Số của tôi 0901234567, cccd 079188001234, hỏi khai sinh');
    expect(r.phone).toBe('0901234567');
    expect(r.idNumber).toBe('079188001234');
    expect(r.normalized).not.toContain('0901234567');
    expect(Object.keys(r).sort()).toEqual(
      ['ambiguous', 'asks', 'asksOutsideCatalog', 'candidates', 'channel', 'dossierCode', 'features', 'folded', 'idNumber', 'intent', 'intentConfidence', 'normalized', 'phone', 'procedure', 'procedureMentionedButUnknown', 'text', 'truncated', 'yesNo'].sort(),
    );
    expect(r.truncated).toBe(false);
  });
});
