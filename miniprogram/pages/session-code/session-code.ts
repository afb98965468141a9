import type { InspectionView } from '../../../typings/models';
import { confirmSessionCode } from '../../services/inspection/confirm-session-code';
import { getInspection } from '../../services/inspection/get-inspection';
import { errorText } from '../../utils/format';
import { locate } from '../../utils/location';
import { pageParam } from '../../utils/page-query';
import { type Failure, failureOf } from '../../utils/failure';

// The on-site phone enters the code the officer reads out (R8), with its location for the premises check; once
// accepted the code fills the screen to be shown to the camera.

const spaced = (code: string) => code.replace(/(\d{3})(?=\d)/g, '$1 ');

Page({
  data: {
    status: 'loading' as 'loading' | 'error' | 'ready',
    failure: null as Failure | null,
    caseId: '',
    number: '',
    canConfirm: false,
    code: '',
    codeError: '',
    busy: false,
    shown: '',
  },

  onLoad(query: Record<string, string | undefined>) {
    this.setData({ caseId: pageParam(query, 'id') });
    this.load();
  },

  async load() {
    try {
      this.show(await getInspection({ caseId: this.data.caseId }));
    } catch (err) {
      this.setData({ status: 'error', failure: failureOf(err, '办件') });
    }
  },

  show(v: InspectionView) {
    this.setData({ status: 'ready', number: v.number, canConfirm: v.can.includes('confirmSessionCode') });
  },

  onRetry() {
    this.setData({ status: 'loading' });
    this.load();
  },

  onCodeInput(e: WechatMiniprogram.Input) {
    this.setData({ code: e.detail.value.replace(/\D/g, ''), codeError: '' });
  },

  async onConfirm() {
    if (this.data.busy) return;
    const code = this.data.code;
    if (code.length !== 6) {
      this.setData({ codeError: '请输入审批人员宣读的6位数字会话码' });
      return;
    }
    this.setData({ busy: true });
    const location = await locate();
    if (!location) {
      this.setData({ busy: false });
      return;
    }
    try {
      const answer = await confirmSessionCode({ caseId: this.data.caseId, code, location });
      this.setData(answer.confirmed ? { shown: spaced(code) } : { codeError: answer.message });
    } catch (err) {
      this.setData({ codeError: errorText(err, '确认失败，请重试') });
    }
    this.setData({ busy: false });
  },

  onEnterAgain() {
    this.setData({ shown: '', code: '', codeError: '' });
  },
});
