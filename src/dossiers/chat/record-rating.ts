/** The 1–5 satisfaction answer after a result is returned (status 10). */
import type { TurnContext } from '../../dialog/turn-context.js';
import { lookupEntitled } from './dossier-access.js';

export async function recordRating(ctx: TurnContext, code: string, score: 1 | 2 | 3 | 4 | 5): Promise<void> {
  const { dossier: d, entitled } = await lookupEntitled(ctx, code);
  // Only someone linked to a returned dossier may rate it; anyone else gets a neutral answer.
  if (!d || d.status !== 10 || !entitled) {
    ctx.reply({ kind: 'text', text: 'Dạ, em chưa ghi nhận được đánh giá này. Anh/chị cần hỗ trợ gì thêm cứ nhắn cho em ạ.' });
    return;
  }
  const previous = (await ctx.t.listSatisfaction(10_000)).find((r) => r.code === code && r.userId === ctx.userId);
  if (previous) {
    ctx.reply({ kind: 'text', text: `Dạ, anh/chị đã đánh giá hồ sơ ${code} (${previous.score}/5) rồi ạ. Em cảm ơn anh/chị.` });
    return;
  }
  await ctx.t.addSatisfaction({ code, userId: ctx.userId, score, at: ctx.now.toISOString() });
  ctx.reply({
    kind: 'text',
    text:
      score >= 4
        ? `Dạ, em cảm ơn anh/chị đã đánh giá ${score}/5 ạ.`
        : `Dạ, em cảm ơn anh/chị đã đánh giá ${score}/5. Nếu có điều gì chưa hài lòng, anh/chị có thể nhắn "phản ánh" kèm nội dung để cơ quan tiếp thu ạ.`,
  });
}

/** A typed answer to the pending question: "5", "4 sao", "3 điểm". */
export function parseBareScore(text: string): 1 | 2 | 3 | 4 | 5 | null {
  // Each \s* is followed by a non-space (no two share a run of spaces: linear, not cubic).
  const m = /^\s*([1-5])\s*(?:(?:sao|điểm|\/\s*5)\s*)?(?:[.!]+\s*)?$/iu.exec(text.normalize('NFC'));
  return m ? (Number(m[1]) as 1 | 2 | 3 | 4 | 5) : null;
}
