import type { DrawAllocation, DrawPreview, DrawVerification, DrawView } from '../../../../typings/models';
import { getDraw } from '../../../services/supervision/get-draw';
import { previewDraw } from '../../../services/supervision/preview-draw';
import { runDraw } from '../../../services/supervision/run-draw';
import { verifyDraw } from '../../../services/supervision/verify-draw';
import { formatChinaTime } from '../../../utils/china-time';
import { errorCode, errorText } from '../../../utils/format';
import { monthLabel } from '../../utils/months';
import { basisPointsText } from '../../../utils/basis-points';
import { FOLLOW_UP_STATUS_LABELS } from '../../utils/supervision-labels';

// A month's draw (R7): the record an auditor recomputes and the drawn cases; or, for a closed month not drawn yet,
// what the draw would be made of and the button that draws it.

type Mode = 'draw' | 'preview' | 'unavailable';

interface Fact {
  label: string;
  value: string;
  /** A hash or seed: set in a fixed-width font. */
  mono?: boolean;
}

const allocationRows = (allocation: DrawAllocation[], names: Map<string, string>) =>
  allocation.map((a) => ({ matter: names.get(a.matterCode) ?? a.matterCode, cases: a.cases, drawn: a.drawn }));

/** The population list shown on demand is cut here: a month of a large district would not fit one setData. */
const POPULATION_SHOWN = 200;

function drawData(d: DrawView) {
  const r = d.record;
  // The record names matters by code; every matter with cases has a drawn case, which carries its name.
  const matterOf = new Map(r.population.map((p) => [p.id, p.matterCode]));
  const names = new Map(d.selected.map((s) => [matterOf.get(s.caseId) ?? '', s.matterName]));
  return {
    facts: [
      { label: '抽取时间', value: formatChinaTime(d.drawnAt, true) },
      { label: '抽取方式', value: d.trigger === 'timer' ? '每月定时抽取' : '人工补抽' },
      { label: '总体', value: `${d.populationSize} 件远程踏勘办件（该月办结）` },
      { label: '抽中', value: `${d.selectedCount} 件（比例不低于 ${basisPointsText(d.shareBasisPoints)}，至少 ${r.minimumSample} 件）` },
    ] as Fact[],
    hashes: [
      { label: '算法版本', value: r.algorithmVersion },
      { label: '总体名单哈希', value: r.populationHash },
      { label: '上月抽查哈希', value: r.previousDrawHash },
      { label: '随机种子', value: r.seed },
      { label: '本次抽查哈希', value: r.drawHash },
    ] as Fact[],
    allocation: allocationRows(r.allocation, names),
    selected: d.selected.map((s) => ({
      caseId: s.caseId,
      followUpId: s.followUpId,
      number: s.number,
      matterName: s.matterName,
      companyName: s.companyName,
      status: s.followUpStatus,
      statusLabel: FOLLOW_UP_STATUS_LABELS[s.followUpStatus],
    })),
    population: r.population
      .slice(0, POPULATION_SHOWN)
      .map((p) => ({ id: p.id, text: `${p.number} · ${names.get(p.matterCode) ?? p.matterCode} · 办结于 ${formatChinaTime(p.decidedAt)}` })),
    populationCut: r.population.length > POPULATION_SHOWN ? `共 ${r.population.length} 件，此处显示前 ${POPULATION_SHOWN} 件；核验时按完整名单复算。` : '',
  };
}

const previewData = (p: DrawPreview) => ({
  confirmText: `将从 ${p.populationSize} 件办件中抽取不少于 ${p.minimumSample} 件。抽查结果一经生成即存档，不能更改或重抽。`,
  facts: [
    { label: '总体', value: `${p.populationSize} 件远程踏勘办件（该月办结）` },
    { label: '应抽', value: `不少于 ${p.minimumSample} 件（比例不低于 ${basisPointsText(p.shareBasisPoints)}）` },
    { label: '总体名单哈希', value: p.populationHash, mono: true },
  ] as Fact[],
  allocation: allocationRows(p.allocation, new Map()),
});

const verificationData = (v: DrawVerification) => ({
  ok: v.ok,
  checkedText: formatChinaTime(v.checkedAt, true),
  // Each problem reads 'CODE: 中文说明': the sentence is for people, the code for whoever investigates.
  problems: v.problems.map((p) => {
    const at = p.indexOf(':');
    return at > 0 ? { code: p.slice(0, at).trim(), text: p.slice(at + 1).trim() } : { code: '', text: p };
  }),
});

Page({
  data: {
    status: 'loading' as 'loading' | 'error' | 'ready',
    error: '',
    month: '',
    title: '',
    mode: 'draw' as Mode,
    unavailableText: '',
    draw: null as ReturnType<typeof drawData> | null,
    preview: null as ReturnType<typeof previewData> | null,
    showPopulation: false,
    verifying: false,
    verification: null as ReturnType<typeof verificationData> | null,
    busy: false,
  },

  onLoad(query: Record<string, string | undefined>) {
    const month = query.month ?? '';
    this.setData({ month, title: monthLabel(month) });
    wx.setNavigationBarTitle({ title: `${monthLabel(month)}抽查` });
    this.load();
  },

  onShow() {
    // Back from a follow-up: its status may have changed.
    if (this.data.status === 'ready' && this.data.mode === 'draw') this.load();
  },

  async onPullDownRefresh() {
    await this.load();
    wx.stopPullDownRefresh();
  },

  async load() {
    try {
      this.showDraw(await getDraw({ month: this.data.month }));
    } catch (err) {
      if (errorCode(err) === 'NOT_FOUND') await this.loadPreview();
      else this.fail(err);
    }
  },

  /** A month not drawn: what the draw would be made of, or why it cannot be drawn (not over yet, before the trial). */
  async loadPreview() {
    try {
      const preview = await previewDraw({ month: this.data.month });
      // Drawn meanwhile by the timer or another supervisor.
      if (preview.alreadyDrawn) return this.showDraw(await getDraw({ month: this.data.month }));
      this.setData({ status: 'ready', mode: 'preview', preview: previewData(preview) });
    } catch (err) {
      const code = errorCode(err);
      if (code === 'INVALID_STATE' || code === 'VALIDATION') this.setData({ status: 'ready', mode: 'unavailable', unavailableText: errorText(err) });
      else this.fail(err);
    }
  },

  showDraw(d: DrawView) {
    this.setData({ status: 'ready', mode: 'draw', draw: drawData(d), preview: null });
  },

  fail(err: unknown) {
    if (this.data.status === 'ready') wx.showToast({ title: errorText(err), icon: 'none' });
    else this.setData({ status: 'error', error: errorText(err, '抽查记录加载失败，请重试') });
  },

  onRetry() {
    this.setData({ status: 'loading' });
    this.load();
  },

  async onRun() {
    if (this.data.busy || !this.data.preview) return;
    const { confirm } = await wx.showModal({
      title: `确认抽取${this.data.title}`,
      content: this.data.preview.confirmText,
      confirmText: '抽取',
      cancelText: '取消',
    });
    if (!confirm) return;
    this.setData({ busy: true });
    try {
      const { created, draw } = await runDraw({ month: this.data.month });
      this.showDraw(draw);
      wx.showToast({ title: created ? '抽查完成' : '该月已抽查，显示原记录', icon: created ? 'success' : 'none' });
    } catch (err) {
      wx.showModal({ title: '未能抽取', content: errorText(err), showCancel: false, confirmText: '知道了' });
    }
    this.setData({ busy: false });
  },

  async onVerify() {
    if (this.data.verifying) return;
    this.setData({ verifying: true, verification: null });
    try {
      this.setData({ verification: verificationData(await verifyDraw({ month: this.data.month })) });
    } catch (err) {
      wx.showToast({ title: errorText(err, '核验失败，请重试'), icon: 'none' });
    }
    this.setData({ verifying: false });
  },

  onTogglePopulation() {
    this.setData({ showPopulation: !this.data.showPopulation });
  },

  onCopy(e: WechatMiniprogram.TouchEvent) {
    wx.setClipboardData({ data: e.currentTarget.dataset.value as string });
  },

  onOpenFollowUp(e: WechatMiniprogram.TouchEvent) {
    const id = e.currentTarget.dataset.id as string;
    wx.navigateTo({ url: `/package-supervise/pages/follow-up/follow-up?id=${encodeURIComponent(id)}&month=${this.data.month}` });
  },
});
