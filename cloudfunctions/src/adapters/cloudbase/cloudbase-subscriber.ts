import type * as WxServerSdk from 'wx-server-sdk';
import type { SendResult, SubscribeMessage, Subscriber } from '../../ports/subscriber';

// Subscription messages through wx-server-sdk's cloud call 云调用 `cloud.openapi.subscribeMessage.send`: no access
// token to keep, the function's config.json grants the permission ({"permissions":{"openapi":["subscribeMessage.send"]}}).
// https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/mp-message-management/subscribe-message/sendMessage.html
// The SDK turns camelCase into the API's snake_case itself; it throws WeChat's errcode as `errCode` (negative codes
// are the SDK's and CloudBase's own: network, permission, timeout).

type SendApi = (message: SubscribeMessage) => Promise<unknown>;

export class CloudbaseSubscriber implements Subscriber {
  constructor(private readonly cloud: Pick<typeof WxServerSdk, 'openapi'>) {}

  async send(message: SubscribeMessage): Promise<SendResult> {
    // The SDK types openapi as Record<string, any>: the one call used here is given its shape.
    const api = this.cloud.openapi.subscribeMessage as { send: SendApi };
    try {
      await api.send(message);
      return { ok: true };
    } catch (error) {
      const { errCode, errMsg, message: text } = (error ?? {}) as { errCode?: unknown; errMsg?: unknown; message?: unknown };
      return {
        ok: false,
        errcode: typeof errCode === 'number' && errCode !== 0 ? errCode : -1,
        errmsg: String(errMsg ?? text ?? 'subscribeMessage.send failed'),
      };
    }
  }
}
