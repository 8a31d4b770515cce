import { foldDiacritics } from './fold-diacritics.js';

/**
 * Words that carry no procedure meaning on the query side: pronouns, kinship,
 * particles, question words, generic verbs. An unmatched stop word does not lower a
 * match; a matched one still counts (so "nhận cha mẹ con" can match "con"). Written
 * accented: an accented message is checked against these exact words ("bạn" is a stop
 * word, "bản sao" is not); an unaccented one against their folded forms.
 */
const STOP_ACCENTED = (
  'tôi tui mình em anh chị bạn ad admin bot ông bà bố mẹ ba má con cháu bé họ nó người nhà vợ chồng ' +
  'à ạ ơi nhé nha nhỉ hả hở hen đi với và thì là mà những các cái này kia đó đấy vậy thế nào sao gì ' +
  'không có được chưa rồi phải cần muốn hỏi biết giúp xin làm cách hướng dẫn thủ tục hồ sơ giấy tờ ' +
  'ở đâu cho của tại để về đến từ trong trên dưới bao nhiêu lâu mất hết tốn tiền phí lệ ngày mấy tuần tháng ' +
  'năm giờ khi lúc sáng chiều tối nay mai qua mới vừa sắp đã đang sẽ nhiều ít một hai ba ' +
  'online trực tuyến nộp mạng đem theo gồm thông tin xong kết quả lấy ok dạ ừ ' +
  'xin chào cảm ơn vui lòng hành chính việc phạt trễ muộn gấp hạn bị ' +
  'nội ngoại xã phường huyện quận tỉnh thị trấn ủy ban ' +
  // everyday story words: who, when, hearsay, measure words ("nghe nói đủ 25 tuổi", "con gái", "miếng đất")
  'nghe nói bảo kêu đủ xíu chút gái trai đứa tụi bọn quê hôm bữa hồi xưa luôn lỡ giúp coi hoài ' +
  'miếng mảnh chiếc tính định giùm dùm chỉ còn nữa hay hoặc hả ' +
  // details every procedure has ("chụp ảnh", "chỗ nào", "quán ăn", "báo ai")
  'chụp chỗ tuổi quán ăn ai lên bác cô chú dì cậu mợ thím như ' +
  // linking words of a story ("mất thẻ nên cần làm lại", "nhưng vẫn ở căn nhà đó", "bây giờ")
  'nên nhưng vẫn bây căn'
)
  .split(' ')
  .filter(Boolean);
const STOP_SET = new Set(STOP_ACCENTED);
const STOP_FOLDED = new Set(STOP_ACCENTED.map(foldDiacritics));

/** Filler only when typed with accents: unaccented they are catalog words ("nhắn" vs "nhan" = nhận). */
const STOP_ACCENTED_ONLY = new Set(['nhắn', 'nhắc']);

/** folded: the folded token; accented: the same token as typed (normalised). */
export function isQueryStopWord(folded: string, accented: string): boolean {
  return accented === folded ? STOP_FOLDED.has(folded) : STOP_SET.has(accented) || STOP_ACCENTED_ONLY.has(accented);
}

/** Folded stop words (for callers that only have folded text). */
export const QUERY_STOP_WORDS: ReadonlySet<string> = STOP_FOLDED;
