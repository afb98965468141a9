import type { RectificationView } from '../../typings/models';
import { installFakeWx, type FakeWx } from './support/fake-wx';
import { caseView } from './support/fixtures';
import { inspectionView } from './support/inspection-fixtures';
import { type LoadedPage, loadPage, settled } from './support/load-page';

let fake: FakeWx;

const rectification = (overrides: Partial<RectificationView> = {}): RectificationView => ({
  round: 1, workingDays: 10, deadline: '2026-06-29T15:59:59.999Z', deadlineProvisional: false, overdue: false,
  items: [
    { id: 'R1', itemCode: 'W2', requirement: '水箱人孔加盖并上锁', proofs: [] },
    { id: 'R2', requirement: '补充清洗消毒记录', proofs: [{ evidenceSeq: 7, submittedAt: '2026-06-16T02:00:00.000Z' }] },
  ],
  ...overrides,
});

const rectifyingView = (r = rectification(), can = ['submitRectificationProof', 'requestReinspection', 'rateService']) =>
  inspectionView({
    state: 'rectifying', stateLabel: '限期整改', sessionCode: undefined, can, rectification: r,
    decisions: [{ round: 1, outcome: 'rectify', outcomeLabel: '限期整改', opinion: '水箱人孔须加锁', reasons: [], decidedByName: '王芳', decidedAt: '2026-06-15T03:00:00.000Z', afterDeadline: false }],
  });

beforeEach(() => {
  fake = installFakeWx();
});

async function open(page: string, view = rectifyingView()): Promise<LoadedPage> {
  fake.server.on('getInspection', view);
  const p = loadPage(page);
  p.page.onLoad({ id: 'case-7' });
  await settled();
  return p;
}

test('proof of one rectification item is uploaded for it and submitted with a note', async () => {
  fake.answer('showActionSheet', { tapIndex: 1 });
  fake.answer('chooseMedia', { tempFiles: [{ tempFilePath: 'wxfile://tmp/lock.jpg', size: 2048 }] });
  fake.server
    .on('requestUpload', ({ purpose }: { purpose: string }) => ({ cloudPath: `uploads/applicant/${purpose}/lock.jpg` }))
    .on('submitRectificationProof', rectifyingView(rectification({
      items: rectification().items.map((i) => ({ ...i, proofs: [{ evidenceSeq: 8, submittedAt: '2026-06-17T02:00:00.000Z' }] })),
    })));
  const p = await open('pages/rectification/rectification');
  expect(p.comp.querySelector('#deadline')!.dom!.textContent).toBe('请于 2026-06-29 23:59 前（10 个工作日）完成整改');
  expect(p.text()).toContain('尚未提交整改材料');

  await p.tap('#open-R1');
  await p.tap('#add-files');
  await p.type('#note', '已加装挂锁');
  await p.tap('#submit-proof');

  expect(fake.server.sent('requestUpload')[0]).toMatchObject({ purpose: 'proof' });
  expect(fake.server.sent('submitRectificationProof')).toEqual([
    { caseId: 'case-7', itemId: 'R1', fileIds: ['local://uploads/applicant/proof/lock.jpg'], note: '已加装挂锁' },
  ]);
  expect(p.text()).not.toContain('尚未提交整改材料');
});

test('the re-inspection is asked for only once every item has proof', async () => {
  const p = await open('pages/rectification/rectification');
  await p.tap('#request');
  expect(fake.calls('showModal')[0]).toMatchObject({ title: '还有整改事项未提交材料' });
  expect(fake.server.sent('requestReinspection')).toEqual([]);
});

test('the re-inspection request is confirmed and sent with the case version', async () => {
  const proven = rectification({ items: rectification().items.map((i) => ({ ...i, proofs: [{ evidenceSeq: 8, submittedAt: '2026-06-17T02:00:00.000Z' }] })) });
  fake.server.on('requestReinspection', rectifyingView(rectification({ ...proven, reinspectionRequestedAt: '2026-06-18T02:00:00.000Z' }), []));
  const p = await open('pages/rectification/rectification', rectifyingView(proven));

  await p.tap('#request');

  expect(fake.calls('showModal')[0]).toMatchObject({ title: '申请复查？' });
  expect(fake.server.sent('requestReinspection')).toEqual([{ caseId: 'case-7', version: 10 }]);
  expect(p.text()).toContain('已于 2026-06-18 10:00 申请复查');
});

test('the case page shows the rectification asked for, with its items and the deadline', async () => {
  fake.server.on('getCase', caseView({ id: 'case-7', state: 'rectifying', stateLabel: '限期整改', can: ['submitRectificationProof', 'requestReinspection'] }));
  const p = await open('pages/case-detail/case-detail');

  expect(p.text()).toContain('踏勘结果');
  expect(p.text()).toContain('水箱人孔须加锁');
  expect(p.comp.querySelector('#deadline')!.dom!.textContent).toBe('整改期限：2026-06-29 23:59 前（10 个工作日）');
  expect(p.text()).toContain('1. 水箱人孔加盖并上锁');
  expect(p.exists('#step-rectify')).toBe(true);
});

test('the case page shows a pass and offers the rating', async () => {
  fake.server.on('getCase', caseView({ id: 'case-7', state: 'archived', stateLabel: '已归档', can: ['rateService'] }));
  const p = await open('pages/case-detail/case-detail', inspectionView({
    state: 'archived', sessionCode: undefined, can: ['rateService'],
    decisions: [{ round: 1, outcome: 'pass', outcomeLabel: '通过', opinion: '现场符合卫生许可条件', reasons: [], decidedByName: '王芳', decidedAt: '2026-06-15T03:00:00.000Z', afterDeadline: false }],
  }));

  expect(p.comp.querySelector('#result')!.dom!.textContent).toContain('通过');
  expect(p.text()).toContain('现场符合卫生许可条件');
  await p.tap('#step-rate');
  expect(fake.calls('navigateTo')[0]).toMatchObject({ url: '/pages/rating/rating?id=case-7' });
});

test('a deadline counted on the statutory days of a year without a notice says it is provisional', async () => {
  const p = await open('pages/rectification/rectification', rectifyingView(rectification({ deadline: '2027-01-12T15:59:59.999Z', deadlineProvisional: true })));
  expect(p.comp.querySelector('#deadline')!.dom!.textContent).toBe('请于 2027-01-12 23:59 前（10 个工作日，暂按法定假日计算，以当年节假日通知为准）完成整改');
});
