import type { OutboxMessage } from '../../../cloudfunctions/src/adapters/outbox-notifier';
import { chinaTime } from '../../../cloudfunctions/src/domain/china-time';
import { forceCase } from '../../support/fast-forward';
import { type Harness, makeHarness } from '../../support/harness';
import { greyJpeg } from '../../support/images';
import {
  AT_PREMISES, caseRecord, decide, firstItem, inspectionOf, proveAll, recordFindings, rectifyingCase, signature, startedCase, upload,
} from '../../support/inspection';

// A pass or fail renders the archive PDF with the embedded Chinese font: seconds, on a busy machine.
jest.setTimeout(30_000);

let h: Harness;
beforeEach(async () => {
  h = await makeHarness();
});
afterEach(() => h.close());

const messagesTo = (to: string) => h.deps.store.find<OutboxMessage>('outbox', { where: { to }, orderBy: [['createdAt', 'desc']] });

/** Back into 'scheduled' as the scheduling actions (another area) would put it, then the re-inspection starts. */
async function startReinspection(caseId: string) {
  await forceCase(h, caseId, { state: 'scheduled' });
  return h.ok('staff', 'startInspection', { caseId, version: (await inspectionOf(h, caseId)).version, location: AT_PREMISES });
}

describe('deciding', () => {
  test('pass: the applicant is told at once, the first decision time is kept, and the case is archived', async () => {
    const { caseId } = await startedCase(h);
    await recordFindings(h, caseId);
    h.clock.set('2026-06-15T02:45:00Z');
    const view = await decide(h, caseId, 'pass');
    expect(view.state).toBe('archived');
    expect(view.decisions).toEqual([expect.objectContaining({ outcome: 'pass', outcomeLabel: '通过', decidedByName: '王芳', afterDeadline: false })]);
    expect(await caseRecord(h, caseId)).toMatchObject({ decidedAt: '2026-06-15T02:45:00.000Z', decision: 'pass', rounds: 1 });
    expect(await messagesTo('applicant')).toContainEqual(expect.objectContaining({ event: 'inspectionPassed', caseId }));
  });

  test('every item of the round needs its finding before a decision', async () => {
    const { caseId, items } = await startedCase(h);
    await h.ok('staff', 'saveChecklistItem', { caseId, itemCode: items[0]!.code, result: 'conforming', revision: 0 });
    const r = await h.call('staff', 'decideInspection', {
      caseId, version: (await inspectionOf(h, caseId)).version, outcome: 'pass', opinion: '同意通过', signatureFileId: await signature(h),
    });
    expect(r).toMatchObject({ ok: false, code: 'VALIDATION', message: expect.stringContaining(`尚有 ${items.length - 1} 个核查项未填写结果`) });
  });

  test('a pass cannot stand beside a non-conforming item', async () => {
    const { caseId } = await startedCase(h);
    await recordFindings(h, caseId, { [await firstItem(h, caseId)]: 'nonConforming' });
    await expect(decide(h, caseId, 'pass')).rejects.toThrow(/不能作出通过决定/);
  });

  test('the signature must be a PNG the handler uploaded themselves', async () => {
    const { caseId } = await startedCase(h);
    await recordFindings(h, caseId);
    await expect(decide(h, caseId, 'pass', { signatureFileId: await signature(h, 'otherStaff') })).rejects.toThrow(/FORBIDDEN/);
    const jpeg = await upload(h, 'staff', 'signature', 'sign.jpg', greyJpeg(16, 16, 10));
    await expect(decide(h, caseId, 'pass', { signatureFileId: jpeg })).rejects.toThrow(/PNG/);
  });

  test('fail: with reasons, told to the applicant, archived and pushed', async () => {
    const { caseId } = await startedCase(h);
    await recordFindings(h, caseId, { [await firstItem(h, caseId)]: 'nonConforming' });
    const missing = await h.call('staff', 'decideInspection', {
      caseId, version: (await inspectionOf(h, caseId)).version, outcome: 'fail', opinion: '不符合', signatureFileId: await signature(h),
    });
    expect(missing).toMatchObject({ ok: false, code: 'VALIDATION', message: expect.stringContaining('理由') });
    const view = await decide(h, caseId, 'fail', { reasons: ['实际经营场所与申报地址不一致'] });
    expect(view.state).toBe('archived');
    expect(view.decisions[0]).toMatchObject({ outcome: 'fail', reasons: ['实际经营场所与申报地址不一致'] });
    expect(await messagesTo('applicant')).toContainEqual(expect.objectContaining({ event: 'inspectionFailed', body: '实际经营场所与申报地址不一致' }));
  });
});

describe('rectification (R14)', () => {
  test('the items default to the failed checklist items', async () => {
    const { caseId, rectification } = await rectifyingCase(h);
    const failed = await firstItem(h, caseId);
    expect(rectification!.items).toEqual([expect.objectContaining({ id: 'R1', itemCode: failed, proofs: [] })]);
    expect(rectification!.items[0]!.requirement).toContain('达标要求');
    expect(await messagesTo('applicant')).toContainEqual(expect.objectContaining({ event: 'rectificationRequired', fields: expect.objectContaining({ deadline: rectification!.deadline }) }));
  });

  test('the handler may word the items themselves', async () => {
    const { caseId } = await startedCase(h);
    const itemCode = await firstItem(h, caseId);
    await recordFindings(h, caseId, { [itemCode]: 'nonConforming' });
    const view = await decide(h, caseId, 'rectify', { rectificationItems: [{ itemCode, requirement: '悬挂营业执照正本' }, { requirement: '补充消毒记录' }] });
    expect(view.rectification!.items.map((i) => [i.id, i.itemCode, i.requirement])).toEqual([['R1', itemCode, '悬挂营业执照正本'], ['R2', undefined, '补充消毒记录']]);
  });

  test('the deadline counts working days in China, skipping 中秋 and 国庆 and working the adjusted Saturday', async () => {
    const { caseId } = await startedCase(h);
    await recordFindings(h, caseId, { [await firstItem(h, caseId)]: 'nonConforming' });
    h.clock.set('2026-09-24T02:00:00Z'); // Thursday 24 September, 10:00 in China
    const view = await decide(h, caseId, 'rectify');
    // 10 working days: 28, 29, 30 Sep; 8, 9, 10 (the adjusted Saturday), 12, 13, 14, 15 Oct.
    expect(view.rectification).toMatchObject({ workingDays: 10, deadline: new Date(chinaTime('2026-10-16 00:00').getTime() - 1).toISOString() });
  });

  test('the applicant proves each item and applies for re-inspection before the deadline', async () => {
    const { caseId, version } = await rectifyingCase(h);
    const early = await h.call('applicant', 'requestReinspection', { caseId, version });
    expect(early).toMatchObject({ ok: false, code: 'VALIDATION', message: '以下整改事项尚未提交整改材料：第1项' });
    const proven = await proveAll(h, caseId);
    expect(proven.rectification!.items[0]!.proofs).toEqual([expect.objectContaining({ evidenceSeq: 1, note: '已整改' })]);
    expect(proven.evidence).toEqual([expect.objectContaining({ seq: 1, kind: 'proof', kindLabel: '整改材料' })]);
    const view = await h.ok('applicant', 'requestReinspection', { caseId, version: proven.version });
    expect(view.state).toBe('ready');
    expect(view.rectification!.reinspectionRequestedAt).toBe(h.clock.now().toISOString());
    expect(await messagesTo('staff')).toContainEqual(expect.objectContaining({ event: 'rectificationSubmitted' }));
  });

  test('after the deadline neither proof nor a re-inspection request is accepted', async () => {
    const { caseId, rectification } = await rectifyingCase(h);
    const proven = await proveAll(h, caseId);
    h.clock.set(new Date(Date.parse(rectification!.deadline) + 1).toISOString());
    const r = await h.call('applicant', 'requestReinspection', { caseId, version: proven.version });
    expect(r).toMatchObject({ ok: false, code: 'INVALID_STATE', message: expect.stringContaining('整改期限已过') });
    const fileId = await upload(h, 'applicant', 'proof', 'late.jpg', greyJpeg(16, 16, 70));
    expect(await h.call('applicant', 'submitRectificationProof', { caseId, itemId: 'R1', fileIds: [fileId] })).toMatchObject({ ok: false, code: 'INVALID_STATE' });
  });

  test('after the deadline, and only then, the handler decides without a re-inspection', async () => {
    const { caseId, rectification } = await rectifyingCase(h);
    await expect(decide(h, caseId, 'fail')).rejects.toThrow(/整改期限尚未届满/);
    h.clock.set(new Date(Date.parse(rectification!.deadline) + 60_000).toISOString());
    await expect(decide(h, caseId, 'rectify')).rejects.toThrow(/INVALID_STATE/);
    const view = await decide(h, caseId, 'fail', { reasons: ['逾期未整改'] });
    expect(view.state).toBe('archived');
    expect(view.decisions.map((d) => [d.outcome, d.afterDeadline])).toEqual([['rectify', false], ['fail', true]]);
  });
});

describe('the re-inspection', () => {
  test('re-checks only the failed items and shows the first finding beside the new one', async () => {
    const { caseId, items } = await rectifyingCase(h);
    const failed = items[0]!.code;
    await proveAll(h, caseId);
    await h.ok('applicant', 'requestReinspection', { caseId, version: (await inspectionOf(h, caseId)).version });
    const started = await startReinspection(caseId);
    expect(started.round).toBe(2);
    expect(started.items.filter((i) => i.inCurrentRound).map((i) => i.code)).toEqual([failed]);
    await h.ok('staff', 'saveChecklistItem', { caseId, itemCode: failed, result: 'conforming', note: '已悬挂', revision: 0 });
    const view = await inspectionOf(h, caseId);
    expect(view.items.find((i) => i.code === failed)!.findings.map((f) => [f.round, f.result])).toEqual([[1, 'nonConforming'], [2, 'conforming']]);
    expect(view.items.find((i) => i.code !== failed)!.findings.map((f) => f.round)).toEqual([1]);
  });

  test('ends in pass or fail; the first decision time and outcome stay as they were', async () => {
    h.clock.set('2026-06-15T02:00:00Z');
    const { caseId, items } = await rectifyingCase(h);
    await proveAll(h, caseId);
    await h.ok('applicant', 'requestReinspection', { caseId, version: (await inspectionOf(h, caseId)).version });
    h.clock.set('2026-06-22T02:00:00Z');
    await startReinspection(caseId);
    await h.ok('staff', 'saveChecklistItem', { caseId, itemCode: items[0]!.code, result: 'conforming', revision: 0 });
    await expect(decide(h, caseId, 'rectify')).rejects.toThrow(/只能作出通过或不通过/);
    const view = await decide(h, caseId, 'pass');
    expect(view.state).toBe('archived');
    expect(await caseRecord(h, caseId)).toMatchObject({ decidedAt: '2026-06-15T02:00:00.000Z', decision: 'rectify', rounds: 2 });
  });
});

describe('satisfaction (R19)', () => {
  async function decided() {
    const { caseId } = await startedCase(h);
    await recordFindings(h, caseId);
    return (await decide(h, caseId, 'pass')).caseId;
  }

  test('the applicant rates once after the decision; staff and supervisors see it', async () => {
    const caseId = await decided();
    await h.ok('applicant', 'rateService', { caseId, score: 4, suggestions: '希望提前告知所需材料' });
    expect((await inspectionOf(h, caseId, 'staff')).rating).toEqual({ score: 4, suggestions: '希望提前告知所需材料', ratedAt: h.clock.now().toISOString() });
    expect((await inspectionOf(h, caseId, 'supervisor')).rating?.score).toBe(4);
    expect((await caseRecord(h, caseId)).rating).toMatchObject({ score: 4, comment: '希望提前告知所需材料' });
  });

  test('the same rating sent again is accepted; a different one is refused', async () => {
    const caseId = await decided();
    await h.ok('applicant', 'rateService', { caseId, score: 5 });
    await expect(h.ok('applicant', 'rateService', { caseId, score: 5 })).resolves.toMatchObject({ rating: { score: 5 } });
    expect(await h.call('applicant', 'rateService', { caseId, score: 1 })).toMatchObject({ ok: false, code: 'DUPLICATE' });
  });

  test('there is nothing to rate before the decision', async () => {
    const { caseId } = await startedCase(h);
    expect(await h.call('applicant', 'rateService', { caseId, score: 5 })).toMatchObject({ ok: false, code: 'INVALID_STATE' });
  });
});
