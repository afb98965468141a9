import * as z from 'zod';
import { defineAction } from '../../api/action';
import { AppError } from '../../api/errors';
import { idString, reasonText } from '../../api/validation';
import { chainEvidence, loadChain, supersessions } from '../../application/evidence';
import { callerName, caseFor, toInspectionView } from '../../application/inspection';
import { loadCase } from '../../application/cases';
import { currentRound } from '../../domain/inspection';
import { evidenceSeq } from './fields';

/**
 * Evidence is never deleted (R13): the handler marks a piece superseded with the reason, by appending a record to the
 * chain that names it. The same piece marked again is left as it is.
 */
export const supersedeEvidence = defineAction({
  name: 'supersedeEvidence',
  schema: () => z.strictObject({ caseId: idString(), seq: evidenceSeq(), reason: reasonText() }),
  callers: ['staff'],
  mutates: true,
  async handle(ctx, { caseId, seq, reason }) {
    const { c, relation } = await caseFor(ctx, caseId, 'supersedeEvidence');
    const records = await loadChain(ctx, caseId);
    const target = records.find((r) => r.seq === seq);
    if (!target || target.kind === 'supersede') throw new AppError('NOT_FOUND', `没有第 ${seq} 条证据`);
    if (!supersessions(records).has(seq)) {
      await chainEvidence(
        ctx, c, { kind: 'supersede', supersedesSeq: seq, reason },
        { round: currentRound(c.inspections)?.round ?? 0, uploaderName: callerName(ctx, c, relation), fileName: null, description: null, meetingRecording: null },
        'supersedeEvidence',
      );
    }
    return toInspectionView(ctx, await loadCase(ctx, caseId));
  },
});
