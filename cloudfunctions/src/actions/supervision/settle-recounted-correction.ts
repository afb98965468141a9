import * as z from 'zod';
import { defineAction } from '../../api/action';
import { idString, version } from '../../api/validation';
import { settledFinding } from '../../application/deadline-recounts';
import { loadFinding, toFindingView } from '../../application/findings';

/**
 * A supervisor decides on an order-to-correct deadline the newly entered holiday notice would move (issue 10):
 * adopt the new date (the credit file follows, the applicant is told) or keep the issued one. Any supervisor may,
 * as any may decide a finding (SPEC: supervision); the one who decided it was told. Compare-and-set on the finding.
 */
export const settleRecountedCorrection = defineAction({
  name: 'settleRecountedCorrection',
  schema: () => z.strictObject({
    findingId: idString(),
    version: version(),
    issued: z.iso.datetime({ message: '期限格式不正确' }),
    adopt: z.boolean(),
  }),
  callers: ['supervisor'],
  mutates: true,
  async handle(ctx, { findingId, version: seen, issued, adopt }) {
    return toFindingView(await settledFinding(ctx, await loadFinding(ctx, findingId), seen, issued, adopt));
  },
});
