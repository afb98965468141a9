import { bindAction } from '../transport/transport';

/** 信用修复：解除一条失信黑名单记录 */
export const liftBlacklisting = bindAction('liftBlacklisting');
