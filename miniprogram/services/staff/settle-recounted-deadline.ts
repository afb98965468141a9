import { bindAction } from '../transport/transport';

/** 节假日安排录入后：采用新期限或保持原期限（办件的经办人） */
export const settleRecountedDeadline = bindAction('settleRecountedDeadline');
