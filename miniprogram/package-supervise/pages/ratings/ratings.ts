import type { RatingRow } from '../../../../typings/api';
import { asPagedList, pagedList } from '../../../behaviors/paged-list/paged-list';
import { listRatings } from '../../../services/supervision/list-ratings';
import { formatChinaTime } from '../../../utils/china-time';
import { type ListData, emptyList } from '../../../utils/paged-list';
import { chinaMonth, monthLabel } from '../../utils/months';

// 服务评价 (R19): applicants' ratings and suggestions for the months chosen, newest first; officers see their
// section's, supervisors every section's.

interface Row extends RatingRow {
  stars: string;
  when: string;
}

const toRow = (r: RatingRow): Row => ({ ...r, stars: '★'.repeat(r.score) + '☆'.repeat(5 - r.score), when: `${monthLabel(r.month)}办结 · ${formatChinaTime(r.ratedAt)}评价` });
const monthIndex = (m: string): number => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7));

Page({
  behaviors: [pagedList],
  data: {
    list: emptyList<Row>() as ListData<Row>,
    from: '',
    to: '',
    suggestionsOnly: false,
    mean: '',
    rangeError: '',
  },

  onLoad() {
    this.setData({ from: chinaMonth(-2), to: chinaMonth(0) });
    asPagedList(this).reloadList();
  },

  listSource() {
    const { from, to, suggestionsOnly } = this.data;
    const fetch = async (offset: number, limit: number) => {
      const page = await listRatings({ from, to, offset, limit, ...(suggestionsOnly ? { withSuggestionsOnly: true } : {}) });
      if (offset === 0) this.setData({ mean: page.mean === null ? '' : `平均 ${page.mean} 分（${page.total} 条评价，满分 5 分）` });
      return page;
    };
    return { fetch, map: toRow, what: '评价' };
  },

  onRange(e: WechatMiniprogram.PickerChange) {
    const which = e.currentTarget.dataset.end as 'from' | 'to';
    const range = { from: this.data.from, to: this.data.to, [which]: String(e.detail.value).slice(0, 7) };
    const span = monthIndex(range.to) - monthIndex(range.from);
    if (span < 0 || span > 23) {
      this.setData({ rangeError: span < 0 ? '起始月份不能晚于结束月份' : '一次最多查看24个月' });
      return;
    }
    this.setData({ ...range, rangeError: '', 'list.status': 'loading' });
    asPagedList(this).reloadList();
  },

  onToggleSuggestions() {
    this.setData({ suggestionsOnly: !this.data.suggestionsOnly, 'list.status': 'loading' });
    asPagedList(this).reloadList();
  },
});
