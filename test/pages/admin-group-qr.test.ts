import type { SectionGroupQr } from '../../typings/api';
import { installFakeWx, type FakeWx } from './support/fake-wx';
import { type LoadedPage, loadPage, settled } from './support/load-page';

let fake: FakeWx;

beforeEach(() => {
  fake = installFakeWx();
});

const sections = (published: boolean): SectionGroupQr[] => [
  { sectionCode: 'SOCIAL', sectionName: '社会事务审批科', published, ...(published ? { qrUrl: 'https://files.example/qr.png', updatedAt: '2026-06-12T02:00:00.000Z' } : {}) },
  { sectionCode: 'MARKET', sectionName: '市场准入审批科', published: false },
];

async function open(): Promise<LoadedPage> {
  const p = loadPage('package-admin/pages/group-qr/group-qr');
  p.page.onLoad({});
  await settled();
  return p;
}

test('a section QR code is chosen from the album, uploaded as the admin’s own file and published', async () => {
  let published = false;
  fake.answer('chooseMedia', { tempFiles: [{ tempFilePath: 'wxfile://tmp/qr.png', size: 4096, fileType: 'image' }] });
  fake.server
    .on('listSectionGroupQrs', () => sections(published))
    .on('requestUpload', ({ purpose, fileName }: { purpose: string; fileName: string }) => ({ cloudPath: `uploads/demo-admin/${purpose}/${fileName}` }))
    .on('setSectionGroupQr', ({ sectionCode, qrFileId }: { sectionCode: string; qrFileId?: string }) => {
      published = !!qrFileId;
      return { sectionCode, published };
    });
  const p = await open();
  expect(p.text()).toContain('社会事务审批科');
  expect(p.text()).toContain('未发布');
  await p.tap('#upload-SOCIAL');
  expect(fake.server.sent('requestUpload')).toEqual([{ fileName: 'group-qr.png', size: 4096, purpose: 'groupQr' }]);
  expect(fake.server.sent('setSectionGroupQr')).toEqual([{ sectionCode: 'SOCIAL', qrFileId: 'local://uploads/demo-admin/groupQr/group-qr.png' }]);
  expect(p.text()).toContain('已发布');
  expect(p.text()).toContain('2026-06-12 10:00 更新');
  expect(p.comp.querySelector('#upload-SOCIAL')!.dom!.textContent).toBe('更换二维码');
});

test('a published code is taken down after confirming', async () => {
  let published = true;
  fake.answer('showModal', { confirm: true });
  fake.server
    .on('listSectionGroupQrs', () => sections(published))
    .on('setSectionGroupQr', ({ sectionCode }: { sectionCode: string }) => {
      published = false;
      return { sectionCode, published };
    });
  const p = await open();
  await p.tap('#take-down-SOCIAL');
  expect(fake.calls('showModal')[0]).toMatchObject({ content: '撤下后，社会事务审批科的办件群不再显示微信群二维码。' });
  expect(fake.server.sent('setSectionGroupQr')).toEqual([{ sectionCode: 'SOCIAL' }]);
  expect(p.exists('#take-down-SOCIAL')).toBe(false);
});

test('a cancelled choice uploads nothing, and a failed list offers 重试', async () => {
  fake.server.on('listSectionGroupQrs', sections(false));
  const p = await open();
  await p.tap('#upload-SOCIAL');
  expect(fake.server.sent('requestUpload')).toHaveLength(0);

  fake.server.refuse('listSectionGroupQrs', 'INTERNAL', '系统繁忙，请稍后重试');
  const q = await open();
  expect(q.text()).toContain('系统繁忙，请稍后重试');
});
