import type { DrawAllocation, DrawList, DrawPopulationEntry, DrawPreview, DrawVerification, DrawView, DrawnCase } from '../../../../typings/models';
import { getDraw } from '../../../services/supervision/get-draw';
import { previewDraw } from '../../../services/supervision/preview-draw';
import { runDraw } from '../../../services/supervision/run-draw';
import { verifyDraw } from '../../../services/supervision/verify-draw';
import { formatChinaTime } from '../../../utils/china-time';
import { errorCode, errorText } from '../../../utils/format';
import { monthLabel } from '../../utils/months';
import { basisPointsText } from '../../../utils/basis-points';
import { FOLLOW_UP_STATUS_LABELS } from '../../utils/supervision-labels';
import { pageParam } from '../../../utils/page-query';
import { asSingleLoad, singleLoad, singleLoadData } from '../../../behaviors/single-load/single-load';

// A month's draw (R7): the record an auditor recomputes and the drawn cases; or, for a closed month not drawn yet,
// what the draw would be made of and the button that draws it. The drawn cases and the population (100,000 cases
// in a large month) come a page at a time as the supervisor scrolls; verifying runs in the cloud on the whole record.

type Mode = 'draw' | 'preview' | 'unavailable';

interface Fact {
  label: string;
  value: string;
  /** A hash or seed: set in a fixed-width font. */
  mono?: boolean;
}

const allocationRows = (allocation: DrawAllocation[], names: Map<string, string>) =>
  allocation.map((a) => ({ matter: names.get(a.matterCode) ?? a.matterCode, cases: a.cases, drawn: a.drawn }));

type SelectedRow = ReturnType<typeof selectedRow>;
type PopulationRow = ReturnType<typeof populationRow>;

function drawData(d: DrawView) {
  const r = d.record;
  const names = new Map(Object.entries(d.matterNames));
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
  };
}

const selectedRow = (s: DrawnCase) => ({
  caseId: s.caseId,
  followUpId: s.followUpId,
  number: s.number,
  matterName: s.matterName,
  companyName: s.companyName,
  status: s.followUpStatus,
  statusLabel: FOLLOW_UP_STATUS_LABELS[s.followUpStatus],
});

const populationRow = (p: DrawPopulationEntry, names: Record<string, string>) => ({
  id: p.id,
  text: `${p.number} · ${names[p.matterCode] ?? p.matterCode} · 办结于 ${formatChinaTime(p.decidedAt)}`,
});

/** Rows appended by path (`list[n]`), so each setData carries only the new page, never the rows already shown. */
function appended<T>(list: 'selected' | 'population', from: number, rows: T[]): Record<string, T> {
  return Object.fromEntries(rows.map((row, i) => [`${list}[${from + i}]`, row]));
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
  behaviors: [singleLoad],
  data: {
    ...singleLoadData('抽查记录'),
    month: '',
    title: '',
    mode: 'draw' as Mode,
    unavailableText: '',
    draw: null as ReturnType<typeof drawData> | null,
    preview: null as ReturnType<typeof previewData> | null,
    selected: [] as SelectedRow[],
    selectedTotal: 0,
    showPopulation: false,
    population: [] as PopulationRow[],
    populationTotal: 0,
    /** The names of the matters the population names by code (a few). */
    matterNames: {} as Record<string, string>,
    /** Which list is fetching its next page. */
    loadingMore: '' as DrawList | '',
    verifying: false,
    verification: null as ReturnType<typeof verificationData> | null,
    busy: false,
  },

  onLoad(query: Record<string, string | undefined>) {
    const month = pageParam(query, 'month');
    this.setData({ month, title: monthLabel(month) });
    wx.setNavigationBarTitle({ title: `${monthLabel(month)}抽查` });
    asSingleLoad(this).reload();
  },

  onShow() {
    // Back from a follow-up: its status may have changed.
    if (this.data.status === 'ready' && this.data.mode === 'draw') asSingleLoad(this).reload();
  },

  async load() {
    try {
      return this.drawShown(await getDraw({ month: this.data.month }));
    } catch (err) {
      if (errorCode(err) !== 'NOT_FOUND') throw err;
    }
    return this.previewShown();
  },

  /** A month not drawn: what the draw would be made of, or why it cannot be drawn (not over yet, before the trial). */
  async previewShown() {
    try {
      const preview = await previewDraw({ month: this.data.month });
      // Drawn meanwhile by the timer or another supervisor.
      if (preview.alreadyDrawn) return this.drawShown(await getDraw({ month: this.data.month }));
      return { mode: 'preview' as Mode, preview: previewData(preview) };
    } catch (err) {
      const code = errorCode(err);
      if (code === 'INVALID_STATE' || code === 'VALIDATION') return { mode: 'unavailable' as Mode, unavailableText: errorText(err) };
      throw err;
    }
  },

  /**
   * The page's data for a drawn month: the record and the first page of its drawn cases, whose follow-ups move on.
   * The population rows already shown stay: a draw's population is fixed once drawn.
   */
  drawShown(d: DrawView) {
    const selected = d.page.list === 'selected' ? d.page.items.map(selectedRow) : [];
    return {
      mode: 'draw' as Mode, draw: drawData(d), preview: null, matterNames: d.matterNames,
      selected, selectedTotal: d.selectedCount, populationTotal: d.populationSize,
    };
  },

  /** The next page of a list, appended below the rows already shown. */
  async loadMore(list: DrawList) {
    const shown = this.data[list].length;
    const total = list === 'selected' ? this.data.selectedTotal : this.data.populationTotal;
    if (this.data.loadingMore || shown >= total) return;
    this.setData({ loadingMore: list });
    try {
      const { page } = await getDraw({ month: this.data.month, list, offset: shown });
      if (page.list === 'selected') this.setData({ ...appended('selected', shown, page.items.map(selectedRow)), selectedTotal: page.total });
      else this.setData({ ...appended('population', shown, page.items.map((p) => populationRow(p, this.data.matterNames))), populationTotal: page.total });
    } catch (err) {
      wx.showToast({ title: errorText(err, '加载失败，请重试'), icon: 'none' });
    }
    this.setData({ loadingMore: '' });
  },

  onReachBottom() {
    if (this.data.mode !== 'draw') return;
    // The population, once opened, sits at the bottom of the page; otherwise the drawn cases do.
    const population = this.data.showPopulation && this.data.population.length < this.data.populationTotal;
    this.loadMore(population ? 'population' : 'selected');
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
      this.setData(this.drawShown(draw));
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
    const showPopulation = !this.data.showPopulation;
    this.setData({ showPopulation });
    if (showPopulation && !this.data.population.length) this.loadMore('population');
  },

  onCopy(e: WechatMiniprogram.TouchEvent) {
    wx.setClipboardData({ data: e.currentTarget.dataset.value as string });
  },

  onOpenFollowUp(e: WechatMiniprogram.TouchEvent) {
    const id = e.currentTarget.dataset.id as string;
    wx.navigateTo({ url: `/package-supervise/pages/follow-up/follow-up?id=${encodeURIComponent(id)}&month=${this.data.month}` });
  },
});
