import type { FormKind } from '../../typings/models';
import { writeName } from './support/fake-canvas';
import { installFakeWx, type FakeWx } from './support/fake-wx';
import { caseForm, caseForms, readiness } from './support/forms-fixtures';
import { type LoadedPage, loadPage, settled } from './support/load-page';

let fake: FakeWx;

beforeEach(() => {
  fake = installFakeWx();
  fake.server.on('requestUpload', ({ purpose }: { purpose: string }) => ({ cloudPath: `uploads/demo/${purpose}/${fake.uploads.length + 1}-signature.png` }));
});

/** signForm as the server answers it: the form signed, the case one version on. */
function serveSigning() {
  const signed = new Set<FormKind>();
  fake.server.on('signForm', ({ kind, version }: { kind: FormKind; version: number }) => {
    signed.add(kind);
    return readiness({
      forms: (['consent', 'commitment'] as const).map((k) => ({ kind: k, name: k, ...(signed.has(k) ? { signedAt: '2026-06-12T02:00:00.000Z', signedVersion: 2 } : {}) })),
    }, { version: version + 1, state: signed.size === 2 ? 'signed' : 'accepted' });
  });
}

async function openSigning(): Promise<LoadedPage> {
  const p = loadPage('pages/sign-forms/sign-forms');
  p.page.onLoad({ id: 'case-7' });
  await settled();
  return p;
}

const readyPads = new WeakSet<object>();

/** Writes a name on the page's signature pad. */
async function drawOnPad(p: LoadedPage) {
  const pad = p.comp.querySelector('#pad')!;
  // miniprogram-simulate fires `ready` only for what was there at first render; the platform fires it for the pad
  // when the page shows it after loading.
  if (!readyPads.has(pad.instance)) {
    readyPads.add(pad.instance);
    pad.triggerLifeTime('ready');
    await settled();
  }
  writeName(pad.instance);
}

/** Reads the form, ticks 我已阅读并同意, writes a name on the pad and confirms. */
async function signShownForm(p: LoadedPage) {
  await p.tap('#agree');
  await drawOnPad(p);
  await p.tap('#pad >>> #confirm');
}

test('signing both forms uploads each signature, calls signForm twice and shows done with the copies', async () => {
  fake.server.on('getCaseForms', caseForms());
  fake.server.on('getSignedFormCopies', [
    { kind: 'consent', name: '远程视频踏勘同意书', copy: 'applicant', copyLabel: '申请人联', version: 2, signedAt: '2026-06-12T02:00:00.000Z', countersigned: false, sha256: 'a'.repeat(64), size: 11000, url: 'https://files.example/consent.pdf' },
    { kind: 'commitment', name: '住所（经营场所）告知承诺书', copy: 'applicant', copyLabel: '申请人联', version: 2, signedAt: '2026-06-12T02:00:00.000Z', countersigned: false, sha256: 'b'.repeat(64), size: 11000, url: 'https://files.example/commitment.pdf' },
  ]);
  serveSigning();
  const p = await openSigning();
  expect(p.text()).toContain('东丽区行政审批局行政许可事项远程视频踏勘同意书');
  expect(p.text()).toContain('这是第 1 份');

  await signShownForm(p);
  expect(p.text()).toContain('本单位承诺申报的经营场所真实、合法、正在使用。');
  expect(p.text()).toContain('这是第 2 份');
  await signShownForm(p);

  expect(fake.server.sent('requestUpload')).toEqual([
    { fileName: 'signature.png', size: 4096, purpose: 'signature' },
    { fileName: 'signature.png', size: 4096, purpose: 'signature' },
  ]);
  expect(fake.server.sent('signForm')).toEqual([
    { caseId: 'case-7', version: 5, kind: 'consent', templateVersion: 2, signatureFileId: 'local://uploads/demo/signature/1-signature.png' },
    { caseId: 'case-7', version: 6, kind: 'commitment', templateVersion: 2, signatureFileId: 'local://uploads/demo/signature/2-signature.png' },
  ]);
  expect(p.text()).toContain('两份表单均已签署');
  await settled();
  expect(p.text()).toContain('远程视频踏勘同意书（申请人联）');

  await p.tap('.copy');
  expect(fake.calls('downloadFile')[0]!.url).toBe('https://files.example/consent.pdf');
  expect(fake.calls('openDocument')[0]).toMatchObject({ filePath: 'wxfile://tmp/download', fileType: 'pdf' });
});

test('a form is not signed before it is marked as read', async () => {
  fake.server.on('getCaseForms', caseForms());
  serveSigning();
  const p = await openSigning();
  await drawOnPad(p);
  await p.tap('#pad >>> #confirm');

  expect(p.text()).toContain('请先阅读远程视频踏勘同意书');
  expect(fake.server.sent('signForm')).toEqual([]);
});

test('a form already signed is shown as signed and only the other one is asked for', async () => {
  fake.server.on('getCaseForms', caseForms([caseForm('consent', { signedAt: '2026-06-12T02:00:00.000Z', signedVersion: 2 }), caseForm('commitment')]));
  const p = await openSigning();
  expect(p.text()).toContain('这是第 2 份');
  expect(p.text()).toContain('住所（经营场所）告知承诺书');
  expect(p.page.data.forms[0].signedText).toBe('已于 2026-06-12 10:00 签署（第2版）');
});

test('a newer form text refused by the server is shown and the forms are read again', async () => {
  fake.server.on('getCaseForms', caseForms());
  fake.server.refuse('signForm', 'CONFLICT', '远程视频踏勘同意书已更新为第3版，请重新阅读后签署');
  const p = await openSigning();
  await signShownForm(p);

  expect(fake.calls('showModal')[0]).toMatchObject({ content: '远程视频踏勘同意书已更新为第3版，请重新阅读后签署' });
  expect(fake.server.sent('getCaseForms')).toHaveLength(2);
});

test('forms that cannot be loaded show the error with 重试', async () => {
  fake.server.refuse('getCaseForms', 'INVALID_STATE', '办件受理后才需签署同意书和承诺书');
  const p = await openSigning();
  expect(p.text()).toContain('办件受理后才需签署同意书和承诺书');
  expect(p.text()).toContain('重试');
});
