import { bindAction } from '../transport/transport';

/** 申请人生成现场联系人邀请（一次有效，限时） */
export const inviteContact = bindAction('inviteContact');
