import type { CreditFindingView } from '../../../../typings/models';
import { listFindings } from '../../../services/supervision/list-findings';
import { formatChinaTime } from '../../../utils/china-time';
import { errorText } from '../../../utils/format';
import { type ListData, emptyList, loadMore, reloadList } from '../../../utils/paged-list';

type Filter = 'pending' | 'decided' | '';

interface FindingRow {
  id: string;
  companyName: string;
  line: string;
  problem: string;
  source: string;
  decided: boolean;
}

const FILTERS: Array<{ value: Filter; label: string }> = [
  { value: 'pending', label: '待处理' },
  { value: 'decided', label: '已处理' },
  { value: '', label: '全部' },
];

const toRow = (f: CreditFindingView): FindingRow => ({
  id: f.id,
  companyName: f.companyName,
  line: `${f.caseNumber} · ${f.matterName}`,
  problem: `${f.kindLabel}（${f.severityLabel}）`,
  source: `${f.sourceLabel} · ${f.reportedByName} · ${formatChinaTime(f.reportedAt)}`,
  decided: f.status === 'decided',
});

const failText = (err: unknown) => errorText(err, '问题记录加载失败，请重试');

Page({
  data: {
    findings: emptyList<FindingRow>() as ListData<FindingRow>,
    filters: FILTERS,
    filter: 'pending' as Filter,
  },

  onLoad() {
    this.reload();
  },

  onShow() {
    // Back from a decision: the finding has left the pending ones.
    if (this.data.findings.status === 'ready') this.reload();
  },

  async onPullDownRefresh() {
    await this.reload();
    wx.stopPullDownRefresh();
  },

  onReachBottom() {
    this.onMore();
  },

  fetcher() {
    const status = this.data.filter;
    return (offset: number, limit: number) => listFindings(status ? { offset, limit, status } : { offset, limit });
  },

  reload() {
    return reloadList(this, 'findings', this.fetcher(), toRow, failText);
  },

  onMore() {
    loadMore(this, 'findings', this.fetcher(), toRow);
  },

  onRetry() {
    this.setData({ 'findings.status': 'loading' });
    this.reload();
  },

  onFilter(e: WechatMiniprogram.TouchEvent) {
    const filter = e.currentTarget.dataset.value as Filter;
    if (filter === this.data.filter) return;
    this.setData({ filter, 'findings.status': 'loading' });
    this.reload();
  },

  onOpen(e: WechatMiniprogram.TouchEvent) {
    wx.navigateTo({ url: `/package-supervise/pages/finding/finding?id=${encodeURIComponent(e.currentTarget.dataset.id as string)}` });
  },
});
