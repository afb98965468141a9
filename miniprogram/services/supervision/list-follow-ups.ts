import { bindAction } from '../transport/transport';

/** 分页查询监督回访任务（按到期时间） */
export const listFollowUps = bindAction('listFollowUps');
