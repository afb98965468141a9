import { bindAction } from '../transport/transport';

/** 分页查询失信问题（最新在前） */
export const listFindings = bindAction('listFindings');
