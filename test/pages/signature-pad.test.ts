import { stroke, writeName } from './support/fake-canvas';
import { fail, installFakeWx, type FakeWx } from './support/fake-wx';
import { type LoadedPage, loadPage, settled } from './support/load-page';

let fake: FakeWx;

beforeEach(() => {
  fake = installFakeWx();
});

/** The pad, and the paths of the signatures it emits with `sign`. */
async function openPad(): Promise<{ p: LoadedPage; signed: string[] }> {
  const p = loadPage('components/signature-pad/signature-pad');
  const signed: string[] = [];
  jest.spyOn(p.page, 'triggerEvent').mockImplementation((name: unknown, detail: unknown) => {
    if (name === 'sign') signed.push((detail as { tempFilePath: string }).tempFilePath);
  });
  await settled();
  return { p, signed };
}

test('the canvas is sized by the pixel ratio and drawing is scaled to it', async () => {
  await openPad();
  const canvas = fake.canvases[0]!;
  expect(canvas.width).toBe(690);
  expect(canvas.height).toBe(440);
  expect(canvas.drawn[0]).toBe('scale(2,2)');
});

test('refuses an empty pad', async () => {
  const { p, signed } = await openPad();
  await p.tap('#confirm');
  expect(p.text()).toContain('请先在框内签名');
  expect(fake.calls('canvasToTempFilePath')).toHaveLength(0);
  expect(signed).toEqual([]);
});

test('refuses a one-stroke scribble however long, and a few taps', async () => {
  const { p, signed } = await openPad();
  stroke(p.page, [[10, 10], [300, 40], [20, 180], [320, 200]]);
  await p.tap('#confirm');
  expect(p.text()).toContain('签名过于简单');

  await p.tap('#clear');
  stroke(p.page, [[50, 50]]);
  stroke(p.page, [[60, 60]]);
  stroke(p.page, [[70, 70], [72, 71]]);
  await p.tap('#confirm');
  expect(p.text()).toContain('签名过于简单');
  expect(fake.calls('canvasToTempFilePath')).toHaveLength(0);
  expect(signed).toEqual([]);
});

test('exports a drawn signature as a PNG of the canvas and emits its path', async () => {
  const { p, signed } = await openPad();
  writeName(p.page);
  await settled();
  await p.tap('#confirm');

  const [exported] = fake.calls('canvasToTempFilePath');
  expect(exported).toMatchObject({ canvas: fake.canvases[0], fileType: 'png' });
  expect(signed).toEqual(['wxfile://tmp/signature.png']);
  expect(fake.canvases[0]!.drawn).toContain('lineTo(80,90)');
});

test('undo takes back the last stroke and redraws the rest', async () => {
  const { p } = await openPad();
  writeName(p.page);
  await settled();
  expect(p.page.data.strokes).toBe(3);

  await p.tap('#undo');
  expect(p.page.data.strokes).toBe(2);
  const drawn = fake.canvases[0]!.drawn;
  const redrawn = drawn.slice(drawn.lastIndexOf('clearRect(0,0,345,220)'));
  expect(redrawn).toContain('lineTo(70,60)');
  expect(redrawn).not.toContain('lineTo(150,150)');

  await p.tap('#undo');
  await p.tap('#confirm');
  expect(p.text()).toContain('签名过于简单');
});

test('says so when the image cannot be saved', async () => {
  fake.answer('canvasToTempFilePath', fail('canvasToTempFilePath:fail'));
  const { p, signed } = await openPad();
  writeName(p.page);
  await p.tap('#confirm');
  expect(p.text()).toContain('签名保存失败，请重试');
  expect(signed).toEqual([]);
});
