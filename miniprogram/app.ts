import { elderMode } from './behaviors/elder-mode/elder-mode';
import { config, runtimeMode } from './config/config';

// Every page follows 长辈模式: the behavior joins each Page() (the pages load after app.ts).
const registerPage = Page;
Page = ((options: Record<string, any>) =>
  registerPage({ ...options, behaviors: [...(options.behaviors ?? []), elderMode] })) as unknown as typeof Page;

App<IAppOption>({
  globalData: {},
  onLaunch() {
    if (runtimeMode() === 'cloud') {
      // https://developers.weixin.qq.com/miniprogram/dev/wxcloud/reference-sdk-api/init/client.init.html
      wx.cloud.init({ env: config.cloudEnv, traceUser: true });
    }
  },
});
