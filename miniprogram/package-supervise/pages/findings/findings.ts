import type { CreditFindingView } from '../../../../typings/models';
import { asPagedList, pagedList } from '../../../behaviors/paged-list/paged-list';
import { listFindings } from '../../../services/supervision/list-findings';
import { formatChinaTime } from '../../../utils/china-time';
import { type ListData, emptyList } from '../../../utils/paged-list';

type Filter = 'pending' | 'decided' | '';

interface FindingRow {
  id: string;
  companyName: string;
  line: string;
  problem: string;
  source: string;
  decided: boolean;
  /** An order to correct whose deadline a newly entered holiday notice would move, awaiting a supervisor's decision. */
  recount: boolean;
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
  recount: Boolean(f.pendingRecount),
});

Page({
  behaviors: [pagedList],
  data: {
    list: emptyList<FindingRow>() as ListData<FindingRow>,
    filters: FILTERS,
    filter: 'pending' as Filter,
  },

  listSource() {
    return { fetch: this.fetcher(), map: toRow, what: '问题记录' };
  },

  fetcher() {
    const status = this.data.filter;
    return (offset: number, limit: number) => listFindings(status ? { offset, limit, status } : { offset, limit });
  },

  onFilter(e: WechatMiniprogram.TouchEvent) {
    const filter = e.currentTarget.dataset.value as Filter;
    if (filter === this.data.filter) return;
    this.setData({ filter, 'list.status': 'loading' });
    asPagedList(this).reloadList();
  },

  onOpen(e: WechatMiniprogram.TouchEvent) {
    wx.navigateTo({ url: `/package-supervise/pages/finding/finding?id=${encodeURIComponent(e.currentTarget.dataset.id as string)}` });
  },
});
