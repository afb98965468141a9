import * as z from 'zod';
import { defineAction } from '../../api/action';
import { AppError } from '../../api/errors';
import { idString, text } from '../../api/validation';
import { evidenceId } from '../../application/evidence';
import { changeCase, roundInProgress, toFindingView, withRound } from '../../application/inspection';
import type { CaseRecord } from '../../domain/case';
import { type Finding, RESULT_LABELS, findingOf, sameFinding, withFinding } from '../../domain/inspection';
import type { ActionContext } from '../../api/context';
import { evidenceSeq } from './fields';

/**
 * The handler saves one checklist item as they go (R12). Compare-and-set per item: the save names the item's
 * revision it was made on, so a save from another device in between is not overwritten (CONFLICT); saving the same
 * value again, as a retry after a dropped connection does, changes nothing and succeeds.
 */
export const saveChecklistItem = defineAction({
  name: 'saveChecklistItem',
  schema: () => z.strictObject({
    caseId: idString(),
    itemCode: z.string().min(1).max(40, { message: '核查项编码无效' }),
    result: z.enum(['conforming', 'nonConforming', 'notApplicable'], { message: '请选择符合、不符合或不适用' }),
    note: text(1000).optional(),
    evidenceSeqs: z.array(evidenceSeq()).max(50, { message: '关联证据不能超过50个' }).optional(),
    revision: z.number().int().min(0).max(1_000_000),
  }),
  callers: ['staff'],
  mutates: true,
  async handle(ctx, { caseId, itemCode, result, note, evidenceSeqs = [], revision }) {
    const value = { result, note: note ?? null, evidenceSeqs: [...new Set(evidenceSeqs)].sort((a, b) => a - b) };
    let saved: Finding | undefined;
    const c = await changeCase(ctx, { caseId }, 'saveChecklistItem', async (c) => {
      const round = roundInProgress(c);
      if (!round.itemCodes.includes(itemCode)) throw new AppError('VALIDATION', '本轮踏勘不核查该项');
      const existing = findingOf(round, itemCode);
      if (existing && sameFinding(existing, value)) {
        saved = existing;
        return null;
      }
      if ((existing?.revision ?? 0) !== revision) throw new AppError('CONFLICT', '该核查项已在其他设备上修改，请刷新后再保存');
      await requireEvidence(ctx, c, value.evidenceSeqs);
      saved = {
        itemCode, ...value, revision: revision + 1, savedAt: ctx.now.toISOString(), savedBy: ctx.caller.openid, savedByName: ctx.caller.name,
      };
      return [withRound(c, withFinding(round, saved)), { note: `${itemCode}：${RESULT_LABELS[result]}` }];
    });
    return { caseVersion: c._version, itemCode, finding: toFindingView(roundInProgress(c).round, saved!) };
  },
});

/** Linked evidence must be files already in the case's chain. */
async function requireEvidence(ctx: ActionContext, c: CaseRecord & { _id: string }, seqs: number[]): Promise<void> {
  for (const seq of seqs) {
    const record = seq <= (c.evidenceHead?.seq ?? 0) ? await ctx.store.get<{ kind: string }>('evidence', evidenceId(c._id, seq)) : null;
    if (!record || record.kind === 'supersede') throw new AppError('VALIDATION', `第 ${seq} 条证据不存在`);
  }
}
