import { type Harness, makeHarness } from '../../support/harness';
import { AT_PREMISES, addLivePhoto, decide, firstItem, proveAll, recordFindings, rectifyingCase, startedCase } from '../../support/inspection';
import { forceCase } from '../../support/fast-forward';
import { prepared, sign } from '../../support/readiness';

// What each person sees of a case (docs/audience.md, application/audience.ts): the parties read plain events, the
// office a 核验 part; one masking rule for personal data.

jest.setTimeout(30_000);

let h: Harness;
beforeEach(async () => {
  h = await makeHarness();
});
afterEach(() => h.close());

const HEX64 = /[0-9a-f]{64}/i;

test('the applicant\'s timeline has no hash, checklist code or version; the handler\'s keeps the hashes in 核验', async () => {
  const { caseId } = await startedCase(h, AT_PREMISES);
  await addLivePhoto(h, caseId);
  const code = await firstItem(h, caseId);
  await recordFindings(h, caseId, { [code]: 'conforming' });

  const mine = await h.ok('applicant', 'getCase', { caseId });
  const told = JSON.stringify(mine.timeline);
  expect(mine.timeline.map((t) => t.actionLabel)).toEqual(expect.arrayContaining(['上传证据', '填写核查记录']));
  expect(told).not.toMatch(HEX64);
  expect(told).not.toContain(code);
  expect(told).not.toContain('SHA-256');
  expect(mine.timeline.every((t) => t.verification === undefined && t.from === undefined)).toBe(true);
  expect(mine.checklistVersion).toBeUndefined();

  const office = await h.ok('staff', 'getCase', { caseId });
  const evidence = office.timeline.find((t) => t.action === 'addEvidence')!;
  expect(evidence.verification).toMatch(/^SHA-256 [0-9a-f]{64}$/);
  expect(evidence.note).not.toContain('SHA-256');
  expect(office.timeline.find((t) => t.action === 'saveChecklistItem')!.note).toContain(code);
});

test('a signed form reads as its name for the applicant; its hashes are the office\'s to check', async () => {
  const c = await prepared.accepted(h);
  await sign(h, c, 'consent');
  const signed = (await h.ok('applicant', 'getCase', { caseId: c.id })).timeline.filter((t) => t.action === 'signForm');
  expect(signed.map((t) => t.note)).toEqual(['远程视频踏勘同意书']);
  const office = (await h.ok('staff', 'getCase', { caseId: c.id })).timeline.find((t) => t.action === 'signForm')!;
  expect(office.note).toMatch(/同意书（第\d+版）$/);
  expect(office.verification).toMatch(/^SHA-256 申请人联 [0-9a-f]{64}，存档联 [0-9a-f]{64}$/);
});

test('an offer out of order shows the applicant the times only, not the cases taken first or the reason', async () => {
  const first = await prepared.ready(h);
  h.clock.advance(60_000);
  const second = await prepared.ready(h);
  const at = '2026-06-17T02:00:00.000Z';
  const { version } = await h.ok('staff', 'getCase', { caseId: second.id });
  await h.ok('staff', 'offerSlots', { caseId: second.id, version, starts: [at], reason: '申请人下周出国' });
  const entry = (await h.ok('applicant', 'getCase', { caseId: second.id })).timeline.find((t) => t.action === 'offerSlots')!;
  expect(entry.note).toMatch(/^时段 /);
  expect(entry.note).not.toContain(first.number);
  expect(entry.note).not.toContain('申请人下周出国');
  const office = (await h.ok('staff', 'getCase', { caseId: second.id })).timeline.find((t) => t.action === 'offerSlots')!;
  expect(office.note).toContain(first.number);
  expect(office.note).toContain('申请人下周出国');
});

describe('one masking rule', () => {
  test('the applicant sees themselves and the handling officer sees the contact details in full; others masked', async () => {
    const { caseId } = await startedCase(h, AT_PREMISES);
    await recordFindings(h, caseId);
    await decide(h, caseId, 'pass');
    const seen = async (who: string) => {
      const v = await h.ok(who, 'getCase', { caseId });
      return { name: v.applicantName, phone: v.applicantPhoneMasked, listed: v.applicantNameMasked, actors: v.timeline.map((t) => t.actorName) };
    };

    expect(await seen('applicant')).toMatchObject({ name: '张三', phone: '13812345678', listed: '张三' });
    expect(await seen('staff')).toMatchObject({ name: '张三', phone: '13812345678' });
    for (const who of ['otherStaff', 'head', 'supervisor', 'regulator']) {
      const v = await seen(who);
      expect(v).toMatchObject({ name: '张*', phone: '138****5678', listed: '张*' });
      // Not 张* in one place and 张三 in the next: the timeline follows the same rule.
      expect(v.actors).not.toContain('张三');
      expect(v.actors).toContain('王芳');
    }
  });

  test('the applicant\'s own list shows their name in full', async () => {
    await h.apply();
    const mine = await h.ok('applicant', 'listMyCases', {});
    expect(mine.items[0]!.applicantNameMasked).toBe('张三');
  });
});

test('after the decision the meeting card is gone: no countdown, no 进入腾讯会议 on a decided case', async () => {
  const c = await prepared.scheduled(h);
  const set = await h.ok('staff', 'setMeetingManually', { caseId: c.id, version: c.version, pasted: '123456789' });
  expect((await h.ok('applicant', 'getGroup', { caseId: c.id })).meeting).toMatchObject({ meetingCode: '123456789' });
  await forceCase(h, set.case.id, { state: 'passed' });
  expect((await h.ok('applicant', 'getGroup', { caseId: c.id })).meeting).toBeUndefined();
  expect((await h.ok('staff', 'getGroup', { caseId: c.id })).meeting).toBeUndefined();
});

test('a re-inspection is marked 复查 in the queue and keeps the place its acceptance gave it', async () => {
  const { caseId } = await rectifyingCase(h);
  h.clock.advance(60_000);
  const later = await prepared.ready(h);
  await proveAll(h, caseId);
  await h.ok('applicant', 'requestReinspection', { caseId, version: (await h.ok('applicant', 'getCase', { caseId })).version });
  const queue = (await h.ok('staff', 'getReadyQueue', {})).items;
  expect(queue.map((e) => [e.id, e.position, e.reinspection ?? false])).toEqual([
    [caseId, 1, true],
    [later.id, 2, false],
  ]);
  expect((await h.ok('staff', 'listHandlerCases', { state: 'ready' })).items.find((c) => c.id === caseId)?.reinspection).toBe(true);
});

test('asking for re-inspection with an item unproven names the item by its number on the page, not its id', async () => {
  const { caseId, rectification } = await rectifyingCase(h);
  const r = await h.call('applicant', 'requestReinspection', { caseId, version: (await h.ok('applicant', 'getCase', { caseId })).version });
  expect(r).toEqual({ ok: false, code: 'VALIDATION', message: '以下整改事项尚未提交整改材料：第1项' });
  expect(JSON.stringify(r)).not.toContain(rectification!.items[0]!.id);
});

test('an on-site contact sees themselves in full and the applicant masked; the handler sees both in full', async () => {
  const c = await prepared.accepted(h);
  const { token } = await h.ok('applicant', 'inviteContact', { caseId: c.id });
  await h.ok('otherApplicant', 'joinGroupByInvite', { token });
  const contact = await h.ok('otherApplicant', 'getCase', { caseId: c.id });
  expect(contact).toMatchObject({ applicantName: '张*', applicantPhoneMasked: '138****5678' });
  expect(contact.timeline.map((t) => t.actorName)).toEqual(expect.arrayContaining(['钱七', '张*', '王芳']));
  const applicant = await h.ok('applicant', 'getCase', { caseId: c.id });
  expect(applicant.timeline.map((t) => t.actorName)).toEqual(expect.arrayContaining(['张三', '钱*']));
  const handler = await h.ok('staff', 'getCase', { caseId: c.id });
  expect(handler.timeline.map((t) => t.actorName)).toEqual(expect.arrayContaining(['张三', '钱七']));
});
