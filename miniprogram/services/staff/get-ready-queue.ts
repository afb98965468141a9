import { bindAction } from '../transport/transport';

/** 分页查询我的待预约队列（按受理顺序） */
export const getReadyQueue = bindAction('getReadyQueue');
