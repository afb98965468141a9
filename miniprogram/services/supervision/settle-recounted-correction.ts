import { bindAction } from '../transport/transport';

/** 节假日安排录入后：责令改正期限采用新期限或保持原期限（政策法规科） */
export const settleRecountedCorrection = bindAction('settleRecountedCorrection');
