import * as z from 'zod';
import { defineAction } from '../../api/action';
import { AppError } from '../../api/errors';
import { idString, version } from '../../api/validation';
import { changeCase, toInspectionView } from '../../application/inspection';
import { noticeToStaff } from '../../application/notices';

/**
 * The applicant, every rectification item proven, applies for the re-inspection before the deadline (R14): the case
 * goes back to scheduling and the next round re-checks the failed items. After the deadline it is refused.
 */
export const requestReinspection = defineAction({
  name: 'requestReinspection',
  schema: () => z.strictObject({ caseId: idString(), version: version() }),
  callers: 'anyone',
  mutates: true,
  async handle(ctx, ref) {
    const saved = await changeCase(ctx, ref, 'requestReinspection', (c, state) => {
      const rectification = c.rectification!;
      if (ctx.now.getTime() > Date.parse(rectification.deadline)) throw new AppError('INVALID_STATE', '整改期限已过，不能再申请复查，请等待审批人员作出决定');
      // Numbered as the applicant reads them on the rectification page (1., 2. …), not by their internal ids.
      const unproven = rectification.items.flatMap((i, n) => (i.proofs.length ? [] : [`第${n + 1}项`]));
      if (unproven.length) throw new AppError('VALIDATION', `以下整改事项尚未提交整改材料：${unproven.join('、')}`);
      return [
        { ...c, state, rectification: { ...rectification, reinspectionRequestedAt: ctx.now.toISOString() } },
        { notices: c.handlerId ? [noticeToStaff(c, c.handlerId, 'rectificationSubmitted', `${c.number} ${c.company.name} 已提交全部整改材料，申请复查`)] : [] },
      ];
    });
    return toInspectionView(ctx, saved);
  },
});
