import type {
  BlacklistEntryView, CreditFindingView, DrawPreview, DrawView, FollowUpView, MyCreditView, RegulatorInboxEntry, StatisticsReport,
  StatisticsRow,
} from '../../../typings/models';

// The supervision shapes the issue-5 pages read.

export const page = <T>(items: T[]) => ({ items, total: items.length, offset: 0, limit: 10 });

export const statisticsRow = (month: string, matterCode: string | null, overrides: Partial<StatisticsRow> = {}): StatisticsRow => ({
  month,
  matterCode,
  matterName: matterCode === null ? '全部事项' : matterCode === 'SECONDARY_WATER' ? '二次供水单位卫生许可' : '公共场所卫生许可',
  received: 10,
  receivedRemote: 8,
  remoteShare: 0.8,
  decided: 9,
  workingDaysMedian: 4,
  workingDaysMean: 4.5,
  firstTimePassRate: 0.75,
  rectificationRate: 0.25,
  reinspections: 2,
  noShows: 1,
  spotCheckPopulation: 8,
  spotCheckDrawn: 1,
  spotCheckCoverage: 0.125,
  followUpsDone: 1,
  followUpFindings: 1,
  regulatorFindings: 0,
  ratings: 6,
  satisfactionMean: 4.5,
  trialElapsedShare: 0.5,
  ...overrides,
});

/** May and June 2026, each with the total row and two matters. */
export const statisticsReport = (): StatisticsReport => ({
  from: '2026-01',
  to: '2026-06',
  generatedAt: '2026-06-20T02:00:00.000Z',
  trial: { start: '2026-01-01', end: '2027-01-01', months: 12, elapsedShare: 0.47 },
  rows: [
    statisticsRow('2026-05', null, { received: 20, trialElapsedShare: 0.41 }),
    statisticsRow('2026-05', 'SECONDARY_WATER', { received: 12, trialElapsedShare: 0.41 }),
    statisticsRow('2026-05', 'PUBLIC_PLACE', { received: 8, trialElapsedShare: 0.41 }),
    statisticsRow('2026-06', null, { received: 40, remoteShare: 0.9, firstTimePassRate: 0.6 }),
    statisticsRow('2026-06', 'SECONDARY_WATER', { received: 30, firstTimePassRate: 0.5 }),
    statisticsRow('2026-06', 'PUBLIC_PLACE', { received: 10, firstTimePassRate: null, satisfactionMean: null, ratings: 0 }),
  ],
});

export const drawPreview = (overrides: Partial<DrawPreview> = {}): DrawPreview => ({
  month: '2026-05',
  shareBasisPoints: 1000,
  populationSize: 23,
  populationHash: 'a1'.repeat(32),
  minimumSample: 3,
  allocation: [{ matterCode: 'SECONDARY_WATER', cases: 15, drawn: 2 }, { matterCode: 'PUBLIC_PLACE', cases: 8, drawn: 1 }],
  alreadyDrawn: false,
  ...overrides,
});

export const drawView = (overrides: Partial<DrawView> = {}): DrawView => ({
  month: '2026-05',
  drawnAt: '2026-06-01T02:00:00.000Z',
  trigger: 'supervisor',
  shareBasisPoints: 1000,
  populationSize: 2,
  selectedCount: 1,
  drawHash: 'd'.repeat(64),
  record: {
    algorithmVersion: 'draw-v1',
    month: '2026-05',
    shareBasisPoints: 1000,
    populationHash: 'a1'.repeat(32),
    previousDrawHash: '0'.repeat(64),
    seed: 'e'.repeat(64),
    minimumSample: 1,
    allocation: [{ matterCode: 'SECONDARY_WATER', cases: 2, drawn: 1 }],
    drawHash: 'd'.repeat(64),
  },
  matterNames: { SECONDARY_WATER: '二次供水单位卫生许可' },
  page: {
    list: 'selected', total: 1, offset: 0, limit: 50,
    items: [
      {
        caseId: 'case-2', number: 'DL-20260513-0002', matterName: '二次供水单位卫生许可', companyName: '天津东丽第2供水有限公司',
        followUpId: 'fu-2', followUpStatus: 'open',
      },
    ],
  },
  ...overrides,
});

export const followUp = (overrides: Partial<FollowUpView> = {}): FollowUpView => ({
  id: 'fu-2',
  version: 1,
  month: '2026-05',
  caseId: 'case-2',
  caseNumber: 'DL-20260513-0002',
  matterName: '二次供水单位卫生许可',
  companyName: '天津东丽第2供水有限公司',
  premisesAddress: '天津市东丽区津塘路100号',
  status: 'open',
  statusLabel: '待回访',
  dueAt: '2026-06-30T15:59:59.000Z',
  overdue: false,
  ...overrides,
});

export const creditFinding = (overrides: Partial<CreditFindingView> = {}): CreditFindingView => ({
  id: 'finding-1',
  version: 1,
  caseId: 'case-2',
  caseNumber: 'DL-20260513-0002',
  matterName: '二次供水单位卫生许可',
  companyName: '天津东丽第2供水有限公司',
  source: 'followUp',
  sourceLabel: '监督回访',
  kind: 'falseAddress',
  kindLabel: '虚报地址',
  severity: 'minor',
  severityLabel: '轻微',
  description: '实际经营场所与申报地址不符',
  evidence: [],
  reportedAt: '2026-06-10T02:00:00.000Z',
  reportedByName: '赵敏',
  status: 'pending',
  ...overrides,
});

export const listing = (overrides: Partial<BlacklistEntryView> = {}): BlacklistEntryView => ({
  id: 'finding-1-company',
  version: 1,
  subjectType: 'company',
  subjectName: '天津东丽第2供水有限公司',
  caseNumber: 'DL-20260513-0002',
  reason: '虚报地址：实际经营场所与申报地址不符',
  listedAt: '2026-06-10T02:00:00.000Z',
  until: '2027-06-10T02:00:00.000Z',
  status: 'inForce',
  statusLabel: '生效中',
  ...overrides,
});

export const myCredit = (overrides: Partial<MyCreditView> = {}): MyCreditView => ({
  records: [
    {
      id: 'finding-1-company', subjectType: 'company', subjectName: '天津东丽第2供水有限公司', caseNumber: 'DL-20260513-0002',
      kindLabel: '虚报地址', severityLabel: '严重', measures: ['记入诚信档案', '列入失信黑名单'], reason: '实际经营场所与申报地址不符',
      blacklistUntil: '2027-06-10T02:00:00.000Z', recordedAt: '2026-06-10T02:00:00.000Z',
    },
  ],
  blacklistings: [listing()],
  ...overrides,
});

export const inboxEntry = (n: number, overrides: Partial<RegulatorInboxEntry> = {}): RegulatorInboxEntry => ({
  caseId: `case-${n}`,
  number: `DL-20260612-000${n}`,
  matterName: '二次供水单位卫生许可',
  companyName: `天津东丽第${n}供水有限公司`,
  outcome: 'pass',
  outcomeLabel: '通过',
  decidedAt: '2026-06-15T03:00:00.000Z',
  pushedAt: '2026-06-15T03:01:00.000Z',
  delivery: { recipients: 1, sent: 1, pending: 0, inboxOnly: 0, failed: 0 },
  ...overrides,
});
