import * as z from 'zod';
import type { SessionCodeConfirmation } from '../../../../typings/models';
import { defineAction } from '../../api/action';
import { idString } from '../../api/validation';
import { callerName, changeCase, premisesCheckOf, roundInProgress, withRound } from '../../application/inspection';
import { MAX_SESSION_CODE_FAILURES, type SessionCodeIssue } from '../../domain/inspection';
import { checkSessionCode, normalizeSessionCode } from '../../domain/session-code';
import { deviceLocation } from './fields';

/**
 * The applicant or an on-site contact enters, on the phone at the premises, the session code the handler read out;
 * the phone then shows it large for the camera (R8). The phone's location goes with it and is checked against the
 * declared premises. Wrong codes are counted; after five the code is void and the handler issues a new one.
 */
export const confirmSessionCode = defineAction({
  name: 'confirmSessionCode',
  schema: () => z.strictObject({ caseId: idString(), code: z.string().max(20, { message: '会话码应为6位数字' }), location: deviceLocation() }),
  callers: 'anyone',
  mutates: true,
  async handle(ctx, { caseId, code, location }) {
    let answer: SessionCodeConfirmation = { confirmed: false, message: '' };
    await changeCase(ctx, { caseId }, 'confirmSessionCode', (c, _state, relation) => {
      const round = roundInProgress(c);
      const issued = round.sessionCodes.at(-1)!;
      const withIssued = (changed: SessionCodeIssue, premisesChecks = round.premisesChecks) =>
        withRound(c, { ...round, sessionCodes: [...round.sessionCodes.slice(0, -1), changed], premisesChecks });
      if (issued.usedBy === ctx.caller.openid && normalizeSessionCode(code) === issued.code) {
        answer = { confirmed: true, message: '会话码已确认，请在镜头前展示' };
        return null;
      }
      if (issued.failedAttempts >= MAX_SESSION_CODE_FAILURES) {
        answer = { confirmed: false, message: '会话码输错次数过多，已失效，请向审批人员索取新的会话码' };
        return null;
      }
      const check = checkSessionCode(
        { code: issued.code, issuedAt: new Date(issued.issuedAt), usedAt: issued.usedAt ? new Date(issued.usedAt) : null }, code, ctx.now,
      );
      if (check.ok) {
        answer = { confirmed: true, message: '会话码正确，请在镜头前展示' };
        const used = { ...issued, usedAt: ctx.now.toISOString(), usedBy: ctx.caller.openid };
        return [withIssued(used, [...round.premisesChecks, premisesCheckOf(ctx, c, location, callerName(ctx, c, relation))]), { note: '现场确认会话码' }];
      }
      answer = { confirmed: false, message: check.message };
      if (check.reason !== 'MISMATCH') return null;
      return [withIssued({ ...issued, failedAttempts: issued.failedAttempts + 1 }), { note: '会话码输入错误' }];
    });
    return answer;
  },
});
