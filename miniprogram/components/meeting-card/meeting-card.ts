import type { MeetingCard } from '../../../typings/models';
import { formatChinaSlot } from '../../utils/china-time';

// The booked meeting: its time with a countdown, the meeting code, and one button that opens the Tencent Meeting
// Mini Program on that meeting; where the jump is not possible the code and link are copied instead.
// https://developers.weixin.qq.com/miniprogram/dev/api/navigate/wx.navigateToMiniProgram.html

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** How long until the meeting, or where it stands. */
function countdownText(startMs: number, endMs: number, nowMs: number): string {
  if (nowMs >= endMs) return '预约时间已过';
  if (nowMs >= startMs) return '会议进行中，请尽快进入';
  const left = startMs - nowMs;
  if (left >= DAY) return `距开始还有 ${Math.floor(left / DAY)}天${Math.floor((left % DAY) / HOUR)}小时`;
  if (left >= HOUR) return `距开始还有 ${Math.floor(left / HOUR)}小时${Math.floor((left % HOUR) / MINUTE)}分`;
  return `距开始还有 ${Math.floor(left / MINUTE)}分${Math.floor((left % MINUTE) / 1000)}秒`;
}

/** 123 456 789: easier to read aloud and to type. */
const spacedCode = (code: string) => code.replace(/(\d{3})(?=\d)/g, '$1 ');

/** The countdown's timer, kept on the instance. */
const timerOf = (self: unknown) => self as { timer?: ReturnType<typeof setTimeout> };
const stopTimer = (self: unknown) => {
  const t = timerOf(self).timer;
  if (t !== undefined) clearTimeout(t);
};

Component({
  properties: {
    /** A MeetingCard (typings/models.ts). */
    meeting: { type: Object, value: {} },
  },
  data: { slotText: '', countdown: '', codeText: '' },
  observers: {
    meeting(m: Partial<MeetingCard>) {
      this.setData({
        slotText: m.start && m.end ? formatChinaSlot(m.start, m.end) : '',
        codeText: m.meetingCode ? spacedCode(m.meetingCode) : '',
      });
      this.tick();
    },
  },
  lifetimes: {
    detached() {
      stopTimer(this);
    },
  },
  pageLifetimes: {
    show() {
      this.tick();
    },
    hide() {
      stopTimer(this);
    },
  },
  methods: {
    tick() {
      const m = this.data.meeting as Partial<MeetingCard>;
      stopTimer(this);
      if (!m.start || !m.end) return;
      const now = Date.now();
      const countdown = countdownText(Date.parse(m.start), Date.parse(m.end), now);
      if (countdown !== this.data.countdown) this.setData({ countdown });
      if (now >= Date.parse(m.end)) return;
      // Seconds matter only in the last hour.
      timerOf(this).timer = setTimeout(() => this.tick(), Date.parse(m.start) - now < HOUR ? 1000 : 30_000);
    },

    onJoin() {
      const m = this.data.meeting as Partial<MeetingCard>;
      if (!m.miniProgram) {
        this.copyMeeting();
        return;
      }
      wx.navigateToMiniProgram({
        appId: m.miniProgram.appId,
        path: m.miniProgram.path,
        envVersion: 'release',
        fail: (err) => {
          // The person closed WeChat's confirmation: they chose not to go, nothing to copy.
          if (!/cancel/i.test(err.errMsg)) this.copyMeeting();
        },
      });
    },

    onCopy() {
      this.copyMeeting();
    },

    copyMeeting() {
      const m = this.data.meeting as Partial<MeetingCard>;
      const lines = [
        m.meetingCode ? `腾讯会议号：${spacedCode(m.meetingCode)}` : '',
        m.password ? `会议密码：${m.password}` : '',
        m.joinUrl ? `入会链接：${m.joinUrl}` : '',
      ].filter(Boolean);
      if (!lines.length) return;
      // https://developers.weixin.qq.com/miniprogram/dev/api/device/clipboard/wx.setClipboardData.html
      wx.setClipboardData({
        data: lines.join('\n'),
        success: () =>
          wx.showModal({
            title: '已复制会议信息',
            content: '请打开腾讯会议App，点击“加入会议”，粘贴会议号后入会；也可以在浏览器中打开入会链接。',
            showCancel: false,
            confirmText: '知道了',
          }),
      });
    },
  },
});
