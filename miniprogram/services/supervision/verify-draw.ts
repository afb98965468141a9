import { bindAction } from '../transport/transport';

/** 按记录重新计算某月抽查并核对是否一致 */
export const verifyDraw = bindAction('verifyDraw');
