import { config, runtimeMode } from './config/config';

App<IAppOption>({
  globalData: {},
  onLaunch() {
    if (runtimeMode() === 'cloud') {
      // https://developers.weixin.qq.com/miniprogram/dev/wxcloud/reference-sdk-api/init/client.init.html
      wx.cloud.init({ env: config.cloudEnv, traceUser: true });
    }
  },
});
