import type { MatterView } from '../../typings/models';
import { installFakeWx, type FakeWx } from './support/fake-wx';
import { matter } from './support/fixtures';
import { type LoadedPage, loadPage, settled } from './support/load-page';

let fake: FakeWx;

beforeEach(() => {
  fake = installFakeWx();
});

async function open(page: string, query: Record<string, string> = {}): Promise<LoadedPage> {
  const p = loadPage(page);
  p.page.onLoad(query);
  await settled();
  return p;
}

const summary = (m: MatterView) => ({ code: m.code, name: m.name, sectionName: m.sectionName, remoteAllowed: m.remoteAllowed, checklistVersion: m.checklistVersion });

describe('事项与核查标准', () => {
  test('a fresh deployment installs the pilot matters from the empty catalogue', async () => {
    let installed = false;
    fake.server
      .on('listMatters', () => (installed ? [summary(matter())] : []))
      .on('installPilotMatters', () => {
        installed = true;
        return { installed: ['SECONDARY_WATER'] };
      });
    const p = await open('package-admin/pages/matters/matters');
    expect(p.text()).toContain('事项目录还是空的');
    await p.tap('#install');
    expect(fake.server.sent('installPilotMatters')).toEqual([{}]);
    expect(p.text()).toContain('社会事务审批科');
    expect(p.text()).toContain('二次供水单位卫生许可');
  });

  test('remote inspection is paused for a matter after confirming, its other facts saved as they were', async () => {
    fake.answer('showModal', { confirm: true });
    fake.server
      .on('listMatters', [summary(matter())])
      .on('getMatter', matter())
      .on('saveMatter', (m: MatterView) => matter({ ...m }));
    const p = await open('package-admin/pages/matters/matters');
    expect(p.text()).toContain('可远程踏勘');
    await p.tap('#toggle-SECONDARY_WATER');
    expect(fake.calls('showModal')[0]).toMatchObject({ title: '暂停远程视频踏勘', content: '二次供水单位卫生许可的新申请只能选择现场踏勘；已受理的办件不受影响。' });
    expect(fake.server.sent('saveMatter')).toEqual([{
      code: 'SECONDARY_WATER', name: '二次供水单位卫生许可', sectionCode: 'social', sectionName: '社会事务审批科', sectorCode: 'health',
      regulatorName: '区卫生健康委员会', legalBasis: ['《生活饮用水卫生监督管理办法》'], preparation: ['打开水箱间门，备好照明'], remoteAllowed: false,
    }]);
    expect(p.text()).toContain('仅现场踏勘');
    await p.tap('#checklist-SECONDARY_WATER');
    expect(fake.calls('navigateTo')[0]).toMatchObject({ url: '/package-admin/pages/checklist/checklist?code=SECONDARY_WATER' });
  });
});

describe('踏勘标准', () => {
  test('a draft is edited, reordered, previewed as the officer sees it and published as v2 with a note', async () => {
    fake.answer('showModal', { confirm: true });
    fake.server
      .on('getMatter', matter())
      .on('publishChecklist', ({ items }: { items: MatterView['checklist'] }) => matter({ checklistVersion: 2, checklist: items }));
    const p = await open('package-admin/pages/checklist/checklist', { code: 'SECONDARY_WATER' });
    expect(p.text()).toContain('现行第 1 版 · 修改后发布为第 2 版');
    await p.tap('#add');
    expect(p.page.data.items[1].code).toBe('W02');
    await p.type('#title-1', '消毒记录');
    await p.type('#lookAt-1', '请展示最近一次清洗消毒记录');
    await p.type('#conforming-1', '半年内有资质单位出具的记录');
    await p.tap('#up-1');
    await p.tap('#tab-preview');
    const preview = p.comp.querySelector('#preview-W02')!.dom!.textContent;
    expect(preview).toContain('1. 消毒记录');
    expect(preview).toContain('查看请展示最近一次清洗消毒记录');
    expect(preview).toContain('标准半年内有资质单位出具的记录');

    await p.tap('#publish');
    expect(p.text()).toContain('请写明本版修订了什么');
    await p.type('#note', '新增消毒记录检查项');
    await p.tap('#publish');
    expect(fake.calls('showModal')[0]).toMatchObject({ title: '发布第 2 版', content: '发布后，新受理的办件按新版核查；已受理的办件仍按受理时的版本。' });
    expect(fake.server.sent('publishChecklist')).toEqual([{
      code: 'SECONDARY_WATER', note: '新增消毒记录检查项',
      items: [
        { code: 'W02', title: '消毒记录', lookAt: '请展示最近一次清洗消毒记录', conforming: '半年内有资质单位出具的记录' },
        { code: 'W1', title: '水箱间环境', lookAt: '水箱间四周', conforming: '无污染源' },
      ],
    }]);
    expect(p.text()).toContain('现行第 2 版');
  });

  test('an item left half empty is named before anything is sent', async () => {
    fake.server.on('getMatter', matter());
    const p = await open('package-admin/pages/checklist/checklist', { code: 'SECONDARY_WATER' });
    await p.tap('#add');
    await p.type('#title-1', '消毒记录');
    await p.type('#note', '新增');
    await p.tap('#publish');
    expect(p.comp.querySelector('#publish-error')!.dom!.textContent).toBe('第 2 项的名称、查看内容和达标标准都须填写');
    expect(fake.server.sent('publishChecklist')).toHaveLength(0);
  });
});
