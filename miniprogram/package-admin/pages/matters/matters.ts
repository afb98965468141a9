import type { MatterSummary } from '../../../../typings/models';
import { asSingleLoad, singleLoad, singleLoadData } from '../../../behaviors/single-load/single-load';
import { getMatter } from '../../../services/matter/get-matter';
import { installPilotMatters } from '../../../services/matter/install-pilot-matters';
import { listMatters } from '../../../services/matter/list-matters';
import { saveMatter } from '../../../services/matter/save-matter';
import { errorText } from '../../../utils/format';

// 事项与核查标准: each matter of the catalogue with whether remote inspection is open for it (R16), by section, and
// the way into its inspection standard. A fresh deployment installs the pilot matters (R2) from here.

interface Row extends MatterSummary {
  busy: boolean;
}

interface SectionGroup {
  sectionName: string;
  matters: Row[];
}

const bySection = (matters: MatterSummary[]): SectionGroup[] => {
  const groups = new Map<string, Row[]>();
  for (const m of matters) groups.set(m.sectionName, [...(groups.get(m.sectionName) ?? []), { ...m, busy: false }]);
  return [...groups].map(([sectionName, rows]) => ({ sectionName, matters: rows }));
};

Page({
  behaviors: [singleLoad],
  data: {
    ...singleLoadData('事项目录'),
    sections: [] as SectionGroup[],
    installing: false,
  },

  onShow() {
    // Back from publishing a checklist: its version changed.
    if (this.data.status === 'ready') asSingleLoad(this).reload();
  },

  async load() {
    return { sections: bySection(await listMatters({})) };
  },

  async onInstall() {
    if (this.data.installing) return;
    this.setData({ installing: true });
    try {
      const { installed } = await installPilotMatters({});
      wx.showToast({ title: `已安装 ${installed.length} 个事项`, icon: 'none' });
      await asSingleLoad(this).reload();
    } catch (err) {
      wx.showModal({ title: '未能安装', content: errorText(err), showCancel: false, confirmText: '知道了' });
    }
    this.setData({ installing: false });
  },

  /** Opens or pauses remote inspection for one matter: its other facts are saved as they are. */
  async onToggleRemote(e: WechatMiniprogram.TouchEvent) {
    const { code, section, index } = e.currentTarget.dataset as { code: string; section: number; index: number };
    const row = this.data.sections[section]?.matters[index];
    if (!row || row.busy) return;
    const remoteAllowed = !row.remoteAllowed;
    const { confirm } = await wx.showModal({
      title: remoteAllowed ? '开放远程视频踏勘' : '暂停远程视频踏勘',
      content: remoteAllowed ? `${row.name}的申请人可以选择远程视频踏勘。` : `${row.name}的新申请只能选择现场踏勘；已受理的办件不受影响。`,
      confirmText: remoteAllowed ? '开放' : '暂停',
      cancelText: '取消',
    });
    if (!confirm) return;
    const path = `sections[${section}].matters[${index}]`;
    this.setData({ [`${path}.busy`]: true });
    try {
      const m = await getMatter({ code });
      const saved = await saveMatter({
        code: m.code, name: m.name, sectionCode: m.sectionCode, sectionName: m.sectionName, sectorCode: m.sectorCode,
        regulatorName: m.regulatorName, legalBasis: m.legalBasis, preparation: m.preparation, remoteAllowed,
      });
      this.setData({ [`${path}.remoteAllowed`]: saved.remoteAllowed });
    } catch (err) {
      wx.showModal({ title: '未能保存', content: errorText(err), showCancel: false, confirmText: '知道了' });
    }
    this.setData({ [`${path}.busy`]: false });
  },

  onOpenChecklist(e: WechatMiniprogram.TouchEvent) {
    wx.navigateTo({ url: `/package-admin/pages/checklist/checklist?code=${encodeURIComponent(e.currentTarget.dataset.code as string)}` });
  },
});
