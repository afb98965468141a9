import type { ChecklistItem } from '../../../typings/models';
import {
  currentRound,
  decisionProblem,
  failedItemCodes,
  type Finding,
  findingOf,
  type InspectionRound,
  itemsForNewRound,
  OUTCOME_EVENTS,
  OUTCOME_LABELS,
  type Rectification,
  rectificationItemsFrom,
  RESULT_LABELS,
  sameFinding,
  withFinding,
} from '../../../cloudfunctions/src/domain/inspection';

// The verification record's rules (R12, R14), each through the exported functions the inspection actions call.

const checklist: ChecklistItem[] = [
  { code: 'A', title: '经营场所', lookAt: '门头', conforming: '与申报地址一致。' },
  { code: 'B', title: '冷藏设施', lookAt: '冷柜', conforming: '温度不高于 5℃。' },
  { code: 'C', title: '消毒设施', lookAt: '消毒柜', conforming: '正常运行。' },
  { code: 'D', title: '从业人员', lookAt: '健康证', conforming: '持证上岗。' },
];

const finding = (itemCode: string, result: Finding['result'], note: string | null = null, evidenceSeqs: number[] = []): Finding => ({
  itemCode,
  result,
  note,
  evidenceSeqs,
  revision: 1,
  savedAt: '2026-05-06T10:00:00.000Z',
  savedBy: 'officer-1',
  savedByName: '王科员',
});

const round = (n: number, itemCodes: string[], findings: Finding[]): InspectionRound => ({
  round: n,
  startedAt: '2026-05-06T09:00:00.000Z',
  itemCodes,
  findings,
  sessionCodes: [],
  resumptions: [],
  premisesChecks: [],
});

const rectification = (itemCodes: (string | null)[]): Rectification => ({
  round: 1,
  items: itemCodes.map((itemCode, i) => ({ id: `R${i + 1}`, itemCode, requirement: '整改', proofs: [] })),
  workingDays: 10,
  setAt: '2026-05-06T10:00:00.000Z',
  deadline: '2026-05-20T15:59:59.999Z',
  reinspectionRequestedAt: null,
});

test('labels and state-machine events of results and outcomes', () => {
  expect(RESULT_LABELS).toEqual({ conforming: '符合', nonConforming: '不符合', notApplicable: '不适用' });
  expect(OUTCOME_LABELS).toEqual({ pass: '通过', rectify: '限期整改', fail: '不通过' });
  expect(OUTCOME_EVENTS).toEqual({ pass: 'pass', rectify: 'rectify', fail: 'fail' });
});

test('the current round is the last one, or none', () => {
  const first = round(1, ['A'], []);
  const second = round(2, ['A'], []);
  expect(currentRound(undefined)).toBeNull();
  expect(currentRound([])).toBeNull();
  expect(currentRound([first, second])).toBe(second);
  const third = round(3, ['A'], []);
  expect(currentRound([first, second, third])).toBe(third);
});

describe('itemsForNewRound', () => {
  // A conforming, B not, C never recorded (the video broke off), D not applicable.
  const previous = round(1, ['A', 'B', 'C', 'D'], [finding('D', 'notApplicable'), finding('B', 'nonConforming'), finding('A', 'conforming')]);

  test('the first inspection looks at every item, in checklist order', () => {
    expect(itemsForNewRound(checklist, null, undefined)).toEqual(['A', 'B', 'C', 'D']);
  });

  test('a re-inspection looks at the failed and unrecorded items', () => {
    expect(itemsForNewRound(checklist, previous, undefined)).toEqual(['B', 'C']);
  });

  test('and at those the rectification names, in checklist order; a requirement tied to no item adds none', () => {
    expect(itemsForNewRound(checklist, previous, rectification(['D', null, 'A']))).toEqual(['A', 'B', 'C', 'D']);
    expect(itemsForNewRound(checklist, previous, rectification([null]))).toEqual(['B', 'C']);
  });

  test('a re-inspection after a round with everything conforming looks at nothing', () => {
    const clean = round(1, ['A', 'B'], [finding('A', 'conforming'), finding('B', 'notApplicable')]);
    expect(itemsForNewRound(checklist, clean, rectification([]))).toEqual([]);
  });
});

test('failed items are the non-conforming findings, in the order saved', () => {
  const r = round(1, ['A', 'B', 'C', 'D'], [finding('D', 'nonConforming'), finding('A', 'conforming'), finding('B', 'nonConforming'), finding('C', 'notApplicable')]);
  expect(failedItemCodes(r)).toEqual(['D', 'B']);
  expect(failedItemCodes(round(1, ['A'], []))).toEqual([]);
});

test('findingOf finds an item’s finding, or none', () => {
  const b = finding('B', 'nonConforming');
  const r = round(1, ['A', 'B'], [finding('A', 'conforming'), b]);
  expect(findingOf(r, 'B')).toBe(b);
  expect(findingOf(r, 'C')).toBeUndefined();
});

describe('sameFinding', () => {
  const saved = finding('A', 'nonConforming', '冷柜 8℃', [1, 2]);

  test('a retried save of the same result, note and evidence changes nothing', () => {
    expect(sameFinding(saved, { result: 'nonConforming', note: '冷柜 8℃', evidenceSeqs: [1, 2] })).toBe(true);
  });

  test.each([
    ['another result', { result: 'conforming' as const, note: '冷柜 8℃', evidenceSeqs: [1, 2] }],
    ['another note', { result: 'nonConforming' as const, note: '冷柜 9℃', evidenceSeqs: [1, 2] }],
    ['no note', { result: 'nonConforming' as const, note: null, evidenceSeqs: [1, 2] }],
    ['less evidence', { result: 'nonConforming' as const, note: '冷柜 8℃', evidenceSeqs: [1] }],
    ['other evidence', { result: 'nonConforming' as const, note: '冷柜 8℃', evidenceSeqs: [12] }],
    ['the evidence in another order', { result: 'nonConforming' as const, note: '冷柜 8℃', evidenceSeqs: [2, 1] }],
  ])('%s is a change', (_what, value) => {
    expect(sameFinding(saved, value)).toBe(false);
  });
});

test('withFinding replaces the item’s finding and keeps the others, without changing the round it was given', () => {
  const a = finding('A', 'conforming');
  const b = finding('B', 'conforming');
  const r = round(1, ['A', 'B', 'C'], [a, b]);
  const changedA = { ...finding('A', 'nonConforming', '门头不符'), revision: 2 };
  expect(withFinding(r, changedA)).toEqual({ ...r, findings: [b, changedA] });
  const c = finding('C', 'notApplicable');
  expect(withFinding(r, c)).toEqual({ ...r, findings: [a, b, c] });
  expect(r.findings).toEqual([a, b]);
});

describe('decisionProblem', () => {
  const allConforming = round(1, ['A', 'B'], [finding('A', 'conforming'), finding('B', 'notApplicable')]);
  const oneFailed = round(1, ['A', 'B'], [finding('A', 'conforming'), finding('B', 'nonConforming')]);

  test('every item of the round needs a finding first, named by its title (or code when the checklist lacks it)', () => {
    const r = round(2, ['A', 'B', 'X', 'D'], [finding('B', 'conforming')]);
    for (const outcome of ['pass', 'rectify', 'fail'] as const) {
      expect(decisionProblem(r, checklist, outcome, 1)).toBe('尚有 3 个核查项未填写结果：经营场所、X、从业人员');
    }
  });

  test('a pass cannot stand beside a non-conforming item', () => {
    expect(decisionProblem(oneFailed, checklist, 'pass', 0)).toBe('有核查项不符合，不能作出通过决定，请选择限期整改或不通过');
    expect(decisionProblem(allConforming, checklist, 'pass', 0)).toBeNull();
  });

  test('a rectification needs something to rectify', () => {
    expect(decisionProblem(oneFailed, checklist, 'rectify', 0)).toBe('限期整改须至少列出一项整改事项');
    expect(decisionProblem(allConforming, checklist, 'rectify', 1)).toBeNull();
    expect(decisionProblem(oneFailed, checklist, 'rectify', 2)).toBeNull();
  });

  test('a failure may be decided whatever the findings', () => {
    expect(decisionProblem(oneFailed, checklist, 'fail', 0)).toBeNull();
    expect(decisionProblem(allConforming, checklist, 'fail', 0)).toBeNull();
  });
});

test('rectification items come from the failed findings in checklist order, worded from the standard and the note', () => {
  const r = round(1, ['A', 'B', 'C', 'D'], [
    finding('D', 'nonConforming', '一人无健康证'),
    finding('A', 'conforming', '一致'),
    finding('B', 'nonConforming'),
    finding('C', 'nonConforming', ''),
  ]);
  expect(rectificationItemsFrom(r, checklist)).toEqual([
    { itemCode: 'B', requirement: '冷藏设施。达标要求：温度不高于 5℃。' },
    { itemCode: 'C', requirement: '消毒设施。达标要求：正常运行。' },
    { itemCode: 'D', requirement: '从业人员。达标要求：持证上岗。现场情况：一人无健康证' },
  ]);
  expect(rectificationItemsFrom(round(1, ['A'], [finding('A', 'conforming')]), checklist)).toEqual([]);
});
