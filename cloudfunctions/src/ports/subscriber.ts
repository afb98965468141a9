// WeChat subscription messages 订阅消息, as subscribeMessage.send takes them. The answer is a value, never a throw:
// WeChat's errcode tells the sender whether to give up (43101 not subscribed, 47003 a bad value …) or try again.

export interface SubscribeMessage {
  /** The recipient's OPENID. */
  touser: string;
  templateId: string;
  /** The page the card opens, without a leading slash, e.g. 'pages/case-detail/case-detail?id=…'. */
  page: string;
  /** Keyword → value, e.g. { thing2: { value: '二次供水单位卫生许可' } }. */
  data: Record<string, { value: string }>;
  miniprogramState: 'formal' | 'trial' | 'developer';
}

export type SendResult = { ok: true } | { ok: false; errcode: number; errmsg: string };

export interface Subscriber {
  send(message: SubscribeMessage): Promise<SendResult>;
}
