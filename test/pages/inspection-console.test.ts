import type { ChecklistResult } from '../../typings/models';
import { NETWORK_DOWN, installFakeWx, serverError, type FakeWx } from './support/fake-wx';
import { evidence, finding, inspectionView } from './support/inspection-fixtures';
import { type LoadedPage, loadPage, settled } from './support/load-page';

let fake: FakeWx;

beforeEach(() => {
  fake = installFakeWx();
});

async function openConsole(view = inspectionView()): Promise<LoadedPage> {
  fake.server.on('getInspection', view);
  const p = loadPage('package-staff/pages/inspection/inspection');
  const transport = require('../../miniprogram/services/transport/transport') as typeof import('../../miniprogram/services/transport/transport');
  transport.RETRY_DELAY_MS.value = 1;
  p.page.onLoad({ id: 'case-7' });
  await settled();
  return p;
}

/** saveChecklistItem as the server answers it: the item one revision on, the case one version on. */
const saved = (p: { itemCode: string; result: ChecklistResult; note?: string; evidenceSeqs?: number[]; revision: number }) => ({
  caseVersion: 11 + p.revision,
  itemCode: p.itemCode,
  finding: finding(p.result, { revision: p.revision + 1, evidenceSeqs: p.evidenceSeqs ?? [], ...(p.note ? { note: p.note } : {}) }),
});

const saveText = (p: LoadedPage, code: string) => p.comp.querySelector(`#save-${code}`)!.dom!.textContent;

test('the console shows the session code large to read out, and the premises check with its flag', async () => {
  const p = await openConsole(inspectionView({
    premisesCheck: {
      distanceMeters: 1830, accuracyMeters: 20, thresholdMeters: 500, flagged: true,
      note: '距申报经营场所 1830 米，超出 500 米阈值', checkedAt: '2026-06-15T02:03:00.000Z', reportedByName: '李四',
    },
  }));

  expect(p.comp.querySelector('#session-code')!.dom!.textContent).toBe('482 913');
  expect(p.text()).toContain('等待现场人员输入');
  expect(p.text()).toContain('位置存疑，请视频核实');
  expect(p.text()).toContain('距申报经营场所 1830 米，超出 500 米阈值');
  expect(p.text()).toContain('李四 · 2026-06-15 10:03 · 阈值 500 米');
  expect(p.text()).toContain('已填 0 / 3');
});

test('tapping a result saves the item at once and shows 已保存', async () => {
  fake.server.on('saveChecklistItem', saved);
  const p = await openConsole();

  await p.tap('#result-W1-conforming');

  expect(fake.server.sent('saveChecklistItem')).toEqual([{ caseId: 'case-7', itemCode: 'W1', result: 'conforming', evidenceSeqs: [], revision: 0 }]);
  expect(saveText(p, 'W1')).toBe('已保存');
  expect(saveText(p, 'W2')).toBe('未填写');
  expect(p.text()).toContain('已填 1 / 3');
  expect(p.page.data.version).toBe(11);

  // A change of mind is saved on the revision the first save produced.
  await p.tap('#result-W1-nonConforming');
  expect(fake.server.sent('saveChecklistItem')[1]).toEqual({ caseId: 'case-7', itemCode: 'W1', result: 'nonConforming', evidenceSeqs: [], revision: 1 });
  expect(saveText(p, 'W1')).toBe('已保存');
});

test('a save the server refuses shows 保存失败 with the reason, and 重试 sends it again', async () => {
  let attempts = 0;
  fake.server.on('saveChecklistItem', (payload: Parameters<typeof saved>[0]) =>
    ++attempts === 1 ? serverError('INTERNAL', '服务繁忙，请稍后重试') : saved(payload));
  const p = await openConsole();

  await p.tap('#result-W2-nonConforming');
  expect(saveText(p, 'W2')).toBe('保存失败');
  expect(p.text()).toContain('服务繁忙，请稍后重试');

  await p.tap('#retry-W2');

  const sent = fake.server.sent('saveChecklistItem');
  expect(sent).toHaveLength(2);
  expect(sent[1]).toEqual(sent[0]);
  expect(sent[1]).toMatchObject({ itemCode: 'W2', result: 'nonConforming', revision: 0 });
  expect(saveText(p, 'W2')).toBe('已保存');
  expect(p.exists('#retry-W2')).toBe(false);
});

test('a save lost to the network is sent again by itself once another save gets through', async () => {
  let online = false;
  fake.server.on('saveChecklistItem', (payload: Parameters<typeof saved>[0]) => (online ? saved(payload) : NETWORK_DOWN));
  const p = await openConsole();

  await p.tap('#result-W1-conforming');
  await settled();
  expect(saveText(p, 'W1')).toBe('保存失败');
  expect(p.text()).toContain('网络不稳定');

  online = true;
  await p.tap('#result-W3-notApplicable');
  await settled();

  expect(saveText(p, 'W3')).toBe('已保存');
  expect(saveText(p, 'W1')).toBe('已保存');
  const w1 = fake.server.sent('saveChecklistItem').filter((s) => s.itemCode === 'W1');
  expect(w1[w1.length - 1]).toEqual(
    { caseId: 'case-7', itemCode: 'W1', result: 'conforming', evidenceSeqs: [], revision: 0 },
  );
});

test('a note and linked evidence are saved with the item', async () => {
  fake.server.on('saveChecklistItem', saved);
  const p = await openConsole(inspectionView({ evidence: [evidence(1), evidence(2)] }));

  await p.tap('#result-W2-nonConforming');
  await p.tap('#edit-W2');
  await p.type('#note-W2', '人孔盖未上锁');
  await p.tap('#link-W2-2');
  await p.tap('#edit-done');

  expect(fake.server.sent('saveChecklistItem')[1]).toEqual({
    caseId: 'case-7', itemCode: 'W2', result: 'nonConforming', note: '人孔盖未上锁', evidenceSeqs: [2], revision: 1,
  });
  expect(p.text()).toContain('说明：人孔盖未上锁');
  expect(p.text()).toContain('关联证据：第 2 条 · 现场截图');
});

test('an item saved on another device meanwhile is reloaded, not overwritten', async () => {
  fake.server.refuse('saveChecklistItem', 'CONFLICT', '该核查项已在其他设备上修改，请刷新后再保存');
  const p = await openConsole();
  fake.server.on('getInspection', inspectionView({}, { W1: finding('nonConforming', { revision: 1 }) }));

  await p.tap('#result-W1-conforming');

  expect(fake.calls('showModal')[0]).toMatchObject({ title: '该项已在其他设备上修改' });
  expect(p.page.data.items[0]).toMatchObject({ result: 'nonConforming', revision: 1, saveState: 'saved' });
});

test('a video from the album is uploaded for evidence and chained as a recording', async () => {
  fake.answer('chooseMedia', { tempFiles: [{ tempFilePath: 'wxfile://tmp/meeting.mp4', size: 300 * 1024 * 1024, fileType: 'video' }] });
  fake.server
    .on('requestUpload', ({ fileName, purpose }: { fileName: string; purpose: string }) => ({ cloudPath: `uploads/staff/${purpose}/${fileName}` }))
    .on('addEvidence', evidence(1, { kind: 'recording', kindLabel: '会议录像' }));
  const p = await openConsole();
  fake.server.on('getInspection', inspectionView({ evidence: [evidence(1, { kind: 'recording', kindLabel: '会议录像', fileName: '录像1.mp4' })] }));

  await p.tap('#add-evidence');
  await settled();

  expect(fake.calls('chooseMedia')[0]).toMatchObject({ sourceType: ['album'], mediaType: ['image', 'video'] });
  expect(fake.server.sent('requestUpload')).toEqual([{ fileName: '录像1.mp4', size: 300 * 1024 * 1024, purpose: 'evidence' }]);
  expect(fake.server.sent('addEvidence')).toEqual([{ caseId: 'case-7', fileId: 'local://uploads/staff/evidence/录像1.mp4', kind: 'recording', clientSha256: expect.stringMatching(/^[0-9a-f]{64}$/) }]);
  expect(p.text()).toContain('第 1 条 · 会议录像');
  expect(p.page.data.uploads).toEqual([]);
});

test('a file that uploaded but could not be chained is chained again on 重试 without uploading it again', async () => {
  fake.answer('chooseMedia', { tempFiles: [{ tempFilePath: 'wxfile://tmp/shot.png', size: 1024, fileType: 'image' }] });
  fake.server
    .on('requestUpload', { cloudPath: 'uploads/staff/evidence/shot.png' })
    .refuse('addEvidence', 'INVALID_STATE', '踏勘尚未开始');
  const p = await openConsole();

  await p.tap('#add-evidence');
  await settled();
  expect(p.text()).toContain('踏勘尚未开始');

  fake.server.on('addEvidence', evidence(1));
  await p.page.onRetryUpload({ detail: { key: p.page.data.uploads[0].key } });
  await settled();

  expect(fake.uploads).toHaveLength(1);
  expect(fake.server.sent('addEvidence')).toHaveLength(2);
  expect(fake.server.sent('addEvidence')[1]).toEqual({ caseId: 'case-7', fileId: 'local://uploads/staff/evidence/shot.png', kind: 'screenshot' });
});

test('starting the inspection asks first and shows the new session code', async () => {
  const p = await openConsole(inspectionView({ state: 'scheduled', stateLabel: '已预约', round: 0, rounds: [], sessionCode: undefined, can: ['startInspection'] }));
  fake.server.on('startInspection', inspectionView({ version: 11 }));

  await p.tap('#start');

  expect(fake.calls('showModal')[0]).toMatchObject({ title: '开始踏勘？' });
  expect(fake.server.sent('startInspection')).toEqual([{ caseId: 'case-7', version: 10 }]);
  expect(p.comp.querySelector('#session-code')!.dom!.textContent).toBe('482 913');
});

test('a large file still being hashed shows 校验中 with its progress beside the chained evidence, and no hash', async () => {
  const p = await openConsole(inspectionView({
    evidence: [evidence(1)],
    evidenceVerifying: [{
      verifying: true, key: 'abc', kind: 'recording', kindLabel: '会议录像', fileName: '踏勘录像.mp4', size: 1_073_741_824,
      statusLabel: '校验中', progress: 37, uploadedByName: '王芳', uploadedAt: '2026-06-15T02:10:00.000Z',
    }],
  }));
  expect(p.text()).toContain('会议录像 踏勘录像.mp4：校验中（37%）');
  expect(p.text()).toContain('证据（1）');
  expect(p.text()).not.toContain('暂无证据');
});

test('an on-site inspection starts with the officer’s own location and no session code', async () => {
  const p = await openConsole(inspectionView({ mode: 'onsite', state: 'scheduled', stateLabel: '已预约', round: 0, rounds: [], sessionCode: undefined, can: ['startInspection'] }));
  fake.server.on('startInspection', inspectionView({ mode: 'onsite', version: 11, sessionCode: undefined }));

  await p.tap('#start');

  expect(fake.calls('showModal')[0]).toMatchObject({ title: '开始现场踏勘？' });
  expect(fake.server.sent('startInspection')).toEqual([{ caseId: 'case-7', version: 10, location: { latitude: 39.09012, longitude: 117.31045, accuracy: 15 } }]);
  expect(p.exists('#session-code')).toBe(false);
});

test('starting far from the booked time says so and shows the booked time before it starts', async () => {
  const inTwoDays = Date.now() + 2 * 24 * 3600_000;
  const booked = { start: new Date(inTwoDays).toISOString(), end: new Date(inTwoDays + 3600_000).toISOString() };
  const p = await openConsole(inspectionView({ state: 'scheduled', stateLabel: '已预约', round: 0, rounds: [], sessionCode: undefined, booked, can: ['startInspection'] }));
  fake.answer('showModal', { confirm: false, cancel: true });

  await p.tap('#start');

  const modal = fake.calls('showModal')[0]!;
  expect(modal.title).toBe('不在预约时间，仍要开始？');
  expect(modal.content).toMatch(/^预约的踏勘时间是 \d+月\d+日（周.）\d\d:\d\d-\d\d:\d\d，尚未到预约时间。/);
  expect(fake.server.sent('startInspection')).toEqual([]);
});

test('starting at the booked time asks the plain question', async () => {
  const booked = { start: new Date(Date.now() - 5 * 60_000).toISOString(), end: new Date(Date.now() + 55 * 60_000).toISOString() };
  const p = await openConsole(inspectionView({ state: 'scheduled', stateLabel: '已预约', round: 0, rounds: [], sessionCode: undefined, booked, can: ['startInspection'] }));
  fake.answer('showModal', { confirm: false, cancel: true });
  await p.tap('#start');
  expect(fake.calls('showModal')[0]).toMatchObject({ title: '开始踏勘？' });
});
