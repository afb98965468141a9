import { createHash } from 'node:crypto';
import * as z from 'zod';
import { defineAction } from '../../api/action';
import { AppError } from '../../api/errors';
import { idString, text, version } from '../../api/validation';
import { archiveAndPush } from '../../application/archive';
import type { StoredCase } from '../../application/cases';
import { loadChecklist } from '../../application/catalogue';
import { changeCase, roundInProgress, toInspectionView } from '../../application/inspection';
import { noticeToApplicant, provisionalDateNotice } from '../../application/notices';
import { readOwnSignature } from '../../application/signed-forms';
import { nextState } from '../../domain/case-state';
import { formatChina } from '../../domain/china-time';
import {
  type DecisionRecord, OUTCOME_EVENTS, type Rectification, decisionProblem, rectificationItemsFrom,
} from '../../domain/inspection';
import { type HolidayCalendar, deadlineAfter } from '../../domain/working-days';
import { yearsAround } from '../../ports/calendar';
import type { ActionContext } from '../../api/context';
import { fileId } from './fields';

/**
 * The handler decides (R14), with the opinion and the handwritten signature. At an inspection every item of the
 * round needs its finding. Pass: the applicant is told at once. Rectification (first inspection only): items, by
 * default the failed checklist items, and a deadline in working days, China time and holidays with 调休. Fail: with
 * reasons. On an overdue rectification, the handler decides pass or fail without a re-inspection. A pass or fail is
 * archived and pushed to the regulator right after; if that fails the decision stands and archiveCase repeats it.
 */
export const decideInspection = defineAction({
  name: 'decideInspection',
  schema: () => z.strictObject({
    caseId: idString(),
    version: version(),
    outcome: z.enum(['pass', 'rectify', 'fail'], { message: '请选择通过、限期整改或不通过' }),
    opinion: text(2000, 2),
    signatureFileId: fileId(),
    reasons: z.array(text(500, 2)).min(1).max(20).optional(),
    rectificationItems: z.array(z.strictObject({ itemCode: z.string().min(1).max(40).optional(), requirement: text(1000, 2) })).min(1).max(50).optional(),
  }),
  callers: ['staff'],
  mutates: true,
  async handle(ctx, { outcome, opinion, signatureFileId, reasons = [], rectificationItems, ...ref }) {
    const calendar = await yearsAround(ctx.calendar, ctx.now);
    const decided = await changeCase(ctx, ref, 'decideInspection', async (c) => {
      const to = nextState(c.state, OUTCOME_EVENTS[outcome]);
      const overdue = c.state === 'rectifying';
      if (!to || (outcome === 'rectify' && c.rectification)) throw new AppError('INVALID_STATE', '复查或整改期满后只能作出通过或不通过的决定');
      if (overdue && ctx.now.getTime() <= Date.parse(c.rectification!.deadline)) {
        throw new AppError('INVALID_STATE', '整改期限尚未届满，请等待申请人提交整改材料并申请复查');
      }
      if (outcome === 'fail' && !reasons.length) throw new AppError('VALIDATION', '不通过须写明理由');
      const round = roundInProgress(c);
      const checklist = (await loadChecklist(ctx.store, c.matterCode, c.checklistVersion ?? 0)).items;
      const items = outcome === 'rectify' ? (rectificationItems ?? rectificationItemsFrom(round, checklist)) : [];
      const problem = overdue ? null : decisionProblem(round, checklist, outcome, items.length);
      if (problem) throw new AppError('VALIDATION', problem);
      const unknown = items.find((i) => i.itemCode && !checklist.some((item) => item.code === i.itemCode));
      if (unknown) throw new AppError('VALIDATION', `踏勘标准中没有核查项 ${unknown.itemCode}`);

      const signature = await readOwnSignature(ctx, signatureFileId);
      const decision: DecisionRecord = {
        round: round.round, outcome, opinion, reasons, signatureFileId,
        signatureSha256: createHash('sha256').update(signature).digest('hex'),
        decidedBy: ctx.caller.openid, decidedByName: ctx.caller.name, decidedAt: ctx.now.toISOString(), afterDeadline: overdue,
      };
      const rectification = outcome === 'rectify' ? rectificationOf(ctx, calendar, round.round, items) : undefined;
      return [
        {
          ...c, state: to, decisions: [...(c.decisions ?? []), decision],
          // The first decision's time and outcome, never changed: the monthly draw and the statistics count by them.
          decidedAt: c.decidedAt ?? decision.decidedAt, decision: c.decision ?? outcome,
          ...(rectification ? { rectification } : {}),
        },
        { note: opinion, notices: decisionNotices(c, decision, rectification) },
      ];
    });
    return toInspectionView(ctx, await archiveIfFinal(ctx, decided));
  },
});

function rectificationOf(ctx: ActionContext, calendar: HolidayCalendar, round: number, items: { itemCode?: string; requirement: string }[]): Rectification {
  const workingDays = ctx.config.inspection.rectificationWorkingDays;
  const { deadline, provisional } = deadlineAfter(ctx.now, workingDays, calendar);
  return {
    round,
    items: items.map((item, i) => ({ id: `R${i + 1}`, itemCode: item.itemCode ?? null, requirement: item.requirement, proofs: [] })),
    workingDays,
    setAt: ctx.now.toISOString(),
    deadline: deadline.toISOString(),
    ...(provisional ? { deadlineProvisional: true } : {}),
    reinspectionRequestedAt: null,
  };
}

function decisionNotices(c: StoredCase, d: DecisionRecord, rectification: Rectification | undefined) {
  if (rectification) {
    const date = formatChina(rectification.deadline, 'YYYY年M月D日');
    const deadline = date + (rectification.deadlineProvisional ? '（暂按法定假日计算，以节假日通知为准）' : '');
    return [
      ...noticeToApplicant(c, 'rectificationRequired', `请于${deadline}前完成 ${rectification.items.length} 项整改，上传整改材料并申请复查`, { deadline: rectification.deadline }),
      ...(rectification.deadlineProvisional ? provisionalDateNotice(c, '整改期限', date) : []),
    ];
  }
  return d.outcome === 'pass'
    ? noticeToApplicant(c, 'inspectionPassed', d.opinion)
    : noticeToApplicant(c, 'inspectionFailed', d.reasons.join('；'));
}

/** A pass or fail is archived and pushed at once; a failure there is logged and left for archiveCase to repeat. */
async function archiveIfFinal(ctx: ActionContext, c: StoredCase): Promise<StoredCase> {
  if (c.state !== 'passed' && c.state !== 'failed') return c;
  try {
    return await archiveAndPush(ctx, c);
  } catch (e) {
    console.error('decideInspection: archive failed', (e as Error)?.name, (e as Error)?.message);
    return c;
  }
}
