import { bindAction } from '../transport/transport';

/** 在踏勘群发送文字或图片消息 */
export const postGroupMessage = bindAction('postGroupMessage');
