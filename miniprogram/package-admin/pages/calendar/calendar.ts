import type { CalendarYearView, FestivalDays, MovedBooking, MovedDeadline } from '../../../../typings/api';
import { asSingleLoad, refusal, singleLoad, singleLoadData } from '../../../behaviors/single-load/single-load';
import { getCalendarYear } from '../../../services/admin/get-calendar-year';
import { saveCalendarYear } from '../../../services/admin/save-calendar-year';
import { formatChinaDate, formatChinaTime } from '../../../utils/china-time';
import { errorCode, errorText } from '../../../utils/format';
import { currentUser, hasRole } from '../../../utils/session';
import { noticeLine, splitDates } from '../../utils/notice-text';

// 工作日历: each year's holidays and 调休 as the State Council's notice words them, entered by the admin. Every
// deadline, slot and statistic counts working days on it; a year not entered is counted on the statutory days and
// everything counted on it is marked provisional.

interface DraftFestival {
  name: string;
  from: string;
  to: string;
  workdays: string;
}

interface MovedRow {
  key: string;
  text: string;
}

const KIND_LABELS: Record<MovedDeadline['kind'], string> = { rectification: '整改期限', followUp: '回访期限', correction: '责令改正期限' };

const toMovedRow = (m: MovedDeadline | MovedBooking): MovedRow => ({
  key: `${m.kind}:${m.caseId}:${m.issued}`,
  text: m.kind === 'booking'
    ? `${m.caseNumber} 预约的踏勘日${formatChinaDate(m.issued)}按新安排为节假日，需改约`
    : `${m.caseNumber} ${KIND_LABELS[m.kind]}：已定为${formatChinaDate(m.issued)}，按新安排应为${formatChinaDate(m.wouldBe)}`,
});

/** The page's data for a year as stored: loaded, or saved. */
const shown = (view: CalendarYearView) => ({
  view,
  lines: view.festivals.map((f) => ({ name: f.name, text: noticeLine(f) })),
  updated: view.entered && view.updatedAt ? `${view.updatedByName ?? '管理员'} 于 ${formatChinaTime(view.updatedAt)} 录入` : '',
  editing: false, previewed: false, moved: [] as MovedRow[], draftError: '',
});

const chinaYear = (): number => Number(formatChinaDate(new Date().toISOString()).slice(0, 4));

Page({
  behaviors: [singleLoad],
  data: {
    ...singleLoadData('工作日历'),
    year: 0,
    view: null as CalendarYearView | null,
    lines: [] as { name: string; text: string }[],
    updated: '',
    editing: false,
    source: '',
    draft: [] as DraftFestival[],
    draftError: '',
    /** After a first save without confirmation: the issued deadlines the days would move. */
    previewed: false,
    moved: [] as MovedRow[],
    busy: false,
  },

  onLoad(query: Record<string, string | undefined>) {
    const asked = Number(decodeURIComponent(query.year ?? ''));
    this.setData({ year: Number.isInteger(asked) && asked >= 2020 && asked <= 2099 ? asked : chinaYear() });
    asSingleLoad(this).reload();
  },

  async load() {
    if (!hasRole(await currentUser(), 'admin')) throw refusal('工作日历仅供系统管理员维护');
    return shown(await getCalendarYear({ year: this.data.year }));
  },

  onYear(e: WechatMiniprogram.TouchEvent) {
    const year = this.data.year + Number(e.currentTarget.dataset.step);
    if (year < 2020 || year > 2099) return;
    this.setData({ year, status: 'loading', failure: null });
    asSingleLoad(this).reload();
  },

  onEdit() {
    const view = this.data.view;
    if (!view) return;
    this.setData({
      editing: true, previewed: false, moved: [], draftError: '',
      // A provisional year starts from the statutory days; its notice names itself.
      source: view.provisional ? `国务院办公厅关于${view.year}年部分节假日安排的通知` : view.source,
      draft: view.festivals.map((f) => ({ name: f.name.replace('（含补假）', ''), from: f.from, to: f.to, workdays: f.workdays.join('、') })),
    });
  },

  onCancelEdit() {
    this.setData({ editing: false, previewed: false, moved: [] });
  },

  onSourceInput(e: WechatMiniprogram.Input) {
    this.setData({ source: e.detail.value, previewed: false });
  },

  /** Any field of one festival row: data-index and data-field name it. */
  onField(e: WechatMiniprogram.Input | WechatMiniprogram.PickerChange) {
    const { index, field } = e.currentTarget.dataset as { index: number; field: keyof DraftFestival };
    this.setData({ [`draft[${index}].${field}`]: String(e.detail.value), previewed: false, draftError: '' });
  },

  onAddFestival() {
    const from = `${this.data.year}-01-01`;
    this.setData({ draft: [...this.data.draft, { name: '', from, to: from, workdays: '' }], previewed: false });
  },

  onRemoveFestival(e: WechatMiniprogram.TouchEvent) {
    const index = Number(e.currentTarget.dataset.index);
    this.setData({ draft: this.data.draft.filter((_, i) => i !== index), previewed: false });
  },

  festivals(): FestivalDays[] {
    return this.data.draft.map((f) => ({ name: f.name.trim(), from: f.from, to: f.to, workdays: splitDates(f.workdays) }));
  },

  /** First without confirming: the server checks the days and lists the issued deadlines they would move. */
  async onSave() {
    if (this.data.busy || !this.data.view) return;
    const festivals = this.festivals();
    if (!festivals.length || festivals.some((f) => !f.name)) {
      this.setData({ draftError: '请填写每个节日的名称和放假日期' });
      return;
    }
    const confirm = this.data.previewed;
    this.setData({ busy: true });
    try {
      const r = await saveCalendarYear({ year: this.data.year, version: this.data.view.version, source: this.data.source.trim(), festivals, confirm });
      if (r.saved) {
        this.setData(shown(r.year));
        wx.showToast({ title: '已录入', icon: 'success' });
      } else {
        this.setData({ previewed: true, moved: r.moved.map(toMovedRow) });
      }
    } catch (err) {
      this.setData({ draftError: errorText(err, '保存失败，请重试') });
      if (errorCode(err) === 'CONFLICT') asSingleLoad(this).reload();
    }
    this.setData({ busy: false });
  },
});
