import { type Options, WxFailure, asyncApi } from './api';
import type { Privacy } from './privacy';
import { field, type Ui } from './ui';

// Location with one fixed demo position in 东丽区 (there is no map), system information of the phone frame,
// and the account the preview plays: a development build, so the Mini Program talks to the local runtime.

const DEMO_POSITION = { latitude: 39.0892, longitude: 117.3121, address: '天津市东丽区' };

export function createDevice(ui: Ui, privacy: Privacy, frame: { width: number; height: number }) {
  let copied = '';
  const windowInfo = () => ({
    pixelRatio: window.devicePixelRatio,
    screenWidth: frame.width,
    screenHeight: frame.height,
    windowWidth: frame.width,
    windowHeight: frame.height,
    statusBarHeight: 0,
    safeArea: { left: 0, right: frame.width, top: 0, bottom: frame.height, width: frame.width, height: frame.height },
  });
  const systemInfo = () => ({
    ...windowInfo(),
    brand: 'devtools',
    model: 'browser preview',
    system: navigator.userAgent,
    platform: 'devtools',
    language: 'zh_CN',
    version: '8.0.50',
    SDKVersion: '3.7.0',
    fontSizeSetting: 16,
  });

  return {
    getSystemInfoSync: systemInfo,
    getSystemInfo: asyncApi('getSystemInfo', systemInfo),
    getWindowInfo: windowInfo,
    getDeviceInfo: () => ({ brand: 'devtools', model: 'browser preview', system: navigator.userAgent, platform: 'devtools', pixelRatio: window.devicePixelRatio }),
    getAppBaseInfo: () => ({ SDKVersion: '3.7.0', language: 'zh_CN', version: '8.0.50', theme: 'light', fontSizeSetting: 16 }),
    getAccountInfoSync: () => ({ miniProgram: { appId: 'touristappid', envVersion: 'develop', version: '' } }),
    nextTick: (callback: () => void) => void Promise.resolve().then(callback),
    /** The browser's clipboard, and WeChat's own toast that says so. */
    setClipboardData: asyncApi('setClipboardData', async (o: Options) => {
      copied = String(o.data ?? '');
      // Headless or unfocused browsers may refuse the system clipboard; the text is still kept for getClipboardData.
      await navigator.clipboard?.writeText(copied).catch(() => undefined);
      ui.showToast({ title: '内容已复制', icon: 'none' });
      return {};
    }),
    getClipboardData: asyncApi('getClipboardData', () => ({ data: copied })),

    getLocation: asyncApi('getLocation', (o: Options) =>
      privacy.gate(() => ({ latitude: DEMO_POSITION.latitude, longitude: DEMO_POSITION.longitude, speed: 0, accuracy: 30, altitude: 0, verticalAccuracy: 0, horizontalAccuracy: 30, type: o.type ?? 'wgs84' })),
    ),
    /** WeChat's map picker; here a dialog at the demo position whose name and address can be edited. */
    chooseLocation: asyncApi('chooseLocation', () =>
      privacy.gate(async () => {
        const name = field('名称', '');
        const address = field('地址', DEMO_POSITION.address);
        const chosen = await ui.dialog({
          title: '选择位置（预览）',
          body: [`预览没有地图，位置固定为东丽区的演示坐标 ${DEMO_POSITION.latitude}, ${DEMO_POSITION.longitude}。`, name.row, address.row],
          buttons: [{ text: '取消', value: false }, { text: '确定', value: true, primary: true }],
        });
        if (!chosen) throw new WxFailure('cancel');
        return { name: name.input.value.trim(), address: address.input.value.trim(), latitude: DEMO_POSITION.latitude, longitude: DEMO_POSITION.longitude };
      }),
    ),
  };
}
