import type { DeviceLocation } from '../../typings/models';

// Where the phone is, for the premises check (R8) and the live photo's stamp. A refusal is explained with a way to
// the settings; the caller gets null and stops.

const denied = (errMsg: string) => /auth|deny|permission/i.test(errMsg);

/** The phone's position in GCJ-02, or null after telling the person why it could not be had. */
export function locate(): Promise<DeviceLocation | null> {
  return new Promise((resolve) => {
    // https://developers.weixin.qq.com/miniprogram/dev/api/location/wx.getLocation.html
    wx.getLocation({
      type: 'gcj02',
      isHighAccuracy: true,
      highAccuracyExpireTime: 5000,
      success: (res) =>
        resolve({
          latitude: res.latitude,
          longitude: res.longitude,
          ...(res.accuracy > 0 ? { accuracy: Math.round(res.accuracy) } : {}),
        }),
      fail: (err) => {
        if (denied(err.errMsg)) {
          wx.showModal({
            title: '需要使用位置',
            content: '核对您是否在申报的经营场所需要使用位置信息，请在设置中允许后重试。',
            confirmText: '去设置',
            success: (r) => r.confirm && wx.openSetting({}),
          });
        } else {
          wx.showModal({ title: '定位失败', content: '请打开手机的定位服务（GPS）后重试。', showCancel: false, confirmText: '知道了' });
        }
        resolve(null);
      },
    });
  });
}
