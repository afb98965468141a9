import * as z from 'zod';
import { defineAction } from '../../api/action';
import { idString, reasonText, version } from '../../api/validation';
import { decideOnFinding } from '../../application/credit';
import { loadFinding, toFindingView } from '../../application/findings';

/**
 * The supervisor's decision on a finding (R8, R15): always an entry in the credit file of the company and the
 * person; optionally an order to correct within working days, revocation of the licence, and — for serious or
 * grave findings — the blacklist for a number of months. The applicant is told.
 */
export const decideCreditPenalty = defineAction({
  name: 'decideCreditPenalty',
  schema: () => z.strictObject({
    findingId: idString(),
    version: version(),
    reason: reasonText(),
    correctionWorkingDays: z.number().int().min(1, { message: '改正期限至少 1 个工作日' }).max(60, { message: '改正期限最长 60 个工作日' }).optional(),
    revokeLicence: z.boolean().optional(),
    blacklistMonths: z.number().int().min(1, { message: '列入期限至少 1 个月' }).max(60, { message: '列入期限最长 60 个月' }).optional(),
  }),
  callers: ['supervisor'],
  mutates: true,
  async handle(ctx, { findingId, version: seen, ...decision }) {
    return toFindingView(await decideOnFinding(ctx, await loadFinding(ctx, findingId), seen, decision));
  },
});
