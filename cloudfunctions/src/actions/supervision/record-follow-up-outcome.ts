import * as z from 'zod';
import { defineAction } from '../../api/action';
import { AppError } from '../../api/errors';
import { idString, lazySchema, text, version } from '../../api/validation';
import { writeAudit } from '../../application/audit';
import { loadCase } from '../../application/cases';
import { type FindingRecord, announceFinding, followUpFindingId, newFinding } from '../../application/findings';
import { type FollowUpRecord, toFollowUpView } from '../../application/follow-ups';
import { verifyOwnUploads } from '../../application/intake';
import { FOLLOW_UP_STATUS_LABELS } from '../../domain/credit-finding';
import { evidenceFileIds, findingKind, findingSeverity } from './schemas';

const common = lazySchema(() => ({ followUpId: idString(), version: version(), note: text(1000), evidenceFileIds: evidenceFileIds() }));

/**
 * The supervisor records what the follow-up visit found: the case as declared, or a finding (false address, false
 * materials, evasion or concealment) with its severity and evidence, which then waits for a credit decision.
 * Compare-and-set on the visit: it has one outcome, and a stale screen gets CONFLICT.
 */
export const recordFollowUpOutcome = defineAction({
  name: 'recordFollowUpOutcome',
  schema: () => z.discriminatedUnion('result', [
    z.strictObject({ ...common(), result: z.literal('consistent') }),
    z.strictObject({ ...common(), result: z.literal('finding'), findingKind: findingKind(), severity: findingSeverity() }),
  ]),
  callers: ['supervisor'],
  mutates: true,
  async handle(ctx, input) {
    const followUp = await ctx.store.get<FollowUpRecord>('followUps', input.followUpId);
    if (!followUp) throw new AppError('NOT_FOUND', '未找到该回访任务');
    if (followUp._version !== input.version) throw new AppError('CONFLICT', '该回访任务刚被他人修改，请刷新后重试');
    if (followUp.status !== 'open') throw new AppError('INVALID_STATE', `该回访已记录结果（${FOLLOW_UP_STATUS_LABELS[followUp.status]}）`);
    const evidence = await verifyOwnUploads(ctx, input.evidenceFileIds, ctx.caller.openid);

    // The finding is stored before the visit is closed, so a failure in between leaves the visit open for a retry
    // (its id is the visit's, so the retry finds it); a visit closed by someone else meanwhile removes it again.
    let finding: { id: string; record: FindingRecord; inserted: boolean } | undefined;
    if (input.result === 'finding') {
      const c = await loadCase(ctx, followUp.caseId);
      const id = followUpFindingId(followUp._id);
      const record = newFinding(ctx, c, {
        source: 'followUp', followUpId: followUp._id, kind: input.findingKind, severity: input.severity, description: input.note, evidence,
      });
      finding = { id, record, inserted: await ctx.store.insert('findings', id, record) };
    }
    const { _id, _version, ...body } = followUp;
    const closed: FollowUpRecord = {
      ...body,
      status: input.result,
      outcome: {
        result: input.result,
        ...(input.result === 'finding' && finding ? { findingKind: input.findingKind, severity: input.severity, findingId: finding.id } : {}),
        note: input.note, evidence, recordedAt: ctx.now.toISOString(), recordedBy: ctx.caller.openid, recordedByName: ctx.caller.name,
      },
    };
    const newVersion = await ctx.store.replace('followUps', _id, _version, closed);
    if (newVersion === null) {
      if (finding?.inserted) await ctx.store.remove('findings', finding.id);
      throw new AppError('CONFLICT', '该回访任务刚被他人修改，请刷新后重试');
    }
    await writeAudit(ctx, `followUps/${_id}:${newVersion}`, {
      action: 'recordFollowUpOutcome', subject: `followUps/${_id}`, note: `${followUp.caseNumber} ${FOLLOW_UP_STATUS_LABELS[input.result]}`,
    });
    if (finding) await announceFinding(ctx, finding.id, finding.record);
    return toFollowUpView({ ...closed, _id, _version: newVersion }, ctx.now);
  },
});
