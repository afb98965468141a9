import * as z from 'zod';
import { defineAction } from '../../api/action';
import { idString, text } from '../../api/validation';
import { changeCase, toInspectionView } from '../../application/inspection';
import { currentRound } from '../../domain/inspection';

/** An observer 观察员 adds a remark to the record (R17); the same remark sent twice is kept once. */
export const addObserverRemark = defineAction({
  name: 'addObserverRemark',
  schema: () => z.strictObject({ caseId: idString(), text: text(1000) }),
  callers: 'anyone',
  mutates: true,
  async handle(ctx, { caseId, text: remark }) {
    const saved = await changeCase(ctx, { caseId }, 'addObserverRemark', (c) => {
      const remarks = c.observerRemarks ?? [];
      if (remarks.some((m) => m.by === ctx.caller.openid && m.text === remark)) return null;
      const added = { round: currentRound(c.inspections)?.round ?? 0, at: ctx.now.toISOString(), by: ctx.caller.openid, byName: ctx.caller.name, text: remark };
      return [{ ...c, observerRemarks: [...remarks, added] }];
    });
    return toInspectionView(ctx, saved);
  },
});
