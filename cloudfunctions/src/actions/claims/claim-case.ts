import * as z from 'zod';
import { defineAction } from '../../api/action';
import { AppError } from '../../api/errors';
import { loadCase, saveCase } from '../../application/cases';
import { updateClaimCode } from '../../application/claims';
import { toCaseView } from '../../application/views';
import {
  CLAIM_REFUSALS, type ClaimCodeRecord, MAX_CLAIM_FAILURES, claimCodeHash, claimRefusal, normalizeClaimCode, phoneTail,
} from '../../domain/claim-code';
import { creditCodeField } from '../intake/application-schema';

/**
 * The applicant takes over a case the office registered (R9): the receipt's one-time code, and what only the
 * applicant knows, the company's credit code and the last four digits of the phone on the application. A wrong
 * answer counts against the code; after five it is void. The code works once; the audit records the binding.
 */
export const claimCase = defineAction({
  name: 'claimCase',
  schema: () => z.strictObject({
    code: z.string().trim().min(1, { message: '请填写认领码' }).max(20, { message: '认领码为8位字母和数字' }),
    creditCode: creditCodeField(),
    phoneTail: z.string().trim().regex(/^\d{4}$/, { message: '请填写登记手机号的后四位数字' }),
  }),
  callers: 'anyone',
  mutates: true,
  async handle(ctx, { code, creditCode, phoneTail: tail }) {
    const normalized = normalizeClaimCode(code);
    if (!normalized) throw new AppError('VALIDATION', '认领码为8位字母和数字，请核对回执上的认领码');
    const hash = claimCodeHash(normalized);
    const issued = await ctx.store.get<ClaimCodeRecord>('claimCodes', hash);
    if (!issued) throw new AppError('NOT_FOUND', '认领码不正确，请核对回执上的认领码');
    const refusal = claimRefusal(issued, ctx.now);
    if (refusal) throw new AppError('INVALID_STATE', CLAIM_REFUSALS[refusal]);
    const c = await loadCase(ctx, issued.caseId);
    if (c.registeredBy === ctx.caller.openid || c.handlerId === ctx.caller.openid) {
      throw new AppError('FORBIDDEN', '登记或经办该办件的工作人员不能认领为申请人');
    }
    if (c.applicantId) throw new AppError('INVALID_STATE', CLAIM_REFUSALS.USED);
    if (c.registration?.claimCodeHash !== hash) throw new AppError('INVALID_STATE', CLAIM_REFUSALS.REVOKED);

    if (c.company.creditCode !== creditCode || phoneTail(c.applicantPhone) !== tail) {
      await updateClaimCode(ctx, hash, (r) => ({ ...r, failures: r.failures + 1 }));
      const left = MAX_CLAIM_FAILURES - issued.failures - 1;
      throw new AppError('VALIDATION', left > 0
        ? `统一社会信用代码或手机号后四位与登记信息不符，还可尝试${left}次`
        : CLAIM_REFUSALS.LOCKED);
    }
    // The code is spent first: of two people claiming at once, one wins and the other is refused.
    if (!(await updateClaimCode(ctx, hash, (r) => (r.usedAt ? r : { ...r, usedAt: ctx.now.toISOString() })))) {
      throw new AppError('CONFLICT', '认领正在处理中，请稍后刷新查看');
    }
    const claimedAt = ctx.now.toISOString();
    const saved = await saveCase(ctx, c, { ...c, applicantId: ctx.caller.openid, registration: { ...c.registration, claimedAt } }, {
      action: 'claimCase',
      note: '申请人凭认领码认领（已核对统一社会信用代码和手机号后四位）',
    });
    return toCaseView(ctx, saved);
  },
});
