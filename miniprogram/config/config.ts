/** Where the Mini Program's calls go: the CloudBase `api` function, or the local runtime of `npm start`. */
export type Mode = 'cloud' | 'local';

export interface AppConfig {
  /** The one switch. A release or trial build always uses 'cloud' (see `runtimeMode`). */
  mode: Mode;
  /** CloudBase environment id of the office's account. */
  cloudEnv: string;
  /** The local runtime (`npm start`); a phone on the LAN needs the computer's address here. */
  localBaseUrl: string;
}

export const config: AppConfig = {
  mode: 'local',
  cloudEnv: 'remote-inspection-prod',
  localBaseUrl: 'http://127.0.0.1:3000',
};

/** The mode in effect: a published build never talks to the local runtime, whatever the switch says. */
export function runtimeMode(): Mode {
  // https://developers.weixin.qq.com/miniprogram/dev/api/open-api/account-info/wx.getAccountInfoSync.html
  const env = wx.getAccountInfoSync ? wx.getAccountInfoSync().miniProgram.envVersion : 'develop';
  return env === 'release' || env === 'trial' ? 'cloud' : config.mode;
}
