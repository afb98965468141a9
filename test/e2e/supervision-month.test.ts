import type { ActionRequest } from '../../typings/api';
import type { BlacklistEntryView, CaseView, DrawView, DrawnCase, FollowUpView } from '../../typings/models';
import { recordOf, runMonthlyDraw } from '../../cloudfunctions/src/application/monthly-draw';
import { systemContext } from '../../cloudfunctions/src/application/system-context';
import { seededCalendar } from '../support/calendar';
import { PILOT_MATTERS } from '../../cloudfunctions/src/catalogue/pilot-matters';
import { chinaMonthOf, chinaTime, previousMonth } from '../../cloudfunctions/src/domain/china-time';
import { isWorkingDay } from '../../cloudfunctions/src/domain/working-days';
import { type Harness, PEOPLE, makeHarness, validCreditCode } from '../support/harness';
import { signaturePng } from '../support/images';
import { wholeDrawList } from '../support/supervision-fixtures';

// A month of supervision walked through the real actions in process, on a clock the test moves: twelve remote
// cases of May 2026 (China time) applied for, signed, booked, inspected and passed; the monthly draw at 02:00 on
// 1 June; a follow-up visit that finds a false address; the credit decision that blacklists the company and the
// applicant; the next remote application refused, an on-site one accepted; and credit repair opening remote again.

jest.setTimeout(60_000);

const MONTH = '2026-05';
const at = (chinaWallClock: string): string => chinaTime(chinaWallClock).toISOString();

/** The section's remote matters (the staff's section is the first remote matter's): the month spans all of them. */
const MATTERS = PILOT_MATTERS.map((m) => m.matter).filter((m) => m.remoteAllowed && m.sectionCode === PEOPLE.staff!.sectionCode);

interface Company {
  name: string;
  creditCode: string;
  owner: 'applicant' | 'otherApplicant';
}

const COMPANIES: Company[] = [
  { name: '天津东丽宏达物业管理有限公司', creditCode: validCreditCode('91120110MA05K7QX3'), owner: 'applicant' },
  { name: '天津东丽清源供水服务有限公司', creditCode: validCreditCode('91120110MA06QY2K8'), owner: 'applicant' },
  { name: '天津东丽安康放射诊疗有限公司', creditCode: validCreditCode('91120110MA07RD5M1'), owner: 'otherApplicant' },
  { name: '天津东丽恒信劳务派遣有限公司', creditCode: validCreditCode('91120110MA09LW8P6'), owner: 'otherApplicant' },
];

/** Working days of May 2026 after the Labour Day holiday (the 9th is a make-up working Saturday). */
function workingDaysOfMay(from: number): string[] {
  const days: string[] = [];
  for (let d = from; d <= 31; d++) {
    const day = `${MONTH}-${String(d).padStart(2, '0')}`;
    if (isWorkingDay(day, seededCalendar())) days.push(day);
  }
  return days;
}

let h: Harness;
beforeAll(async () => {
  h = await makeHarness();
});
afterAll(() => h.close());

async function upload(who: string, purpose: ActionRequest<'requestUpload'>['purpose'], fileName: string, bytes: Uint8Array): Promise<string> {
  const { cloudPath } = await h.ok(who, 'requestUpload', { fileName, size: bytes.length, purpose });
  return (await h.deps.files.put(cloudPath, Buffer.from(bytes))).fileId;
}

/** The application form as the company's applicant fills it in, with a material uploaded as the Mini Program does. */
async function applicationOf(company: Company, matterCode: string, mode: 'remote' | 'onsite' = 'remote'): Promise<ActionRequest<'applyForInspection'>> {
  return {
    matterCode, mode, materialFileIds: [await h.uploadMaterial(company.owner)], company: { name: company.name, creditCode: company.creditCode },
    applicantName: PEOPLE[company.owner]!.name, applicantPhone: company.owner === 'applicant' ? '13812345678' : '13987654321',
    premises: { address: '天津市东丽区津塘公路398号', latitude: 39.0892, longitude: 117.3121 },
  };
}

const apply = async (company: Company, matterCode: string, mode: 'remote' | 'onsite' = 'remote'): Promise<CaseView> =>
  h.ok(company.owner, 'applyForInspection', await applicationOf(company, matterCode, mode));

/** The staff accepts, the applicant signs both forms and opens the group: the case waits for times. */
async function acceptAndSign(applicant: string, caseId: string, version: number): Promise<number> {
  let c: CaseView = await h.ok('staff', 'acceptCase', { caseId, version });
  for (const form of (await h.ok(applicant, 'getCaseForms', { caseId })).forms) {
    const signatureFileId = await upload(applicant, 'signature', 'signature.png', signaturePng());
    c = (await h.ok(applicant, 'signForm', { caseId, version: c.version, kind: form.kind, templateVersion: form.version, signatureFileId })).case;
  }
  return (await h.ok(applicant, 'openGroup', { caseId })).case.version;
}

/** The staff offers one slot, the applicant books it, the staff pastes the meeting it scheduled. */
async function book(applicant: string, caseId: string, version: number, slot: string, meetingCode: string): Promise<void> {
  const offered = await h.ok('staff', 'offerSlots', { caseId, version, starts: [slot] });
  const booked = await h.ok(applicant, 'bookSlot', { caseId, version: offered.case.version, start: slot });
  await h.ok('staff', 'setMeetingManually', { caseId, version: booked.case.version, pasted: `#腾讯会议：${meetingCode}` });
}

/** At the booked time: the staff starts, finds every item of the round conforming and passes with a signature. */
async function inspectAndPass(caseId: string): Promise<void> {
  const { version } = await h.ok('staff', 'getInspection', { caseId });
  const started = await h.ok('staff', 'startInspection', { caseId, version, location: { latitude: 39.0892, longitude: 117.3121, accuracy: 20 } });
  for (const item of started.items.filter((i) => i.inCurrentRound)) {
    await h.ok('staff', 'saveChecklistItem', { caseId, itemCode: item.code, result: 'conforming', revision: 0 });
  }
  const ready = await h.ok('staff', 'getInspection', { caseId });
  await h.ok('staff', 'decideInspection', {
    caseId, version: ready.version, outcome: 'pass', opinion: '经远程视频核查，现场条件符合要求。',
    signatureFileId: await upload('staff', 'signature', 'signature.png', signaturePng()),
  });
}

/** One remote case from application to a pass on `day`: applied at 08:30 or 12:30, inspected at 10:00 or 14:00. */
async function passedRemoteCase(company: Company, matterCode: string, day: string, morning: boolean, meetingCode: string): Promise<string> {
  h.clock.set(at(`${day} ${morning ? '08:30' : '12:30'}`));
  const applied = await apply(company, matterCode);
  const version = await acceptAndSign(company.owner, applied.id, applied.version);
  const slot = at(`${day} ${morning ? '10:00' : '14:00'}`);
  await book(company.owner, applied.id, version, slot, meetingCode);
  h.clock.set(slot);
  h.clock.advance(5 * 60_000);
  await inspectAndPass(applied.id);
  return applied.id;
}

/** May's cases by matter: a lopsided mix, so that 10% of the month alone would leave a matter out. */
const MAY_MATTERS = [0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 2, 2].map((i) => MATTERS[i]!.code);

const decidedInMay: string[] = [];
let draw: DrawView;
let selected: DrawnCase[];
let followUp: FollowUpView;
let drawnCompany: Company;

test('twelve remote cases of three matters are applied for, signed, booked, inspected and passed in May', async () => {
  expect(MATTERS.length).toBeGreaterThanOrEqual(3);
  const days = workingDaysOfMay(6);
  for (const [i, matterCode] of MAY_MATTERS.entries()) {
    const company = COMPANIES[i % COMPANIES.length]!;
    decidedInMay.push(await passedRemoteCase(company, matterCode, days[Math.floor(i / 2)]!, i % 2 === 0, String(321_654_900 + i)));
  }
  for (const caseId of decidedInMay) {
    const c = await h.ok('staff', 'getCase', { caseId });
    expect(c.stateLabel).toMatch(/踏勘通过|已归档/);
    expect(chinaMonthOf(c.timeline.find((e) => e.action === 'decideInspection')!.at)).toBe(MONTH);
  }
  // A remote case still waiting for acceptance at the month's end is not in the month's population.
  h.clock.set(at(`${MONTH}-29 16:00`));
  await apply(COMPANIES[0]!, MATTERS[2]!.code);
});

test('the timer at 02:00 on 1 June draws May: at least 10%, every matter, and a second run returns the same record', async () => {
  h.clock.set(at('2026-06-01 02:00'));
  const timer = systemContext(h.deps);
  const month = previousMonth(chinaMonthOf(timer.now));
  expect(month).toBe(MONTH);

  const first = await runMonthlyDraw(timer, month, 'timer');
  expect(first.created).toBe(true);
  expect(first.draw.population.map((e) => e.id).sort()).toEqual([...decidedInMay].sort());

  h.clock.advance(3 * 3_600_000);
  const again = await h.ok('supervisor', 'runDraw', { month });
  expect(again.created).toBe(false);
  expect(again.draw.trigger).toBe('timer');
  const { population, selectedIds, ...header } = recordOf(first.draw);
  expect(again.draw.record).toEqual(header);
  expect(await wholeDrawList(h, month, 'population')).toEqual(population);
  draw = again.draw;
  selected = await wholeDrawList(h, month, 'selected');
  expect(selected.map((s) => s.caseId)).toEqual(selectedIds);

  expect(draw.selectedCount).toBeGreaterThanOrEqual(Math.ceil(0.1 * decidedInMay.length));
  expect(new Set(selected.map((s) => s.caseId)).size).toBe(draw.selectedCount);
  expect(new Set(selected.map((s) => s.matterName))).toEqual(new Set(MATTERS.map((m) => m.name)));
  expect(await h.ok('supervisor', 'verifyDraw', { month })).toMatchObject({ ok: true, problems: [], drawHash: draw.drawHash });
});

test('every drawn case is a follow-up visit, and one finds a false address that the supervisor records', async () => {
  const visits = await h.ok('supervisor', 'listFollowUps', { month: MONTH, status: 'open' });
  expect(visits.items.map((f) => f.caseId).sort()).toEqual(selected.map((s) => s.caseId).sort());
  expect(visits.items.every((f) => f.dueAt > draw.drawnAt)).toBe(true);

  h.clock.set(at('2026-06-08 10:00'));
  const visit = visits.items[0]!;
  const photo = await upload('supervisor', 'evidence', '现场照片.png', signaturePng());
  followUp = await h.ok('supervisor', 'recordFollowUpOutcome', {
    followUpId: visit.id, version: visit.version, result: 'finding', findingKind: 'falseAddress', severity: 'serious',
    note: '回访发现申报地址为空置商铺，无任何经营设施', evidenceFileIds: [photo],
  });
  expect(followUp).toMatchObject({ status: 'finding', outcome: { findingKindLabel: '虚报地址', severityLabel: '严重' } });
  expect(followUp.outcome!.evidence).toHaveLength(1);

  const drawnCase = await h.ok('staff', 'getCase', { caseId: followUp.caseId });
  drawnCompany = COMPANIES.find((c) => c.creditCode === drawnCase.company.creditCode)!;
  expect(drawnCompany).toBeDefined();
});

test('the credit decision revokes the licence and blacklists the company and the applicant for a year', async () => {
  h.clock.set(at('2026-06-09 09:30'));
  const pending = (await h.ok('supervisor', 'listFindings', { status: 'pending' })).items.find((f) => f.id === followUp.outcome!.findingId)!;
  expect(pending).toMatchObject({ source: 'followUp', kind: 'falseAddress', severity: 'serious', caseId: followUp.caseId });

  const decided = await h.ok('supervisor', 'decideCreditPenalty', {
    findingId: pending.id, version: pending.version, reason: '经营场所与申报地址不符，属虚报地址', revokeLicence: true, blacklistMonths: 12,
  });
  expect(decided.status).toBe('decided');
  expect(decided.decision).toMatchObject({ licenceRevoked: true, blacklistUntil: at('2027-06-09 09:30') });
  expect((await h.ok(drawnCompany.owner, 'getCase', { caseId: followUp.caseId })).stateLabel).toBe('已撤销');
});

test('the blacklisted company is refused remote inspection with the reason, yet may apply on site and sees its record', async () => {
  h.clock.set(at('2026-06-10 09:00'));
  const refused = await h.call(drawnCompany.owner, 'applyForInspection', await applicationOf(drawnCompany, MATTERS[0]!.code));
  expect(refused).toMatchObject({ ok: false, code: 'BLACKLISTED' });
  expect(!refused.ok && refused.message).toContain('虚报地址：经营场所与申报地址不符，属虚报地址');

  const onsite = await apply(drawnCompany, MATTERS[0]!.code, 'onsite');
  const accepted = await h.ok('staff', 'acceptCase', { caseId: onsite.id, version: onsite.version });
  expect(accepted).toMatchObject({ mode: 'onsite', handlerName: PEOPLE.staff!.name });

  const untouched = COMPANIES.find((c) => c.owner !== drawnCompany.owner)!;
  expect((await apply(untouched, MATTERS[0]!.code)).mode).toBe('remote');

  const mine = await h.ok(drawnCompany.owner, 'listMyCreditRecords', {});
  const drawnNumber = selected.find((s) => s.caseId === followUp.caseId)!.number;
  expect(mine.records.map((r) => [r.subjectType, r.caseNumber, r.kindLabel, r.severityLabel]).sort()).toEqual([
    ['company', drawnNumber, '虚报地址', '严重'], ['person', drawnNumber, '虚报地址', '严重'],
  ]);
  expect(mine.records[0]!.measures).toEqual(expect.arrayContaining(['记入诚信档案', '撤销行政许可', '列入失信黑名单']));
  expect(mine.blacklistings.map((b) => b.statusLabel)).toEqual(['生效中', '生效中']);
});

test('credit repair lifts the listings and the company applies for remote inspection again', async () => {
  h.clock.set(at('2026-06-15 10:00'));
  const listings = (await h.ok('supervisor', 'listBlacklist', { activeOnly: true })).items;
  expect(listings.map((l) => l.subjectType).sort()).toEqual(['company', 'person']);
  const lifted: BlacklistEntryView[] = [];
  for (const listing of listings) {
    lifted.push(await h.ok('supervisor', 'liftBlacklisting', { entryId: listing.id, version: listing.version, reason: '已迁回申报地址经营并提交信用修复承诺' }));
  }
  expect(lifted.every((l) => l.status === 'lifted')).toBe(true);

  // Another matter: its on-site application for MATTERS[0] is still in progress (one open application per matter).
  const again = await apply(drawnCompany, MATTERS[1]!.code);
  expect(again).toMatchObject({ mode: 'remote', stateLabel: '待受理' });
  const mine = await h.ok(drawnCompany.owner, 'listMyCreditRecords', {});
  expect(mine.blacklistings.map((b) => b.liftReason)).toEqual(['已迁回申报地址经营并提交信用修复承诺', '已迁回申报地址经营并提交信用修复承诺']);
  expect(mine.records).toHaveLength(2);
});
