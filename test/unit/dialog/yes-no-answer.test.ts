/**
 * Yes/no questions answered yes or no first, from the record, over every record and topic:
 * "Dạ, có/được …" or "Dạ, không/chưa …" only when the record states it, the record's silence
 * said as silence, and the answer of the topic's question after it, still on one phone screen.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../../src/catalog/load-catalog.js';
import { composeProcedureAnswer } from '../../../src/dialog/compose/compose-answer.js';
import { TOPIC_INTENT, yesNoFact } from '../../../src/dialog/compose/yes-no-facts.js';
import type { YesNoTopic } from '../../../src/nlu/nlu-types.js';
import type { Catalog } from '../../../src/services.js';

let catalog: Catalog;
beforeAll(async () => {
  catalog = await loadCatalog();
});
const at = new Date('2026-06-15T03:00:00Z');
const TOPICS = Object.keys(TOPIC_INTENT) as YesNoTopic[];
const answer = (code: string, topic: YesNoTopic, subject = 'câu hỏi', channel: 'truc_tuyen' | null = null) =>
  composeProcedureAnswer(TOPIC_INTENT[topic], catalog.byCode(code)!, at, channel, { yesNo: { topic, subject } })
    .map((m) => m.text)
    .join('\n');

describe('yes or no first, over the 238 records', () => {
  it('leads with yes or no only when the record states it, and fits one phone screen', () => {
    for (const p of catalog.procedures)
      for (const topic of TOPICS) {
        const fact = yesNoFact(topic, p, { subject: 'giấy cũ còn dùng được' });
        if (fact.verdict === 'yes') expect(fact.lead, `${p.code} ${topic}`).toMatch(/^Dạ, (có|được|tùy)(?=[ .,:])/u);
        else if (fact.verdict === 'no') expect(fact.lead, `${p.code} ${topic}`).toMatch(/^Dạ, (không|chưa)(?=[ .,:])/u);
        else expect(fact.lead, `${p.code} ${topic}`).not.toMatch(/^Dạ, (có|được|không|chưa)(?=[ .,:])/u);
        const msgs = composeProcedureAnswer(TOPIC_INTENT[topic], p, at, null, { yesNo: { topic, subject: 'giấy cũ còn dùng được' } });
        expect(msgs[0].text.startsWith(fact.lead), `${p.code} ${topic}`).toBe(true);
        expect(msgs[0].text.length, `${p.code} ${topic}`).toBeLessThanOrEqual(1000);
        expect(msgs.length).toBeLessThanOrEqual(2);
        // One "Dạ," to open the answer, not two.
        expect(msgs[0].text.split('\n')[1]).not.toMatch(/^Dạ, /u);
      }
  });

  it('a fee: free is "không", an amount is "có", one set by the province has no yes or no', () => {
    expect(answer('1.001193', 'charged')).toMatch(/^Dạ, không mất lệ phí\.\nLệ phí đăng ký khai sinh: miễn phí\./u);
    expect(answer('1.004194', 'charged', '', 'truc_tuyen')).toMatch(/^Dạ, có thu lệ phí khi nộp trực tuyến\.\nLệ phí đăng ký tạm trú khi nộp trực tuyến là 7\.000 đồng/u);
    expect(answer('2.000720', 'charged')).toMatch(/^Dạ, thông tin thủ tục không ghi một mức lệ phí chung\.\n.*Hội đồng nhân dân/u);
  });

  it('the place: the record’s levels say yes or no', () => {
    expect(answer('1.014064', 'commune')).toMatch(/^Dạ, được\. Thủ tục này làm ở cấp xã\.\nHồ sơ cấp lại thẻ căn cước nộp tại:\n• Công an cấp Xã/u);
    expect(answer('1.014064', 'province')).toMatch(/^Dạ, không\. Thủ tục này do cấp xã giải quyết\./u);
  });

  it('documents: originals from the counts, certified copies in the record’s own words', () => {
    expect(answer('1.001193', 'originals')).toMatch(/^Dạ, có\. Giấy tờ ghi “bản chính” dưới đây cần nộp bản chính\.\nHồ sơ đăng ký khai sinh gồm:\n1\. Tờ khai đăng ký khai sinh: 1 bản chính/u);
    expect(answer('1.000894', 'certified')).toMatch(/^Dạ, giấy tờ của thủ tục có ghi: “Trường hợp gửi hồ sơ qua hệ thống bưu chính thì phải gửi kèm theo bản sao có chứng thực/u);
  });

  it('online: the composer’s own yes or no, said once', () => {
    const online = answer('1.004194', 'online');
    expect(online).toMatch(/^Dạ, có\. Thủ tục đăng ký tạm trú nộp trực tuyến được\.\n/u);
    expect(online.match(/Dạ, có/gu)).toHaveLength(1);
  });

  it('what no record says is said so, in the citizen’s words, never guessed', () => {
    const reply = answer('1.004222', 'validity', 'sổ hộ khẩu giấy còn dùng được');
    expect(reply).toMatch(/^Dạ, thông tin thủ tục không nói “sổ hộ khẩu giấy còn dùng được” hay không; anh\/chị vui lòng hỏi nơi nộp hồ sơ/u);
    expect(reply).toContain('\nThủ tục đăng ký thường trú:');
  });
});
