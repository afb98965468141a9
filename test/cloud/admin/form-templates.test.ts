import { type Harness, makeHarness } from '../../support/harness';
import { upload } from '../../support/inspection';
import { pdfText } from '../../support/pdf-text';

jest.setTimeout(60_000);

let h: Harness;
beforeAll(async () => {
  h = await makeHarness();
});
afterAll(() => h.close());

const LONG = Array.from({ length: 30 }, (_, i) => `第${i + 1}条 {{companyName}}承诺所提交的经营场所信息真实有效。${'本单位已知悉并遵守相关规定。'.repeat(120)}`);

test('a long form is uploaded as a UTF-8 file and published from it, since WeChat keeps a call under 100 KB', async () => {
  const body = LONG.join('\n');
  expect(Buffer.byteLength(JSON.stringify({ paragraphs: LONG }))).toBeGreaterThan(100 * 1024);
  const textFileId = await upload(h, 'admin', 'formTemplate', 'commitment.txt', new TextEncoder().encode(`\uFEFF${body}\n\n`));
  const view = await h.ok('admin', 'publishFormTemplate', { kind: 'commitment', title: '住所（经营场所）告知承诺书', textFileId });
  expect(view.version).toBe(2);
  expect(view.paragraphs).toEqual(LONG);
});

test('the text is given one way only, and a file of someone else or not UTF-8 is refused', async () => {
  const both = await h.call('admin', 'publishFormTemplate', { kind: 'consent', title: '远程视频踏勘同意书', paragraphs: ['同意。'], textFileId: 'local://x/y.txt' });
  expect(both).toMatchObject({ ok: false, code: 'VALIDATION', message: expect.stringContaining('二者选一') });
  const theirs = await upload(h, 'staff', 'formTemplate', 'consent.txt', new TextEncoder().encode('同意远程踏勘。'));
  expect(await h.call('admin', 'publishFormTemplate', { kind: 'consent', title: '远程视频踏勘同意书', textFileId: theirs })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  const latin1 = await upload(h, 'admin', 'formTemplate', 'consent.txt', new Uint8Array([0xcd, 0xac, 0xd2, 0xe2, 0x0a]));
  expect(await h.call('admin', 'publishFormTemplate', { kind: 'consent', title: '远程视频踏勘同意书', textFileId: latin1 })).toMatchObject({ ok: false, code: 'VALIDATION', message: expect.stringContaining('UTF-8') });
  expect(await h.call('admin', 'publishFormTemplate', { kind: 'consent', title: '远程视频踏勘同意书', paragraphs: ['{{unknownThing}}同意。'] })).toMatchObject({ ok: false, message: expect.stringContaining('只能使用这些填写项') });
});

test('a draft is previewed as the PDF an applicant would sign, with sample facts, and nothing is published', async () => {
  const before = (await h.ok('admin', 'getFormTemplates', {})).find((t) => t.kind === 'consent')!.version;
  const preview = await h.ok('admin', 'previewFormTemplate', { kind: 'consent', title: '远程视频踏勘同意书', paragraphs: ['{{companyName}}同意由{{officeName}}以远程视频方式踏勘其经营场所。'] });
  expect(preview.unsupportedCharacters).toEqual([]);
  const path = decodeURIComponent(new URL(preview.url).pathname.replace(/^\/files\//, ''));
  const pdf = await h.deps.files.read(`local://${path}`);
  const chunks: Buffer[] = [];
  for await (const c of pdf) chunks.push(Buffer.from(c as Buffer));
  const text = pdfText(Buffer.concat(chunks)).replace(/\s+/g, '');
  expect(text).toContain('（示例）天津某某物业服务有限公司同意由东丽区行政审批局以远程视频方式踏勘其经营场所。');
  expect((await h.ok('admin', 'getFormTemplates', {})).find((t) => t.kind === 'consent')!.version).toBe(before);
});

test('an uploaded text is read line by line: lines trimmed, blank ones dropped, up to 512 KB, a byte-order mark only at the start', async () => {
  const publish = (textFileId: string) => h.call('admin', 'publishFormTemplate', { kind: 'consent', title: '远程视频踏勘同意书', textFileId });
  const lines = ['  {{companyName}}同意远程视频踏勘。 ', '\t本单位已知悉相关规定。'];
  const head = `${lines.join('\r\n')}\r\n`;
  // Padded with lines of spaces to exactly the limit: accepted, and the padding is no paragraph.
  const room = 512 * 1024 - Buffer.byteLength(head);
  const atLimit = head + `${' '.repeat(1023)}\n`.repeat(Math.floor(room / 1024)) + ' '.repeat(room % 1024);
  expect(Buffer.byteLength(atLimit)).toBe(512 * 1024);
  const published = await h.ok('admin', 'publishFormTemplate', { kind: 'consent', title: '远程视频踏勘同意书', textFileId: await upload(h, 'admin', 'formTemplate', 'consent.txt', new TextEncoder().encode(atLimit)) });
  expect(published.paragraphs).toEqual(['{{companyName}}同意远程视频踏勘。', '本单位已知悉相关规定。']);
  const over = await upload(h, 'admin', 'formTemplate', 'consent.txt', new TextEncoder().encode(`${atLimit} `));
  expect(await publish(over)).toMatchObject({ ok: false, code: 'VALIDATION', message: '表单正文文件不能超过512KB' });
  // U+FEFF inside a line is the admin's text (a zero-width no-break space), not a byte-order mark.
  const inner = await h.ok('admin', 'publishFormTemplate', { kind: 'consent', title: '远程视频踏勘同意书', textFileId: await upload(h, 'admin', 'formTemplate', 'consent.txt', new TextEncoder().encode('同意\uFEFF远程视频踏勘。')) });
  expect(inner.paragraphs).toEqual(['同意\uFEFF远程视频踏勘。']);
  const blank = await upload(h, 'admin', 'formTemplate', 'consent.txt', new TextEncoder().encode('\n   \r\n\t\n'));
  expect(await publish(blank)).toMatchObject({ ok: false, code: 'VALIDATION', message: '表单正文：至少需要一段' });
  const unknown = await h.call('admin', 'publishFormTemplate', { kind: 'consent', title: '远程视频踏勘同意书', paragraphs: ['{{unknownThing}}同意。'] });
  expect(unknown).toMatchObject({ ok: false, code: 'VALIDATION', message: expect.stringMatching(/^只能使用这些填写项：\{\{officeName\}\}、\{\{district\}\}、\{\{companyName\}\}、/) });
});
