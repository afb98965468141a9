import { bindAction } from '../transport/transport';

/** 录入某一年的节假日安排；不确认时只返回将受影响的已发出期限 */
export const saveCalendarYear = bindAction('saveCalendarYear');
