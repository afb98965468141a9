import * as z from 'zod';
import { defineAction } from '../../api/action';
import { AppError } from '../../api/errors';
import { idString, text } from '../../api/validation';
import { relationTo } from '../../application/access';
import { loadCase } from '../../application/cases';
import { changeCase, toInspectionView } from '../../application/inspection';

/**
 * The applicant rates the service once after the decision (R19), 1 to 5, with suggestions if they like. The same
 * rating sent again is answered as saved; a different one is refused: a rating is a record, not a draft.
 */
export const rateService = defineAction({
  name: 'rateService',
  schema: () => z.strictObject({
    caseId: idString(),
    score: z.number().int().min(1, { message: '评分为1至5分' }).max(5, { message: '评分为1至5分' }),
    suggestions: text(500).optional(),
  }),
  callers: 'anyone',
  mutates: true,
  async handle(ctx, { caseId, score, suggestions }) {
    const c = await loadCase(ctx, caseId);
    if (c.rating && relationTo(ctx.caller, c).applicant) {
      if (c.rating.score === score && c.rating.comment === suggestions) return toInspectionView(ctx, c);
      throw new AppError('DUPLICATE', '您已评价过本次服务，评价提交后不能修改');
    }
    const saved = await changeCase(ctx, { caseId }, 'rateService', (fresh) => [
      { ...fresh, rating: { score, ...(suggestions ? { comment: suggestions } : {}), at: ctx.now.toISOString() } },
      { note: `${score} 分` },
    ]);
    return toInspectionView(ctx, saved);
  },
});
