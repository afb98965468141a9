import type { GrantedRole } from '../../typings/models';
import { installFakeWx, type FakeWx } from './support/fake-wx';
import { caseView, me } from './support/fixtures';
import { type LoadedPage, loadPage, settled } from './support/load-page';

const ALL_DECISIONS = ['acceptCase', 'returnCase', 'refuseCase', 'reassignCase'];
let fake: FakeWx;

async function openReview(roles: GrantedRole[] = ['staff']): Promise<LoadedPage> {
  fake.server.on('whoami', me(roles, '王芳')).on('getCase', caseView({ id: 'case-7', version: 3, can: ALL_DECISIONS }));
  const p = loadPage('package-staff/pages/case-review/case-review');
  p.page.onLoad({ id: 'case-7' });
  await settled();
  return p;
}

beforeEach(() => {
  fake = installFakeWx();
});

test('the staff review accepts a case after confirmation and shows 已受理', async () => {
  fake.server.on('acceptCase', caseView({ id: 'case-7', version: 4, state: 'accepted', stateLabel: '已受理', handlerName: '王芳', can: [] }));
  const p = await openReview();
  expect(p.text()).toContain('待受理');

  await p.tap('#accept');

  expect(fake.calls('showModal')[0]).toMatchObject({ title: '确认受理' });
  expect(fake.server.sent('acceptCase')).toEqual([{ caseId: 'case-7', version: 3 }]);
  expect(p.text()).toContain('已受理');
  expect(p.text()).not.toContain('待受理');
  expect(p.exists('#accept')).toBe(false);
});

test('the staff review does not accept a case when the confirmation is cancelled', async () => {
  fake.answer('showModal', { confirm: false, cancel: true });
  const p = await openReview();

  await p.tap('#accept');

  expect(fake.server.sent('acceptCase')).toHaveLength(0);
  expect(p.text()).toContain('待受理');
});

test('returning a case requires what is missing', async () => {
  fake.server.on('returnCase', caseView({ id: 'case-7', version: 4, state: 'returned', stateLabel: '退回补正', returnNote: '缺少水质检测报告' }));
  const p = await openReview();
  await p.tap('#open-return');

  await p.tap('#submit-panel');
  expect(p.text()).toContain('请写明需要补正的内容');
  expect(fake.calls('showModal')).toHaveLength(0);
  expect(fake.server.sent('returnCase')).toHaveLength(0);

  await p.type('#panel-text', '缺少水质检测报告');
  await p.tap('#submit-panel');

  expect(fake.calls('showModal')[0]).toMatchObject({ title: '确认退回补正' });
  expect(fake.server.sent('returnCase')).toEqual([{ caseId: 'case-7', version: 3, missing: '缺少水质检测报告' }]);
  expect(p.text()).toContain('退回补正');
  expect(p.text()).toContain('缺少水质检测报告');
});

test('a refusal shows the server message when the case has changed meanwhile', async () => {
  fake.server.refuse('refuseCase', 'CONFLICT', '办件已被他人处理，请刷新后重试');
  const p = await openReview();
  await p.tap('#open-refuse');
  await p.type('#panel-text', '不属于本科室审批范围');
  await p.tap('#submit-panel');

  const modals = fake.calls('showModal');
  expect(modals[modals.length - 1]).toMatchObject({ content: '办件已被他人处理，请刷新后重试' });
  // The case is read again so the officer sees its current state.
  expect(fake.server.sent('getCase')).toHaveLength(2);
});

test('reassignment is visible only to a section head', async () => {
  const officer = await openReview(['staff']);
  expect(officer.exists('#open-reassign')).toBe(false);

  const head = await openReview(['staff', 'sectionHead']);
  expect(head.exists('#open-reassign')).toBe(true);
});

test('a section head reassigns a case to a picked colleague with a reason', async () => {
  fake.server
    .on('listSectionStaff', [
      { openid: 'demo-staff', name: '王芳', roles: ['staff'] },
      { openid: 'demo-staff-2', name: '赵磊', roles: ['staff'] },
    ])
    .on('reassignCase', caseView({ id: 'case-7', version: 4, handlerName: '赵磊' }));
  const head = await openReview(['sectionHead']);
  await head.tap('#open-reassign');
  // The case's section: an admin, who belongs to none, is answered for it too.
  expect(fake.server.sent('listSectionStaff')).toEqual([{ sectionCode: 'social' }]);
  await head.type('#panel-text', '王芳休假');
  await head.tap('#submit-panel');
  expect(head.text()).toContain('请选择改派给谁');

  head.page.onPickStaff({ detail: { value: '1' } });
  await settled();
  await head.tap('#submit-panel');

  expect(fake.server.sent('reassignCase')).toEqual([{ caseId: 'case-7', version: 3, toOpenid: 'demo-staff-2', reason: '王芳休假' }]);
});

test('the handler is led to countersign, offer times, the meeting and the group as the case allows', async () => {
  fake.server
    .on('whoami', me(['staff'], '王芳'))
    .on('getCase', caseView({ id: 'case-7', state: 'ready', stateLabel: '待预约', can: ['countersignConsent', 'offerSlots', 'postGroupMessage'] }));
  const p = loadPage('package-staff/pages/case-review/case-review');
  p.page.onLoad({ id: 'case-7' });
  await settled();

  expect(p.text()).toContain('会签同意书');
  expect(p.text()).toContain('进入踏勘群');
  await p.tap('#step-offer');
  expect(fake.calls('navigateTo')[0]!.url).toBe('/package-staff/pages/offer-slots/offer-slots?id=case-7');
});

test('a material is opened through a link the server hands out after checking access, never straight from storage', async () => {
  fake.server.on('getFileUrl', { url: 'https://files.example/m1.pdf' });
  const p = await openReview();
  p.page.onOpenMaterial({ currentTarget: { dataset: { id: 'cloud://env/m1.pdf', name: '营业执照.pdf' } } });
  await settled();
  expect(fake.server.sent('getFileUrl')).toEqual([{ caseId: 'case-7', fileId: 'cloud://env/m1.pdf' }]);
  expect(fake.calls('downloadFile')[0]).toMatchObject({ url: 'https://files.example/m1.pdf' });
  expect(fake.calls('openDocument')).toHaveLength(1);
  expect(fake.calls('cloud.downloadFile')).toHaveLength(0);
});

test('a registered case offers 打印回执 where the server allows it, and opens the receipt PDF', async () => {
  let p = await openReview();
  expect(p.exists('#print-receipt')).toBe(false);

  fake.server
    .on('getCase', caseView({ id: 'case-7', version: 3, channel: 'counter', can: ['reissueClaimCode', 'getRegistrationReceipt'] }))
    .on('getRegistrationReceipt', { fileName: '收件回执_DL-20260612-0007.pdf', downloadUrl: 'https://files.example/receipt.pdf' });
  p = loadPage('package-staff/pages/case-review/case-review');
  p.page.onLoad({ id: 'case-7' });
  await settled();
  await p.tap('#print-receipt');
  expect(fake.server.sent('getRegistrationReceipt')).toEqual([{ caseId: 'case-7' }]);
  expect(fake.calls('downloadFile')[0]).toMatchObject({ url: 'https://files.example/receipt.pdf' });
  expect(fake.calls('openDocument')).toHaveLength(1);
  expect(p.page.data.busy).toBe(false);
});

describe('a deadline the new holiday notice would move', () => {
  const recount = {
    kind: 'rectification' as const, kindLabel: '整改期限', year: 2027,
    issued: '2027-01-12T15:59:59.999Z', wouldBe: '2027-01-13T15:59:59.999Z',
  };
  const open = async (): Promise<LoadedPage> => {
    fake.server
      .on('whoami', me(['staff'], '王芳'))
      .on('getCase', caseView({ id: 'case-7', version: 9, state: 'rectifying', stateLabel: '整改中', can: ['settleRecountedDeadline'], pendingRecounts: [recount] }));
    const p = loadPage('package-staff/pages/case-review/case-review');
    p.page.onLoad({ id: 'case-7' });
    await settled();
    return p;
  };

  test('shows the card with the new and the issued date; adopting sends the choice and the card goes', async () => {
    fake.server.on('settleRecountedDeadline', caseView({ id: 'case-7', version: 10, state: 'rectifying', stateLabel: '整改中', can: [] }));
    const p = await open();
    expect(p.text()).toContain('新日历下整改期限将变为 2027-01-13');
    expect(p.text()).toContain('已发出的整改期限为 2027-01-12');
    expect(p.exists('#keep-0')).toBe(true);

    await p.tap('#adopt-0');

    expect(fake.calls('showModal')[0]).toMatchObject({ title: '采用新期限', content: expect.stringContaining('申请人将收到新的整改期限') });
    expect(fake.server.sent('settleRecountedDeadline')).toEqual([{ caseId: 'case-7', version: 9, deadline: 'rectification', issued: recount.issued, adopt: true }]);
    expect(p.exists('#recount-0')).toBe(false);
    expect(p.text()).not.toContain('新日历下');
  });

  test('keeping the issued date sends adopt false; a cancelled confirmation sends nothing', async () => {
    fake.server.on('settleRecountedDeadline', caseView({ id: 'case-7', version: 10, state: 'rectifying', stateLabel: '整改中', can: [] }));
    const p = await open();
    fake.answer('showModal', { confirm: false, cancel: true });
    await p.tap('#keep-0');
    expect(fake.server.sent('settleRecountedDeadline')).toHaveLength(0);
    expect(p.exists('#recount-0')).toBe(true);

    fake.answer('showModal', { confirm: true, cancel: false });
    await p.tap('#keep-0');
    expect(fake.calls('showModal').slice(-1)[0]).toMatchObject({ title: '保持原期限', content: '整改期限保持 2027-01-12 不变。' });
    expect(fake.server.sent('settleRecountedDeadline')).toEqual([{ caseId: 'case-7', version: 9, deadline: 'rectification', issued: recount.issued, adopt: false }]);
  });
});

describe('a booked inspection on a day the new holiday notice makes a holiday', () => {
  test('shows the card with the booked time and leads to the reschedule page; back from rescheduling, the card is gone', async () => {
    fake.server
      .on('whoami', me(['staff'], '王芳'))
      .on('getCase', caseView({ id: 'case-7', version: 5, state: 'scheduled', stateLabel: '已预约', can: ['rescheduleInspection'], bookingOnHoliday: '2027-01-04T02:00:00.000Z' }));
    const p = loadPage('package-staff/pages/case-review/case-review');
    p.page.onLoad({ id: 'case-7' });
    await settled();
    expect(p.comp.querySelector('#holiday-booking')!.dom!.textContent).toContain('预约的踏勘日在新日历下为节假日');
    expect(p.text()).toContain('原定 2027-01-04 10:00 的踏勘');
    expect(p.exists('#recount-0')).toBe(false);

    await p.tap('#reschedule-holiday');
    expect(fake.calls('navigateTo').pop()!.url).toBe('/package-staff/pages/meeting/meeting?id=case-7');

    fake.server.on('getCase', caseView({ id: 'case-7', version: 6, state: 'ready', stateLabel: '待预约', can: [] }));
    p.page.onShow();
    await settled();
    expect(p.exists('#holiday-booking')).toBe(false);
  });
});
