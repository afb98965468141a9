import { bindAction } from '../transport/transport';

/** 申请人申请其他踏勘时间 */
export const requestOtherTimes = bindAction('requestOtherTimes');
