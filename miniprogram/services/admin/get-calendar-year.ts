import { bindAction } from '../transport/transport';

/** 查询某一年的节假日安排（工作日历） */
export const getCalendarYear = bindAction('getCalendarYear');
