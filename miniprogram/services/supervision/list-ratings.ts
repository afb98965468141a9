import { bindAction } from '../transport/transport';

/** 分页查询满意度评价和意见建议（按月份、事项） */
export const listRatings = bindAction('listRatings');
