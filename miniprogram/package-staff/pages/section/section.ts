import type { SectionCaseRow, SectionWorkbench } from '../../../../typings/api';
import type { UserView } from '../../../../typings/models';
import { asPagedList, pagedList } from '../../../behaviors/paged-list/paged-list';
import { getSectionWorkbench } from '../../../services/staff/get-section-workbench';
import { listSectionCases } from '../../../services/staff/list-section-cases';
import { listSectionStaff } from '../../../services/staff/list-section-staff';
import { reassignCase } from '../../../services/staff/reassign-case';
import { errorCode, errorText } from '../../../utils/format';
import { type ListData, emptyList } from '../../../utils/paged-list';

// 科室工作台: the section head's view of the section (R18) — open cases by state, each officer's load and what is
// overdue — and reassignment with a reason straight from the list.

type Filter = { state?: SectionCaseRow['state']; handlerId?: string; overdueOnly?: boolean };

interface Row extends SectionCaseRow {
  handlerText: string;
}

const toRow = (c: SectionCaseRow): Row => ({ ...c, handlerText: c.handlerName ? `经办人：${c.handlerName}` : '尚未受理' });

Page({
  behaviors: [pagedList],
  data: {
    status: 'loading' as 'loading' | 'error' | 'ready',
    error: '',
    bench: null as SectionWorkbench | null,
    states: [] as SectionWorkbench['states'],
    filter: {} as Filter,
    filterKey: 'all',
    list: emptyList<Row>() as ListData<Row>,
    staff: [] as UserView[],
    staffNames: [] as string[],
    /** The case being reassigned. */
    moving: null as Row | null,
    staffIndex: -1,
    reason: '',
    moveError: '',
    busy: false,
  },

  listSource() {
    const filter = this.data.filter;
    return { fetch: (offset: number, limit: number) => listSectionCases({ offset, limit, ...filter }), map: toRow, what: '办件' };
  },

  /** The counts above the list follow every reload of it. */
  alsoRefresh() {
    return this.loadBench();
  },

  async loadBench() {
    try {
      const bench = await getSectionWorkbench({});
      this.setData({ status: 'ready', bench, states: bench.states.filter((s) => s.count > 0) });
    } catch (err) {
      this.setData({ status: 'error', error: errorText(err, '科室工作台加载失败，请重试') });
    }
  },

  onRetryBench() {
    this.setData({ status: 'loading' });
    this.loadBench();
  },

  /** A state, an officer or 逾期 narrows the list; tapping the same again shows all. */
  onFilter(e: WechatMiniprogram.TouchEvent) {
    const { key, state, handler } = e.currentTarget.dataset as { key: string; state?: string; handler?: string };
    const same = key === this.data.filterKey;
    const filter: Filter = same ? {} : key === 'overdue' ? { overdueOnly: true } : state ? { state: state as Filter['state'] } : handler ? { handlerId: handler } : {};
    this.setData({ filter, filterKey: same ? 'all' : key, 'list.status': 'loading' });
    asPagedList(this).reloadList();
  },

  async onOpenMove(e: WechatMiniprogram.TouchEvent) {
    const row = this.data.list.items.find((r) => r.id === e.currentTarget.dataset.id);
    if (!row) return;
    this.setData({ moving: row, staffIndex: -1, reason: '', moveError: '' });
    if (this.data.staff.length) return;
    try {
      const staff = await listSectionStaff({ ...(this.data.bench ? { sectionCode: this.data.bench.sectionCode } : {}) });
      this.setData({ staff, staffNames: staff.map((u) => u.name) });
    } catch (err) {
      this.setData({ moveError: errorText(err, '人员名单加载失败') });
    }
  },

  onCloseMove() {
    this.setData({ moving: null });
  },

  onPickStaff(e: WechatMiniprogram.PickerChange) {
    this.setData({ staffIndex: Number(e.detail.value), moveError: '' });
  },

  onReasonInput(e: WechatMiniprogram.Input) {
    this.setData({ reason: e.detail.value, moveError: '' });
  },

  onOpenCase(e: WechatMiniprogram.TouchEvent) {
    wx.navigateTo({ url: `/package-staff/pages/case-review/case-review?id=${encodeURIComponent(e.currentTarget.dataset.id as string)}` });
  },

  async onMove() {
    const row = this.data.moving;
    const to = this.data.staff[this.data.staffIndex];
    const reason = this.data.reason.trim();
    if (!row || this.data.busy) return;
    const problem = !to ? '请选择改派给谁' : to.openid === row.handlerId ? '接办人员与当前经办人相同' : reason.length < 2 ? '请写明改派原因' : '';
    if (problem) {
      this.setData({ moveError: problem });
      return;
    }
    this.setData({ busy: true });
    try {
      await reassignCase({ caseId: row.id, version: row.version, toOpenid: to!.openid, reason });
      this.setData({ moving: null });
      wx.showToast({ title: `已改派给${to!.name}`, icon: 'none' });
      await asPagedList(this).reloadList();
    } catch (err) {
      this.setData({ moveError: errorText(err, '改派失败，请重试') });
      if (errorCode(err) === 'CONFLICT') asPagedList(this).reloadList();
    }
    this.setData({ busy: false });
  },
});
