import { bindAction } from '../transport/transport';

/** 凭邀请加入踏勘群（成为现场联系人） */
export const joinGroupByInvite = bindAction('joinGroupByInvite');
