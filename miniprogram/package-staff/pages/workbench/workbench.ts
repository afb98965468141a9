import type { CaseState } from '../../../../typings/models';
import { listHandlerCases } from '../../../services/staff/list-handler-cases';
import { listSectionSubmissions } from '../../../services/staff/list-section-submissions';
import { type CaseCard, toCaseCard } from '../../../utils/case-view';
import { errorText } from '../../../utils/format';
import { type ListData, emptyList, loadMore, reloadList } from '../../../utils/paged-list';
import { currentUser, isStaff } from '../../../utils/session';
import { type Failure, failureOf, notForYou } from '../../../utils/failure';

type Tab = 'queue' | 'mine';

/** 我的办件 by state; the server lists them in order of acceptance time (R11). */
const STATE_FILTERS: Array<{ value: CaseState | ''; label: string }> = [
  { value: '', label: '全部' },
  { value: 'accepted', label: '待签署' },
  { value: 'signed', label: '待入群' },
  { value: 'ready', label: '待预约' },
  { value: 'scheduled', label: '已预约' },
  { value: 'inspecting', label: '踏勘中' },
  { value: 'rectifying', label: '限期整改' },
];

const failText = (err: unknown) => errorText(err, '办件加载失败，请重试');

Page({
  data: {
    status: 'loading' as 'loading' | 'error' | 'ready',
    failure: null as Failure | null,
    tab: 'queue' as Tab,
    queue: emptyList<CaseCard>() as ListData<CaseCard>,
    mine: emptyList<CaseCard>() as ListData<CaseCard>,
    filters: STATE_FILTERS,
    stateFilter: '' as CaseState | '',
  },

  onLoad() {
    this.start();
  },

  onShow() {
    // Back from a review: the case may have left the queue.
    const list = this.data[this.data.tab];
    if (this.data.status === 'ready' && list.status === 'ready') this.reload(this.data.tab);
  },

  async start() {
    try {
      const me = await currentUser();
      if (!isStaff(me)) {
        this.setData({ status: 'error', failure: notForYou('工作台仅供审批工作人员使用') });
        return;
      }
      this.setData({ status: 'ready' });
      await Promise.all([this.reload('queue'), this.reload('mine')]);
    } catch (err) {
      this.setData({ status: 'error', failure: failureOf(err, '身份信息') });
    }
  },

  fetcher(tab: Tab) {
    const state = this.data.stateFilter;
    return tab === 'queue'
      ? (offset: number, limit: number) => listSectionSubmissions({ offset, limit })
      : (offset: number, limit: number) => listHandlerCases(state ? { offset, limit, state } : { offset, limit });
  },

  reload(tab: Tab) {
    return reloadList(this, tab, this.fetcher(tab), toCaseCard, failText);
  },

  async onPullDownRefresh() {
    await this.reload(this.data.tab);
    wx.stopPullDownRefresh();
  },

  onReachBottom() {
    this.onMore();
  },

  onMore() {
    return loadMore(this, this.data.tab, this.fetcher(this.data.tab), toCaseCard);
  },

  onRetry() {
    this.setData({ status: 'loading' });
    this.start();
  },

  onRetryList() {
    this.setData({ [`${this.data.tab}.status`]: 'loading' });
    this.reload(this.data.tab);
  },

  onTab(e: WechatMiniprogram.TouchEvent) {
    const tab = e.currentTarget.dataset.tab as Tab;
    if (tab !== this.data.tab) this.setData({ tab });
  },

  onFilter(e: WechatMiniprogram.TouchEvent) {
    const stateFilter = e.currentTarget.dataset.state as CaseState | '';
    if (stateFilter === this.data.stateFilter) return;
    this.setData({ stateFilter, 'mine.status': 'loading' });
    this.reload('mine');
  },

  onOpenReadyQueue() {
    wx.navigateTo({ url: '/package-staff/pages/ready-queue/ready-queue' });
  },

  onOpenRegister() {
    wx.navigateTo({ url: '/package-staff/pages/register-case/register-case' });
  },

  onOpen(e: WechatMiniprogram.CustomEvent<{ id: string }>) {
    wx.navigateTo({ url: `/package-staff/pages/case-review/case-review?id=${encodeURIComponent(e.detail.id)}` });
  },
});
