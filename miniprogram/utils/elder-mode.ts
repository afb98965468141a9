// 长辈模式 (after MIIT's 互联网应用适老化 guidance and WeChat's 小程序适老化设计指南): larger type (body 18 px and
// up), more space and larger tap targets. The person turns it on or off in 我的; until they choose, it follows
// WeChat's own font size: from 18 px (one step above standard on a 375-wide phone) it is on.
// https://developers.weixin.qq.com/miniprogram/design/elderly.html

const KEY = 'elderMode';
/** WeChat's font size from which pages switch to 长辈模式 by themselves. */
const LARGE_SYSTEM_FONT_PX = 18;

function systemFontPx(): number {
  try {
    return wx.getAppBaseInfo().fontSizeSetting ?? 0;
  } catch {
    return 0;
  }
}

/** Whether pages show in 长辈模式: the person's choice, or else WeChat's font size. */
export function isElderMode(): boolean {
  const chosen = wx.getStorageSync(KEY) as unknown;
  if (chosen === 'on') return true;
  if (chosen === 'off') return false;
  return systemFontPx() >= LARGE_SYSTEM_FONT_PX;
}

export function setElderMode(on: boolean): void {
  wx.setStorageSync(KEY, on ? 'on' : 'off');
}
