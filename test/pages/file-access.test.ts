import { installFakeWx, type FakeWx } from './support/fake-wx';
import { caseView, me } from './support/fixtures';
import { loadPage, settled } from './support/load-page';

// The access log (R13) on the case: the applicant sees who opened their materials and recordings, the office every
// link handed out; both in plain Chinese, no ids or hashes.

let fake: FakeWx;
beforeEach(() => {
  fake = installFakeWx();
});

const LOG = [
  { at: '2026-06-15T02:10:00.000Z', who: '王芳', roleLabel: '经办人', fileName: '营业执照.pdf', kindLabel: '申请材料' },
  { at: '2026-06-14T08:00:00.000Z', who: '陈静', roleLabel: '政策法规科', fileName: '踏勘录像.mp4', kindLabel: '录像' },
];

test('the applicant sees on the case who opened their materials and recordings, and when', async () => {
  fake.server.on('getCase', caseView({ id: 'case-7' })).on('listFileAccess', LOG);
  const p = loadPage('pages/case-detail/case-detail');
  p.page.onLoad({ id: 'case-7' });
  await settled();

  expect(fake.server.sent('listFileAccess')).toEqual([{ caseId: 'case-7' }]);
  const text = p.comp.querySelector('#file-access')!.dom!.textContent;
  expect(text).toContain('王芳（经办人）查看了申请材料「营业执照.pdf」');
  expect(text).toContain('2026-06-15 10:10');
  expect(text).toContain('陈静（政策法规科）查看了录像「踏勘录像.mp4」');
});

test('an empty log says nobody has looked yet; a caller who may not see it sees the case without the section', async () => {
  fake.server.on('getCase', caseView({ id: 'case-7' })).on('listFileAccess', []);
  let p = loadPage('pages/case-detail/case-detail');
  p.page.onLoad({ id: 'case-7' });
  await settled();
  expect(p.comp.querySelector('#file-access')!.dom!.textContent).toContain('还没有人查看过您的材料和录像');

  fake = installFakeWx();
  fake.server.on('getCase', caseView({ id: 'case-7' })).refuse('listFileAccess', 'FORBIDDEN', '只有申请人和审批人员可以查看文件查阅记录');
  p = loadPage('pages/case-detail/case-detail');
  p.page.onLoad({ id: 'case-7' });
  await settled();
  expect(p.exists('#file-access')).toBe(false);
  expect(p.text()).toContain('申请材料');
  expect(fake.calls('showToast')).toHaveLength(0);
});

test('staff see every link handed out in the case file', async () => {
  fake.server.on('whoami', me(['staff'], '王芳')).on('getCase', caseView({ id: 'case-7', version: 3 })).on('listFileAccess', LOG);
  const p = loadPage('package-staff/pages/case-review/case-review');
  p.page.onLoad({ id: 'case-7' });
  await settled();

  const text = p.comp.querySelector('#file-access')!.dom!.textContent;
  expect(text).toContain('王芳（经办人）查看了申请材料「营业执照.pdf」');
  expect(p.text()).toContain('文件查阅记录');
  expect(text).toContain('陈静（政策法规科）查看了录像「踏勘录像.mp4」');
});
