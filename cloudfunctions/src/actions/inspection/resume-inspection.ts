import * as z from 'zod';
import { defineAction } from '../../api/action';
import { idString, text, version } from '../../api/validation';
import { changeCase, issueSessionCode, roundInProgress, toInspectionView, withRound } from '../../application/inspection';

/** After a dropped call the handler picks the inspection up again: recorded, with a new session code (R8). */
export const resumeInspection = defineAction({
  name: 'resumeInspection',
  schema: () => z.strictObject({ caseId: idString(), version: version(), note: text(200).optional() }),
  callers: ['staff'],
  mutates: true,
  async handle(ctx, { note, ...ref }) {
    const saved = await changeCase(ctx, ref, 'resumeInspection', (c) => {
      const round = roundInProgress(c);
      return [
        withRound(c, {
          ...round,
          resumptions: [...round.resumptions, { at: ctx.now.toISOString(), note: note ?? null }],
          sessionCodes: [...round.sessionCodes, issueSessionCode(ctx, 'resume')],
        }),
        { note: note ? `通话中断后恢复：${note}` : '通话中断后恢复，已重新生成会话码' },
      ];
    });
    return toInspectionView(ctx, saved);
  },
});
