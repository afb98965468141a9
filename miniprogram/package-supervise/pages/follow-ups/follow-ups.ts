import type { FollowUpStatus, FollowUpView } from '../../../../typings/models';
import { asPagedList, pagedList } from '../../../behaviors/paged-list/paged-list';
import { listFollowUps } from '../../../services/supervision/list-follow-ups';
import { formatChinaDate } from '../../../utils/china-time';
import { type ListData, emptyList } from '../../../utils/paged-list';
import { monthLabel } from '../../utils/months';

interface FollowUpRow {
  id: string;
  month: string;
  companyName: string;
  line: string;
  address: string;
  status: FollowUpStatus;
  statusLabel: string;
  dueText: string;
  overdue: boolean;
}

const FILTERS: Array<{ value: FollowUpStatus | ''; label: string }> = [
  { value: 'open', label: '待回访' },
  { value: 'finding', label: '发现问题' },
  { value: 'consistent', label: '与申报一致' },
  { value: '', label: '全部' },
];

const toRow = (f: FollowUpView): FollowUpRow => ({
  id: f.id,
  month: f.month,
  companyName: f.companyName,
  line: `${f.caseNumber} · ${f.matterName} · ${monthLabel(f.month)}抽中`,
  address: f.premisesAddress,
  status: f.status,
  statusLabel: f.statusLabel,
  dueText: `${formatChinaDate(f.dueAt)} 前回访${f.dueProvisional ? '（暂算）' : ''}`,
  overdue: f.overdue && f.status === 'open',
});

Page({
  behaviors: [pagedList],
  data: {
    list: emptyList<FollowUpRow>() as ListData<FollowUpRow>,
    filters: FILTERS,
    filter: 'open' as FollowUpStatus | '',
  },

  listSource() {
    return { fetch: this.fetcher(), map: toRow, what: '回访任务' };
  },

  fetcher() {
    const status = this.data.filter;
    return (offset: number, limit: number) => listFollowUps(status ? { offset, limit, status } : { offset, limit });
  },

  onFilter(e: WechatMiniprogram.TouchEvent) {
    const filter = e.currentTarget.dataset.value as FollowUpStatus | '';
    if (filter === this.data.filter) return;
    this.setData({ filter, 'list.status': 'loading' });
    asPagedList(this).reloadList();
  },

  onOpen(e: WechatMiniprogram.TouchEvent) {
    const { id, month } = e.currentTarget.dataset as { id: string; month: string };
    wx.navigateTo({ url: `/package-supervise/pages/follow-up/follow-up?id=${encodeURIComponent(id)}&month=${month}` });
  },
});
