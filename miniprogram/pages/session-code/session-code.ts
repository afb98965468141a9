import { singleLoad, singleLoadData } from '../../behaviors/single-load/single-load';
import { confirmSessionCode } from '../../services/inspection/confirm-session-code';
import { getInspection } from '../../services/inspection/get-inspection';
import { errorText } from '../../utils/format';
import { locate } from '../../utils/location';

// The on-site phone enters the code the officer reads out (R8), with its location for the premises check; once
// accepted the code fills the screen to be shown to the camera.

const spaced = (code: string) => code.replace(/(\d{3})(?=\d)/g, '$1 ');

Page({
  behaviors: [singleLoad],
  data: {
    ...singleLoadData('办件'),
    caseId: '',
    number: '',
    canConfirm: false,
    code: '',
    codeError: '',
    busy: false,
    shown: '',
  },

  async load() {
    const v = await getInspection({ caseId: this.data.caseId });
    return { number: v.number, canConfirm: v.can.includes('confirmSessionCode') };
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
