import type { InspectionView, MeetingCard } from '../../../../typings/models';
import { getGroup } from '../../../services/group/get-group';
import { addObserverRemark } from '../../../services/inspection/add-observer-remark';
import { getInspection } from '../../../services/inspection/get-inspection';
import { formatChinaTime } from '../../../utils/china-time';
import { errorText } from '../../../utils/format';
import { singleLoad, singleLoadData } from '../../../behaviors/single-load/single-load';

// The observer's 观察员 page (R17), opened from the assignment notice or the upcoming list: the meeting card to join,
// the checklist's progress as the handler records it (read only), and the observers' remarks for the record.

/** The cloud's bound on a remark (actions/inspection/add-observer-remark.ts). */
const MAX_REMARK = 1000;

interface ProgressRow {
  code: string;
  title: string;
  resultLabel: string;
  checked: boolean;
}

/** The items of the round in progress (all of them before the first round) and what the handler found so far. */
function progressOf(v: InspectionView) {
  const items = v.round ? v.items.filter((i) => i.inCurrentRound) : v.items;
  const rows: ProgressRow[] = items.map((i) => {
    const found = i.findings.find((f) => f.round === v.round);
    return { code: i.code, title: i.title, resultLabel: found?.resultLabel ?? '待核查', checked: !!found };
  });
  const checked = rows.filter((r) => r.checked).length;
  return {
    rows,
    progressText: v.round ? `第 ${v.round} 轮 · 已核查 ${checked} / ${rows.length} 项` : '踏勘尚未开始，开始后这里显示核查进度',
  };
}

const inspectionData = (v: InspectionView) => ({
  ...progressOf(v),
  stateLabel: v.stateLabel,
  remarks: (v.observerRemarks ?? []).map((m, i) => ({ key: `${m.at}-${i}`, text: m.text, byline: `${m.observerName} · ${formatChinaTime(m.at)}` })),
  canRemark: v.can.includes('addObserverRemark'),
});

Page({
  behaviors: [singleLoad],
  data: {
    ...singleLoadData('踏勘信息'),
    caseId: '',
    companyName: '',
    line: '',
    meeting: null as MeetingCard | null,
    stateLabel: '',
    progressText: '',
    rows: [] as ProgressRow[],
    remarks: [] as Array<{ key: string; text: string; byline: string }>,
    canRemark: false,
    remark: '',
    remarkError: '',
    busy: false,
  },

  async load() {
    const { caseId } = this.data;
    const [group, inspection] = await Promise.all([getGroup({ caseId }), getInspection({ caseId })]);
    return {
      companyName: group.case.company.name,
      line: `${group.case.number} · ${group.case.matterName}`,
      meeting: group.meeting ?? null,
      ...inspectionData(inspection),
    };
  },

  onRemarkInput(e: WechatMiniprogram.Input) {
    this.setData(this.data.remarkError ? { remark: e.detail.value, remarkError: '' } : { remark: e.detail.value });
  },

  async onAddRemark() {
    if (this.data.busy) return;
    const text = this.data.remark.trim();
    if (!text) {
      this.setData({ remarkError: '请填写观察意见' });
      return;
    }
    if (text.length > MAX_REMARK) {
      this.setData({ remarkError: `观察意见不超过 ${MAX_REMARK} 字` });
      return;
    }
    const { confirm } = await wx.showModal({
      title: '确认添加观察意见',
      content: '意见将写入踏勘记录并随档案保存，添加后不能修改或删除。',
      confirmText: '添加',
      cancelText: '取消',
    });
    if (!confirm) return;
    this.setData({ busy: true });
    try {
      const view = await addObserverRemark({ caseId: this.data.caseId, text });
      this.setData({ remark: '', ...inspectionData(view) });
      wx.showToast({ title: '已添加', icon: 'success' });
    } catch (err) {
      wx.showModal({ title: '未能添加', content: errorText(err), showCancel: false, confirmText: '知道了' });
    }
    this.setData({ busy: false });
  },
});
