import type { FormTemplateView } from '../../typings/models';
import { installFakeWx, type FakeWx } from './support/fake-wx';
import { type LoadedPage, loadPage, settled } from './support/load-page';

let fake: FakeWx;

beforeEach(() => {
  fake = installFakeWx();
});

const template = (kind: 'consent' | 'commitment', overrides: Partial<FormTemplateView> = {}): FormTemplateView => ({
  kind, name: kind === 'consent' ? '远程视频踏勘同意书' : '住所（经营场所）告知承诺书', version: 1,
  title: kind === 'consent' ? '远程视频踏勘同意书' : '告知承诺书', paragraphs: ['{{companyName}}同意远程视频踏勘。', '特此同意。'],
  placeholders: ['companyName', 'officeName'], ...overrides,
});

async function open(): Promise<LoadedPage> {
  const p = loadPage('package-admin/pages/form-templates/form-templates');
  p.page.onLoad({});
  await settled();
  return p;
}

test('the text in force is drafted one paragraph per line, previewed as a PDF and published as the next version', async () => {
  fake.answer('showModal', { confirm: true });
  fake.server
    .on('getFormTemplates', [template('consent'), template('commitment')])
    .on('previewFormTemplate', { url: 'https://files.example/preview.pdf', unsupportedCharacters: [] })
    .on('publishFormTemplate', ({ paragraphs }: { paragraphs: string[] }) => template('consent', { version: 2, paragraphs }));
  const p = await open();
  expect(p.text()).toContain('现行第 1 版 · 修改后发布为第 2 版');
  expect(p.text()).toContain('{{companyName}}  {{officeName}}');
  await p.type('#body', '{{companyName}}同意由{{officeName}}远程视频踏勘。\n\n特此同意。');
  await p.tap('#preview');
  expect(fake.server.sent('previewFormTemplate')).toEqual([{ kind: 'consent', title: '远程视频踏勘同意书', paragraphs: ['{{companyName}}同意由{{officeName}}远程视频踏勘。', '特此同意。'] }]);
  expect(fake.calls('downloadFile')[0]).toMatchObject({ url: 'https://files.example/preview.pdf' });
  expect(fake.calls('openDocument')[0]).toMatchObject({ fileType: 'pdf' });

  await p.tap('#publish');
  expect(fake.calls('showModal')[0]).toMatchObject({ title: '发布远程视频踏勘同意书第 2 版' });
  expect(fake.server.sent('publishFormTemplate')[0]).toEqual({ kind: 'consent', title: '远程视频踏勘同意书', paragraphs: ['{{companyName}}同意由{{officeName}}远程视频踏勘。', '特此同意。'] });
  expect(p.text()).toContain('现行第 2 版');
  await p.tap('#kind-commitment');
  expect(p.page.data.draft.title).toBe('告知承诺书');
});

test('a text too long for one call is written to a file, uploaded, and sent by its file id', async () => {
  fake.answer('showModal', { confirm: true });
  fake.server
    .on('getFormTemplates', [template('consent'), template('commitment')])
    .on('requestUpload', ({ purpose, fileName }: { purpose: string; fileName: string }) => ({ cloudPath: `uploads/demo-admin/${purpose}/${fileName}` }))
    .on('publishFormTemplate', template('consent', { version: 2 }));
  const p = await open();
  const long = Array.from({ length: 30 }, (_, i) => `第${i + 1}条 ${'本单位已知悉并遵守相关规定。'.repeat(100)}`).join('\n');
  await p.type('#body', long);
  await p.tap('#publish');
  expect(fake.calls('writeFile')[0]).toMatchObject({ filePath: 'wxfile://usr/form-template.txt', data: long, encoding: 'utf8' });
  expect(fake.server.sent('requestUpload')[0]).toMatchObject({ purpose: 'formTemplate', fileName: 'form-template.txt' });
  expect(fake.server.sent('requestUpload')[0].size).toBeGreaterThan(100 * 1024);
  expect(fake.server.sent('publishFormTemplate')).toEqual([{ kind: 'consent', title: '远程视频踏勘同意书', textFileId: 'local://uploads/demo-admin/formTemplate/form-template.txt' }]);
});

test('characters the PDF font lacks are named after a preview, and a refusal is shown', async () => {
  fake.server
    .on('getFormTemplates', [template('consent'), template('commitment')])
    .on('previewFormTemplate', { url: 'https://files.example/preview.pdf', unsupportedCharacters: ['𠀀'] })
    .refuse('publishFormTemplate', 'VALIDATION', '只能使用这些填写项：{{companyName}}');
  fake.answer('showModal', { confirm: true });
  const p = await open();
  await p.tap('#preview');
  expect(p.text()).toContain('PDF 字库中没有这些字，将显示为□，请改写：𠀀');
  await p.tap('#publish');
  expect(p.comp.querySelector('#draft-error')!.dom!.textContent).toBe('只能使用这些填写项：{{companyName}}');
});
