import type { StatisticsRow } from '../../../typings/models';
import type { CaseRecord } from '../../../cloudfunctions/src/domain/case';
import { forceCase } from '../../support/fast-forward';
import { type Harness, makeHarness, remoteMatter } from '../../support/harness';
import { drawnCases } from '../../support/supervision-fixtures';

// Statistics (R1, R19, R20) over a hand-made May 2026, counted by hand below. China's calendar that month: 1–5 May
// are the Labour Day holiday, Saturday 9 May is a working day in exchange.

let h: Harness;
afterEach(() => h.close());

const A = remoteMatter.code;
const B = 'TJDL-ZZZ-999';

/** A case applied for at `submittedAt`, then put into the state the other fields describe. */
async function seeded(submittedAt: string, patch: Partial<CaseRecord>): Promise<string> {
  h.clock.set(submittedAt);
  const c = await h.apply('applicant', patch.mode === 'onsite' ? { mode: 'onsite' } : {});
  const matter = patch.matterCode === B ? { matterName: '测试事项乙' } : {};
  await forceCase(h, c.id, { ...matter, ...patch });
  return c.id;
}

const decided = (acceptedAt: string, decidedAt: string, state: CaseRecord['state'] = 'passed') => ({ state, handlerId: 'staff', acceptedAt, decidedAt });

beforeEach(async () => {
  h = await makeHarness();
  h.deps.config.supervision = { ...h.deps.config.supervision, trialStart: '2026-01-01', trialMonths: 12 };
  // 1: A, accepted Wed 6 May, decided Fri 8 May: 2 working days; passed first time; rated 5.
  await seeded('2026-05-06T01:00:00Z', { ...decided('2026-05-06T02:00:00.000Z', '2026-05-08T02:00:00.000Z'), decision: 'pass', rounds: 1, rating: { score: 5, at: '2026-05-09T02:00:00.000Z' } });
  // 2: A, Thu 7 → Mon 11 May: Fri 8, Sat 9 (worked), Mon 11 = 3; rectification, re-inspected once, one no-show; rated 3.
  await seeded('2026-05-06T03:00:00Z', {
    ...decided('2026-05-07T02:00:00.000Z', '2026-05-11T02:00:00.000Z'), decision: 'rectify', rounds: 2, noShows: 1, rating: { score: 3, at: '2026-05-20T02:00:00.000Z' },
  });
  // 3: A, on-site, not decided.
  await seeded('2026-05-07T01:00:00Z', { mode: 'onsite' });
  // 4: B, Fri 8 → Fri 15 May: Sat 9, 11, 12, 13, 14, 15 = 6; failed; two no-shows; not rated.
  await seeded('2026-05-08T01:00:00Z', { matterCode: B, ...decided('2026-05-08T02:00:00.000Z', '2026-05-15T02:00:00.000Z', 'failed'), decision: 'fail', noShows: 2 });
  // 5: B, applied in April; Wed 29 Apr → Wed 6 May: 30 Apr, (1–5 May off), 6 May = 2; passed; rated 4.
  await seeded('2026-04-28T01:00:00Z', { matterCode: B, ...decided('2026-04-29T02:00:00.000Z', '2026-05-06T02:00:00.000Z'), decision: 'pass', rating: { score: 4, at: '2026-05-07T02:00:00.000Z' } });
  // 6: A, applied at 00:30 on 1 June China time: June's.
  await seeded('2026-05-31T16:30:00Z', {});

  // The May draw: 4 remote decided cases (A 2, B 2), minimum 1, but every matter gets one: 2 drawn.
  h.clock.set('2026-06-01T02:00:00+08:00');
  const { draw } = await h.ok('supervisor', 'runDraw', { month: '2026-05' });
  const drawnA = drawnCases(draw).find((s) => s.matterName === remoteMatter.name)!;
  await h.ok('supervisor', 'recordFollowUpOutcome', {
    followUpId: drawnA.followUpId, version: 1, result: 'finding', findingKind: 'falseAddress', severity: 'serious', note: '地址不实', evidenceFileIds: [],
  });
  // A regulator's finding on case 5 (B), reported on 20 May.
  h.clock.set('2026-05-20T02:00:00Z');
  const case5 = (await h.deps.store.find<CaseRecord>('cases', { where: { submittedAt: '2026-04-28T01:00:00.000Z' } }))[0]!;
  await h.ok('regulator', 'reportFinding', { caseId: case5._id, kind: 'falseMaterials', severity: 'minor', description: '材料与实际不符', evidenceFileIds: [] });
  h.clock.set('2026-06-12T01:30:00Z');
});

const TRIAL_AT_END_OF_MAY = 151 / 365; // 1 Jan – 1 Jun 2026 of a year's trial

test('a month is counted for all matters and for each, as counted by hand', async () => {
  const report = await h.ok('supervisor', 'getStatistics', { from: '2026-05', to: '2026-05' });
  const [all, a, b] = report.rows as [StatisticsRow, StatisticsRow, StatisticsRow];
  expect(report.rows).toHaveLength(3);
  expect(all).toEqual({
    month: '2026-05', matterCode: null, matterName: '全部事项',
    received: 4, receivedRemote: 3, remoteShare: 0.75,
    decided: 4, workingDaysMedian: 2.5, workingDaysMean: 3.25, firstTimePassRate: 0.5, rectificationRate: 0.25,
    reinspections: 1, noShows: 3,
    spotCheckPopulation: 4, spotCheckDrawn: 2, spotCheckCoverage: 0.5, followUpsDone: 1, followUpFindings: 1, regulatorFindings: 1,
    ratings: 3, satisfactionMean: 4,
    trialElapsedShare: expect.closeTo(TRIAL_AT_END_OF_MAY, 10),
  });
  expect(a).toMatchObject({
    matterCode: A, matterName: remoteMatter.name, received: 3, receivedRemote: 2, remoteShare: 2 / 3, decided: 2,
    workingDaysMedian: 2.5, workingDaysMean: 2.5, firstTimePassRate: 0.5, rectificationRate: 0.5, reinspections: 1, noShows: 1,
    spotCheckPopulation: 2, spotCheckDrawn: 1, followUpsDone: 1, followUpFindings: 1, regulatorFindings: 0, ratings: 2, satisfactionMean: 4,
  });
  expect(b).toMatchObject({
    matterCode: B, matterName: '测试事项乙', received: 1, receivedRemote: 1, remoteShare: 1, decided: 2,
    workingDaysMedian: 4, workingDaysMean: 4, firstTimePassRate: 0.5, rectificationRate: 0, reinspections: 0, noShows: 2,
    spotCheckPopulation: 2, spotCheckDrawn: 1, followUpsDone: 0, followUpFindings: 0, regulatorFindings: 1, ratings: 1, satisfactionMean: 4,
  });
  expect(report.trial).toEqual({ start: '2026-01-01', end: '2027-01-01', months: 12, elapsedShare: expect.closeTo(162 / 365, 2) });
});

test('a month without decisions reports no rates rather than zeros', async () => {
  const report = await h.ok('supervisor', 'getStatistics', { from: '2026-06', to: '2026-06' });
  expect(report.rows[0]).toMatchObject({
    received: 1, decided: 0, workingDaysMedian: null, workingDaysMean: null, firstTimePassRate: null, spotCheckCoverage: null, satisfactionMean: null,
    // The follow-up's finding on May's draw was recorded on 1 June: a finding of the follow-up, not a regulator's.
    regulatorFindings: 0,
  });
});

test('a remote case the office switched to on-site still counts as the applicant’s choice of remote inspection', async () => {
  const [june] = await h.deps.store.find<CaseRecord>('cases', { where: { submittedAt: '2026-05-31T16:30:00.000Z' } });
  const c = await h.ok('staff', 'acceptCase', { caseId: june!._id, version: june!._version });
  expect((await h.ok('staff', 'switchToOnsite', { caseId: c.id, version: c.version, reason: '视频无法核实' })).mode).toBe('onsite');
  const report = await h.ok('supervisor', 'getStatistics', { from: '2026-06', to: '2026-06' });
  expect(report.rows[0]).toMatchObject({ received: 1, receivedRemote: 1, remoteShare: 1 });
});

test('a range running backwards or beyond two years is refused', async () => {
  expect(await h.call('supervisor', 'getStatistics', { from: '2026-06', to: '2026-05' })).toMatchObject({ ok: false, code: 'VALIDATION' });
  expect(await h.call('supervisor', 'getStatistics', { from: '2024-01', to: '2026-05' })).toMatchObject({ ok: false, code: 'VALIDATION' });
});

test('the export is an .xlsx workbook that WeChat opens on the phone, one row per statistics row', async () => {
  const exported = await h.ok('supervisor', 'exportStatistics', { from: '2026-05', to: '2026-05' });
  expect(exported).toMatchObject({ fileName: '远程视频踏勘统计_2026-05_2026-05.xlsx', rows: 3, downloadUrl: expect.stringContaining('/files/exports/statistics/') });
  const bytes = await new Promise<Buffer>((done, failed) => {
    const chunks: Buffer[] = [];
    h.deps.files.read(exported.fileId).then((s) => s.on('data', (c: Buffer) => chunks.push(c)).on('end', () => done(Buffer.concat(chunks))).on('error', failed), failed);
  });
  expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK'); // an Office Open XML package
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as never);
  const sheet = book.getWorksheet('统计')!;
  expect(sheet.rowCount).toBe(4);
  const values = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1).map((v) => v ?? null);
  expect(values(1).slice(0, 4)).toEqual(['月份', '事项编码', '事项名称', '受理申请数']);
  expect(values(2)).toEqual(['2026-05', '全部', '全部事项', 4, 3, 75, 4, 2.5, 3.3, 50, 25, 1, 3, 4, 2, 50, 1, 1, 1, 3, 4, +(TRIAL_AT_END_OF_MAY * 100).toFixed(1)]);
});
