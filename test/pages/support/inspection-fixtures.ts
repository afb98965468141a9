import type { ChecklistFindingView, EvidenceView, InspectionItemView, InspectionView } from '../../../typings/models';

// The inspection shapes the issue-4 pages read.

export const CHECKLIST: Array<Pick<InspectionItemView, 'code' | 'title' | 'lookAt' | 'conforming'>> = [
  { code: 'W1', title: '水箱间环境', lookAt: '水箱间四周', conforming: '周围10米内无污染源' },
  { code: 'W2', title: '水箱加盖加锁', lookAt: '水箱顶部人孔', conforming: '人孔加盖并上锁' },
  { code: 'W3', title: '消毒记录', lookAt: '近一年清洗消毒记录', conforming: '每半年清洗消毒一次并有记录' },
];

export const finding = (result: ChecklistFindingView['result'], overrides: Partial<ChecklistFindingView> = {}): ChecklistFindingView => ({
  round: 1,
  result,
  resultLabel: { conforming: '符合', nonConforming: '不符合', notApplicable: '不适用' }[result],
  evidenceSeqs: [],
  revision: 1,
  savedAt: '2026-06-15T02:10:00.000Z',
  savedByName: '王芳',
  ...overrides,
});

export const evidence = (seq: number, overrides: Partial<EvidenceView> = {}): EvidenceView => ({
  id: `case-7:${seq}`,
  seq,
  round: 1,
  kind: 'screenshot',
  kindLabel: '现场截图',
  source: 'album-or-chat',
  sourceLabel: '相册或聊天文件',
  fileName: `截图${seq}.jpg`,
  sha256: `${seq}`.repeat(64).slice(0, 64),
  size: 204800,
  uploadedByName: '王芳',
  uploadedAt: '2026-06-15T02:05:00.000Z',
  fileId: `cloud://env.bucket/uploads/staff/evidence/evidence-${seq}.jpg`,
  ...overrides,
});

/** A case in inspection, round 1, nothing checked yet, unless overridden. */
export const inspectionView = (overrides: Partial<InspectionView> = {}, findings: Record<string, ChecklistFindingView> = {}): InspectionView => ({
  caseId: 'case-7',
  version: 10,
  number: 'DL-20260612-0007',
  mode: 'remote',
  state: 'inspecting',
  stateLabel: '踏勘中',
  checklistVersion: 1,
  round: 1,
  items: CHECKLIST.map((item) => ({ ...item, inCurrentRound: true, findings: findings[item.code] ? [findings[item.code]!] : [] })),
  rounds: [{ round: 1, startedAt: '2026-06-15T02:00:00.000Z', itemCodes: CHECKLIST.map((i) => i.code), resumptions: [], premisesChecks: [] }],
  sessionCode: { code: '482913', issuedAt: '2026-06-15T02:00:00.000Z', expiresAt: '2099-06-15T02:30:00.000Z' },
  evidence: [],
  evidenceVerifying: [],
  decisions: [],
  observerRemarks: [],
  can: ['resumeInspection', 'saveChecklistItem', 'addEvidence', 'attachMeetingRecording', 'verifyEvidence', 'decideInspection', 'switchToOnsite'],
  ...overrides,
});
