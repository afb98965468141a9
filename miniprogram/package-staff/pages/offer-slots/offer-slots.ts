import type { ReadinessView } from '../../../../typings/models';
import { getGroup } from '../../../services/group/get-group';
import { offerSlots } from '../../../services/staff/offer-slots';
import { PROVISIONAL_DATE_NOTE, chinaDateAfter, slotText } from '../../../utils/china-time';
import { errorCode, errorText } from '../../../utils/format';
import { pageParam } from '../../../utils/page-query';
import { asSingleLoad, singleLoad, singleLoadData } from '../../../behaviors/single-load/single-load';

// Up to three slots for the applicant to pick from (R11). The pickers keep to the usual office hours; the server
// holds the configured hours, the holidays, the officer's other bookings and daily maximum, and its refusal says
// which rule a time breaks.

const MAX_SLOTS = 3;
/** Days ahead the date picker offers. */
const DAYS_AHEAD = 30;
/** The picker's window; the configured office hours are checked by the server. */
const PICKER_HOURS = { from: '09:00', to: '17:00' };

interface SlotRow {
  date: string;
  time: string;
}

const emptyRow = (): SlotRow => ({ date: '', time: '' });
/** An ISO instant with China's offset, which the server reads as meant. */
const startOf = (row: SlotRow) => `${row.date}T${row.time}:00+08:00`;

Page({
  behaviors: [singleLoad],
  data: {
    ...singleLoadData('办件'),
    /** The slots are offered: the page says so instead of the form. */
    done: false,
    caseId: '',
    version: 0,
    number: '',
    companyName: '',
    label: '',
    offeredText: [] as string[],
    /** Said under the slots when a day among them is counted on the statutory holidays. */
    provisionalNote: '',
    requestNote: '',
    rows: [emptyRow()] as SlotRow[],
    rowsError: '',
    reason: '',
    /** Earlier-accepted cases still waiting (from the queue): a reason is then required. */
    ahead: 0,
    reasonError: '',
    today: '',
    lastDay: '',
    hours: PICKER_HOURS,
    busy: false,
  },

  onLoad(query: Record<string, string | undefined>) {
    this.setData({ caseId: pageParam(query, 'id'), ahead: Number(pageParam(query, 'ahead')) || 0, today: chinaDateAfter(0), lastDay: chinaDateAfter(DAYS_AHEAD) });
    asSingleLoad(this).reload();
  },

  async load() {
    return this.shown(await getGroup({ caseId: this.data.caseId }));
  },

  /** The page's data for the case as the server shows it: loaded, or after offering. */
  shown(r: ReadinessView) {
    return {
      version: r.case.version,
      number: r.case.number,
      companyName: r.case.companyName,
      label: r.case.groupLabel ?? '',
      offeredText: r.scheduling.offeredSlots.map(slotText),
      provisionalNote: r.scheduling.offeredSlots.some((s) => s.provisional) ? `标有“暂算”的时段：${PROVISIONAL_DATE_NOTE}` : '',
      requestNote: r.scheduling.otherTimesRequest?.note ?? '',
    };
  },

  onPickDate(e: WechatMiniprogram.PickerChange) {
    this.setData({ [`rows[${Number(e.currentTarget.dataset.index)}].date`]: e.detail.value, rowsError: '' });
  },

  onPickTime(e: WechatMiniprogram.PickerChange) {
    this.setData({ [`rows[${Number(e.currentTarget.dataset.index)}].time`]: e.detail.value, rowsError: '' });
  },

  onAddRow() {
    if (this.data.rows.length < MAX_SLOTS) this.setData({ rows: [...this.data.rows, emptyRow()] });
  },

  onRemoveRow(e: WechatMiniprogram.TouchEvent) {
    const index = Number(e.currentTarget.dataset.index);
    this.setData({ rows: this.data.rows.filter((_, i) => i !== index), rowsError: '' });
  },

  onReasonInput(e: WechatMiniprogram.Input) {
    this.setData({ reason: e.detail.value, reasonError: '' });
  },

  /** What is wrong with the rows, '' when they can be sent. */
  rowsError(): string {
    const rows = this.data.rows;
    if (!rows.length) return '请至少提供一个时段';
    if (rows.some((r) => !r.date || !r.time)) return '请为每个时段选择日期和开始时间';
    const starts = rows.map(startOf);
    return new Set(starts).size < starts.length ? '时段不能重复' : '';
  },

  async onSubmit() {
    if (this.data.busy) return;
    const rowsError = this.rowsError();
    if (rowsError) {
      this.setData({ rowsError });
      return;
    }
    const starts = this.data.rows.map(startOf);
    const reason = this.data.reason.trim();
    if (this.data.ahead && reason.length < 2) {
      this.setData({ reasonError: '请写明先安排此件的原因' });
      return;
    }
    const { confirm } = await wx.showModal({
      title: '确认提供时段',
      content: `将向申请人提供：${this.data.rows.map((r) => `${r.date} ${r.time}`).join('；')}`,
      confirmText: '提供',
      cancelText: '再看看',
    });
    if (!confirm) return;
    this.setData({ busy: true });
    try {
      const r = await offerSlots({ caseId: this.data.caseId, version: this.data.version, starts, ...(reason ? { reason } : {}) });
      this.setData({ ...this.shown(r), done: true });
      wx.showToast({ title: '已提供时段', icon: 'success' });
    } catch (err) {
      // Conflicts, the daily maximum, office hours and the queue order are the server's to say.
      wx.showModal({ title: '未能提供时段', content: errorText(err), showCancel: false, confirmText: '知道了' });
      if (errorCode(err) === 'CONFLICT') asSingleLoad(this).reload();
    }
    this.setData({ busy: false });
  },

  onBack() {
    wx.navigateBack();
  },
});
