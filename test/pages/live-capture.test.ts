import { fail, installFakeWx, type FakeWx } from './support/fake-wx';
import { evidence, inspectionView } from './support/inspection-fixtures';
import { type LoadedPage, loadPage, settled } from './support/load-page';

let fake: FakeWx;

beforeEach(() => {
  fake = installFakeWx();
  fake.answer('chooseMedia', { tempFiles: [{ tempFilePath: 'wxfile://tmp/photo.jpg', size: 3_000_000, fileType: 'image' }] });
  fake.answer('canvasToTempFilePath', { tempFilePath: 'wxfile://tmp/stamped.jpg' });
  fake.server
    .on('getInspection', inspectionView({ sessionCode: undefined, can: ['confirmSessionCode', 'addEvidence'] }))
    .on('requestUpload', ({ fileName, purpose }: { fileName: string; purpose: string }) => ({ cloudPath: `uploads/contact/${purpose}/${fileName}` }))
    .on('addEvidence', evidence(5, { kind: 'live-photo', kindLabel: '现场照片' }));
});

async function openCapture(): Promise<LoadedPage> {
  const p = loadPage('pages/live-capture/live-capture');
  p.page.onLoad({ id: 'case-7' });
  await settled();
  return p;
}

test('a live photo is taken with the camera only, stamped, uploaded and chained with its capture time and place', async () => {
  const p = await openCapture();
  const before = Date.now();

  await p.tap('#capture');
  await settled();

  expect(fake.calls('chooseMedia')).toHaveLength(1);
  expect(fake.calls('chooseMedia')[0]).toMatchObject({ sourceType: ['camera'], mediaType: ['image'] });
  expect(fake.calls('getLocation')[0]).toMatchObject({ type: 'gcj02' });

  const [payload] = fake.server.sent('addEvidence');
  expect(payload).toEqual({
    caseId: 'case-7',
    fileId: expect.stringMatching(/^local:\/\/uploads\/contact\/evidence\/现场照片-DL-20260612-0007-\d{14}\.jpg$/),
    kind: 'live-photo',
    clientSha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    capturedAt: expect.any(String),
    location: { latitude: 39.09012, longitude: 117.31045, accuracy: 15 },
  });
  expect(Date.parse(payload.capturedAt)).toBeGreaterThanOrEqual(before - 1000);
  expect(Date.parse(payload.capturedAt)).toBeLessThanOrEqual(Date.now());

  // The stamped picture is what is uploaded, drawn at the photo's size with case number, China time and place.
  expect(fake.calls('createOffscreenCanvas')[0]).toMatchObject({ type: '2d', width: 2048, height: 1536 });
  const drawn = fake.canvases[0]!.drawn.join('\n');
  expect(drawn).toContain('办件编号：DL-20260612-0007');
  expect(drawn).toMatch(/拍摄时间：\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}（北京时间）/);
  expect(drawn).toContain('拍摄地点：北纬39.09012° 东经117.31045°（精度±15米）');
  expect(fake.uploads).toEqual([{ filePath: 'wxfile://tmp/stamped.jpg', cloudPath: expect.stringContaining('uploads/contact/evidence/') }]);
  expect(p.text()).toContain('已加入证据（第 5 条）');
});

test('without the location nothing is uploaded, and the way to the settings is offered', async () => {
  fake.answer('getLocation', fail('getLocation:fail auth deny'));
  const p = await openCapture();

  await p.tap('#capture');

  expect(fake.calls('showModal')[0]).toMatchObject({ title: '需要使用位置', confirmText: '去设置' });
  expect(fake.uploads).toEqual([]);
  expect(fake.server.sent('addEvidence')).toEqual([]);
});

test('the page says so when no photos are asked for', async () => {
  fake.server.on('getInspection', inspectionView({ state: 'passed', can: [] }));
  const p = await openCapture();
  expect(p.text()).toContain('现在不需要拍摄现场照片');
  expect(p.exists('#capture')).toBe(false);
});
